package org.sanctionsgraph.db;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.mongodb.autoconfigure.MongoClientSettingsBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Driver settings: count every command, bound every operation's time, fail fast on an unreachable server. */
@Configuration(proxyBeanMethods = false)
class MongoClientConfiguration {

	@Bean
	MongoClientSettingsBuilderCustomizer sanctionsMongoClientSettings(MongoCommandCounter counter,
			@Value("${sanctions.mongodb.server-selection-timeout:5s}") Duration serverSelectionTimeout,
			@Value("${sanctions.limits.timeout:10s}") Duration requestTimeout) {
		// Every operation carries the request time limit (client-side operation timeout), so a slow
		// query cannot hold a request thread beyond it.
		return settings -> settings.addCommandListener(counter)
			.timeout(requestTimeout.toMillis(), TimeUnit.MILLISECONDS)
			.applyToClusterSettings(cluster -> cluster.serverSelectionTimeout(serverSelectionTimeout.toMillis(),
					TimeUnit.MILLISECONDS));
	}

}
