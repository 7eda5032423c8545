package org.sanctionsgraph.limits;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.TimeMeter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.sanctionsgraph.MemoryMongo;

/**
 * Buckets in MongoDB shared by several instances: what one instance spends, the others
 * cannot, also when they spend at the same moment. The buckets' clock stands still, so
 * nothing refills while a test runs however slow the machine is.
 */
class MongoBucketStoreTests {

	private static final TimeMeter STOPPED = new TimeMeter() {

		@Override
		public long currentTimeNanos() {
			return TimeUnit.DAYS.toNanos(20_000);
		}

		@Override
		public boolean isWallClockBased() {
			return true;
		}

	};

	private final MemoryMongo mongo = new MemoryMongo();

	private final ExecutorService threads = Executors.newFixedThreadPool(8);

	@AfterEach
	void close() {
		this.threads.shutdownNow();
		this.mongo.close();
	}

	private RateBuckets instance() {
		return new RateBuckets.Shared(new MongoBucketStore(
				this.mongo.template().getCollection(MongoBucketStore.COLLECTION), Duration.ofMinutes(1), STOPPED));
	}

	@Test
	void whatOneInstanceSpendsTheOtherCannot() {
		RateBuckets first = instance();
		RateBuckets second = instance();
		Bucket one = first.bucket("address:10.0.0.1", 10);
		Bucket other = second.bucket("address:10.0.0.1", 10);
		assertThat(one.tryConsume(6)).isTrue();
		assertThat(other.getAvailableTokens()).isEqualTo(4);
		assertThat(other.tryConsume(5)).isFalse();
		assertThat(other.tryConsume(4)).isTrue();
		assertThat(one.tryConsume(1)).isFalse();
		// another client, and the same client under another allowance, have buckets of
		// their own
		assertThat(second.bucket("address:10.0.0.2", 10).tryConsume(10)).isTrue();
		assertThat(first.bucket("address:10.0.0.1", 20).tryConsume(20)).isTrue();
	}

	@Test
	void instancesSpendingAtOnceAllowExactlyTheCapacity() throws Exception {
		List<RateBuckets> instances = List.of(instance(), instance(), instance(), instance());
		List<Callable<Integer>> spenders = new ArrayList<>();
		for (RateBuckets instance : instances) {
			for (int thread = 0; thread < 2; thread++) {
				spenders.add(() -> {
					int granted = 0;
					for (int i = 0; i < 40; i++) {
						if (instance.bucket("caller:key:busy", 100).tryConsume(1)) {
							granted++;
						}
					}
					return granted;
				});
			}
		}
		int granted = 0;
		for (Future<Integer> spent : this.threads.invokeAll(spenders)) {
			granted += spent.get(60, TimeUnit.SECONDS);
		}
		// 8 spenders asked 320 times in all; the bucket held 100 tokens
		assertThat(granted).isEqualTo(100);
		assertThat(instances.get(0).bucket("caller:key:busy", 100).getAvailableTokens()).isZero();
	}

	@Test
	void aBucketsDocumentExpiresOnceItWouldHaveRefilled() {
		instance().bucket("address:10.0.0.9", 10).tryConsume(1);
		var stored = this.mongo.template().getCollection(MongoBucketStore.COLLECTION).find().first();
		assertThat(stored).isNotNull();
		assertThat(stored.getString("_id")).isEqualTo("address:10.0.0.9/10");
		assertThat(stored.getDate("expiresAt")).isInTheFuture();
		assertThat(this.mongo.template().getCollection(MongoBucketStore.COLLECTION).listIndexes())
			.anySatisfy(index -> assertThat(index.get("expireAfterSeconds")).isNotNull());
	}

}
