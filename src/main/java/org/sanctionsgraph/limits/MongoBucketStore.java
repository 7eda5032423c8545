package org.sanctionsgraph.limits;

import java.time.Duration;
import java.util.Date;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Updates;
import io.github.bucket4j.TimeMeter;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.proxy.ClientSideConfig;
import io.github.bucket4j.distributed.proxy.generic.compare_and_swap.AbstractCompareAndSwapBasedProxyManager;
import io.github.bucket4j.distributed.proxy.generic.compare_and_swap.AsyncCompareAndSwapOperation;
import io.github.bucket4j.distributed.proxy.generic.compare_and_swap.CompareAndSwapOperation;
import io.github.bucket4j.distributed.remote.RemoteBucketState;
import org.bson.Document;
import org.bson.types.Binary;

/**
 * Token buckets kept in MongoDB, so that every instance of the API spends from the same
 * allowance: Bucket4j's compare-and-swap back end, with each bucket's state a binary
 * field swapped only when it still holds what this instance read. A bucket's document
 * expires (TTL index) once its bucket would have refilled completely.
 */
final class MongoBucketStore extends AbstractCompareAndSwapBasedProxyManager<String> {

	static final String COLLECTION = "rateLimitBuckets";

	private final MongoCollection<Document> buckets;

	MongoBucketStore(MongoCollection<Document> buckets, Duration keepFor) {
		this(buckets, keepFor, TimeMeter.SYSTEM_MILLISECONDS);
	}

	/** With the clock the buckets refill by (tests stop it). */
	MongoBucketStore(MongoCollection<Document> buckets, Duration keepFor, TimeMeter clock) {
		super(ClientSideConfig.getDefault()
			.withClientClock(clock)
			.withExpirationAfterWriteStrategy(
					ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(keepFor)));
		this.buckets = buckets;
		this.buckets.createIndex(Indexes.ascending("expiresAt"), new IndexOptions().expireAfter(0L, TimeUnit.SECONDS));
	}

	@Override
	protected CompareAndSwapOperation beginCompareAndSwapOperation(String key) {
		return new CompareAndSwapOperation() {

			@Override
			public Optional<byte[]> getStateData(Optional<Long> timeoutNanos) {
				Document bucket = MongoBucketStore.this.buckets.find(Filters.eq("_id", key)).first();
				return Optional.ofNullable(bucket).map(found -> found.get("state", Binary.class).getData());
			}

			@Override
			public boolean compareAndSwap(byte[] originalData, byte[] newData, RemoteBucketState newState,
					Optional<Long> timeoutNanos) {
				return swap(key, originalData, newData, newState);
			}

		};
	}

	private boolean swap(String key, byte[] original, byte[] replacement, RemoteBucketState state) {
		Date expiresAt = new Date(System.currentTimeMillis() + Math.max(1000,
				getClientSideConfig().getExpirationAfterWriteStrategy()
					.map(strategy -> strategy.calculateTimeToLiveMillis(state, currentTimeNanos()))
					.orElse(60_000L)));
		if (original == null) {
			try {
				this.buckets.insertOne(new Document("_id", key).append("state", new Binary(replacement))
					.append("expiresAt", expiresAt));
				return true;
			}
			catch (MongoWriteException ex) {
				// another instance created the bucket first: read it again and retry
				if (ErrorCategory.fromErrorCode(ex.getCode()) == ErrorCategory.DUPLICATE_KEY) {
					return false;
				}
				throw ex;
			}
		}
		return this.buckets
			.updateOne(Filters.and(Filters.eq("_id", key), Filters.eq("state", new Binary(original))),
					Updates.combine(Updates.set("state", new Binary(replacement)), Updates.set("expiresAt", expiresAt)))
			.getMatchedCount() == 1;
	}

	@Override
	protected AsyncCompareAndSwapOperation beginAsyncCompareAndSwapOperation(String key) {
		throw new UnsupportedOperationException("the MongoDB bucket store is synchronous");
	}

	@Override
	public void removeProxy(String key) {
		this.buckets.deleteOne(Filters.eq("_id", key));
	}

	@Override
	protected CompletableFuture<Void> removeAsync(String key) {
		throw new UnsupportedOperationException("the MongoDB bucket store is synchronous");
	}

	@Override
	public boolean isAsyncModeSupported() {
		return false;
	}

	@Override
	public boolean isExpireAfterWriteSupported() {
		return true;
	}

}
