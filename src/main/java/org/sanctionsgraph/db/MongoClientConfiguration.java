package org.sanctionsgraph.db;

import java.util.concurrent.TimeUnit;

import com.mongodb.WriteConcern;
import org.sanctionsgraph.limits.LimitsProperties;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.mongodb.autoconfigure.MongoClientSettingsBuilderCustomizer;
import org.springframework.boot.mongodb.autoconfigure.MongoConnectionDetails;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Driver settings: count every command, bound every operation's time, fail fast on an
 * unreachable server, and acknowledge a write only once it is durable.
 */
@Configuration(proxyBeanMethods = false)
class MongoClientConfiguration {

	/**
	 * A write is answered once a majority of the replica set has it in its journal, so an
	 * answered write survives the loss of the primary; a standalone server journals it
	 * before answering.
	 */
	static final WriteConcern DURABLE = WriteConcern.MAJORITY.withJournal(true);

	@Bean
	MongoClientSettingsBuilderCustomizer sanctionsMongoClientSettings(MongoCommandCounter counter,
			MongoDbProperties mongodb, LimitsProperties limits, ObjectProvider<MongoConnectionDetails> connection) {
		// A write concern given in the URI (w=..., journal=...) is the deployment's
		// choice and stays.
		MongoConnectionDetails details = connection.getIfAvailable();
		WriteConcern inUri = details == null ? null : details.getConnectionString().getWriteConcern();
		WriteConcern writeConcern = inUri != null ? inUri : DURABLE;
		// Every operation carries the request time limit (client-side operation timeout),
		// so a slow
		// query cannot hold a request thread beyond it.
		return settings -> settings.addCommandListener(counter)
			.writeConcern(writeConcern)
			.timeout(limits.timeout().toMillis(), TimeUnit.MILLISECONDS)
			.applyToClusterSettings(cluster -> cluster
				.serverSelectionTimeout(mongodb.serverSelectionTimeout().toMillis(), TimeUnit.MILLISECONDS));
	}

}
