package org.sanctionsgraph.db;

import java.util.concurrent.TimeUnit;

import org.sanctionsgraph.limits.LimitsProperties;

import org.springframework.boot.mongodb.autoconfigure.MongoClientSettingsBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Driver settings: count every command, bound every operation's time, fail fast on an unreachable server. */
@Configuration(proxyBeanMethods = false)
class MongoClientConfiguration {

	@Bean
	MongoClientSettingsBuilderCustomizer sanctionsMongoClientSettings(MongoCommandCounter counter,
			MongoDbProperties mongodb, LimitsProperties limits) {
		// Every operation carries the request time limit (client-side operation timeout), so a slow
		// query cannot hold a request thread beyond it.
		return settings -> settings.addCommandListener(counter)
			.timeout(limits.timeout().toMillis(), TimeUnit.MILLISECONDS)
			.applyToClusterSettings(cluster -> cluster
				.serverSelectionTimeout(mongodb.serverSelectionTimeout().toMillis(), TimeUnit.MILLISECONDS));
	}

}
