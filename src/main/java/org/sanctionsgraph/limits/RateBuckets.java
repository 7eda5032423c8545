package org.sanctionsgraph.limits;

import java.time.Duration;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.distributed.proxy.ProxyManager;

/**
 * Where the rate limits' token buckets live: in this process (each instance counts on its
 * own) or in a store every instance shares ({@link MongoBucketStore}), so that several
 * instances behind a load balancer allow a client what one would.
 */
public abstract sealed class RateBuckets {

	/** Buckets held in this process only. */
	public static RateBuckets inMemory() {
		return new Local();
	}

	/** A client's bucket, allowing {@code perMinute} requests a minute. */
	abstract Bucket bucket(String client, long perMinute);

	static BucketConfiguration perMinute(long perMinute) {
		return BucketConfiguration.builder()
			.addLimit(
					Bandwidth.builder().capacity(perMinute).refillIntervally(perMinute, Duration.ofMinutes(1)).build())
			.build();
	}

	/** Buckets held in this process, forgotten ten minutes after their last use. */
	static final class Local extends RateBuckets {

		private final Cache<String, Bucket> buckets = Caffeine.newBuilder()
			.expireAfterAccess(Duration.ofMinutes(10))
			.maximumSize(100_000)
			.build();

		@Override
		Bucket bucket(String client, long perMinute) {
			return this.buckets.get(client + "/" + perMinute,
					key -> Bucket.builder().addLimit(perMinute(perMinute).getBandwidths()[0]).build());
		}

	}

	/** Buckets in a store shared by every instance. */
	static final class Shared extends RateBuckets {

		private final ProxyManager<String> store;

		Shared(ProxyManager<String> store) {
			this.store = store;
		}

		@Override
		Bucket bucket(String client, long perMinute) {
			return this.store.builder().build(client + "/" + perMinute, () -> perMinute(perMinute));
		}

	}

}
