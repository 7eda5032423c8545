package org.sanctionsgraph.db;

import java.util.concurrent.TimeUnit;

import com.mongodb.WriteConcern;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.mongodb.autoconfigure.MongoClientSettingsBuilderCustomizer;
import org.springframework.boot.mongodb.autoconfigure.MongoConnectionDetails;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Driver settings: count every command, fail fast on an unreachable server, and
 * acknowledge a write only once it is durable. (Every operation's time limit is the
 * request limit's, set where the limits are.)
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
			MongoDbProperties mongodb, ObjectProvider<MongoConnectionDetails> connection) {
		// A write concern given in the URI (w=..., journal=...) is the deployment's
		// choice and stays.
		MongoConnectionDetails details = connection.getIfAvailable();
		WriteConcern inUri = details == null ? null : details.getConnectionString().getWriteConcern();
		WriteConcern writeConcern = inUri != null ? inUri : DURABLE;
		return settings -> settings.addCommandListener(counter)
			.writeConcern(writeConcern)
			.applyToClusterSettings(cluster -> cluster
				.serverSelectionTimeout(mongodb.serverSelectionTimeout().toMillis(), TimeUnit.MILLISECONDS));
	}

}
