package org.sanctionsgraph.db;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.mongodb.autoconfigure.MongoClientSettingsBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Driver settings: count every command, and fail fast when the configured server is unreachable. */
@Configuration(proxyBeanMethods = false)
class MongoClientConfiguration {

	@Bean
	MongoClientSettingsBuilderCustomizer sanctionsMongoClientSettings(MongoCommandCounter counter,
			@Value("${sanctions.mongodb.server-selection-timeout:5s}") Duration serverSelectionTimeout) {
		return settings -> settings.addCommandListener(counter)
			.applyToClusterSettings(cluster -> cluster.serverSelectionTimeout(serverSelectionTimeout.toMillis(),
					TimeUnit.MILLISECONDS));
	}

}
