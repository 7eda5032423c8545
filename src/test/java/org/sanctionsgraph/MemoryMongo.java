package org.sanctionsgraph;

import java.util.List;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.sanctionsgraph.db.MongoMappingConfiguration;
import org.sanctionsgraph.measure.MeasureReader;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.SimpleMongoClientDatabaseFactory;
import org.springframework.data.mongodb.core.convert.DefaultDbRefResolver;
import org.springframework.data.mongodb.core.convert.MappingMongoConverter;
import org.springframework.data.mongodb.core.convert.MongoCustomConversions;
import org.springframework.data.mongodb.core.mapping.MongoMappingContext;

/**
 * An in-memory MongoDB-wire server with a template mapped as the application maps its
 * documents, for unit tests of code that reads and writes without starting the
 * application.
 */
public final class MemoryMongo implements AutoCloseable {

	private final MongoServer server = new MongoServer(new MemoryBackend());

	private final MongoClient client = MongoClients.create(this.server.bindAndGetConnectionString());

	private final SimpleMongoClientDatabaseFactory factory = new SimpleMongoClientDatabaseFactory(this.client, "test");

	private final MongoTemplate template = new MongoTemplate(this.factory, converter(this.factory));

	private static MappingMongoConverter converter(SimpleMongoClientDatabaseFactory factory) {
		MongoCustomConversions conversions = new MongoCustomConversions(
				List.of(new MongoMappingConfiguration.FuzzyDateWriter(),
						new MongoMappingConfiguration.FuzzyDateReader(), new MeasureReader()));
		MongoMappingContext context = new MongoMappingContext();
		context.setSimpleTypeHolder(conversions.getSimpleTypeHolder());
		context.afterPropertiesSet();
		MappingMongoConverter converter = new MappingMongoConverter(new DefaultDbRefResolver(factory), context);
		converter.setCustomConversions(conversions);
		converter.afterPropertiesSet();
		return converter;
	}

	public MongoTemplate template() {
		return this.template;
	}

	public SimpleMongoClientDatabaseFactory factory() {
		return this.factory;
	}

	@Override
	public void close() {
		this.client.close();
		this.server.shutdownNow();
	}

}
