package org.sanctionsgraph.limits;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.mongodb.autoconfigure.MongoClientSettingsBuilderCustomizer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.context.annotation.Configuration;

/**
 * The clock that time limits are measured with (tests replace it to make time
 * deterministic), and the request time limit as every MongoDB operation's client-side
 * timeout, so a slow query cannot hold a thread beyond it (within a request, each
 * operation gets only what is left of the request's time: {@code db.RequestDeadline}).
 */
@Configuration(proxyBeanMethods = false)
class LimitsConfiguration {

	@Bean
	@ConditionalOnMissingBean
	Clock clock() {
		return Clock.systemUTC();
	}

	/**
	 * The rate limits' buckets: in memory, or in MongoDB when instances share them. The
	 * shared store is its own collection, read on every request, so it stays small: one
	 * document per client seen in the last minute.
	 */
	@Bean
	RateBuckets rateBuckets(RateLimitStoreProperties properties, ObjectProvider<MongoTemplate> mongo) {
		if (properties.store() == RateLimitStoreProperties.Store.MONGODB) {
			return new RateBuckets.Shared(new MongoBucketStore(
					mongo.getObject().getCollection(MongoBucketStore.COLLECTION), Duration.ofMinutes(1)));
		}
		return RateBuckets.inMemory();
	}

	@Bean
	MongoClientSettingsBuilderCustomizer operationTimeLimit(LimitsProperties limits) {
		return settings -> settings.timeout(limits.timeout().toMillis(), TimeUnit.MILLISECONDS);
	}

}
