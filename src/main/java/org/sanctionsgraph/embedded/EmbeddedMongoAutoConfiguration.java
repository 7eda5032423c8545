package org.sanctionsgraph.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;

import com.mongodb.ConnectionString;
import de.bwaldvogel.mongo.MongoServer;
import org.sanctionsgraph.db.CleanStops;
import org.sanctionsgraph.db.DataDirectoryProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.mongodb.autoconfigure.MongoAutoConfiguration;
import org.springframework.boot.mongodb.autoconfigure.MongoConnectionDetails;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;

/**
 * The embedded default: with no MongoDB URI configured, starts mongo-java-server on
 * loopback with a file-backed H2 store in the data directory (writes answered once synced
 * to disk) and points the app at it. With a URI (or a Testcontainers service connection)
 * nothing here runs.
 */
@AutoConfiguration(before = MongoAutoConfiguration.class)
@Conditional(NoMongoUriCondition.class)
@ConditionalOnMissingBean(MongoConnectionDetails.class)
@EnableConfigurationProperties({ EmbeddedMongoProperties.class, DataDirectoryProperties.class })
public class EmbeddedMongoAutoConfiguration {

	private static final Logger log = LoggerFactory.getLogger(EmbeddedMongoAutoConfiguration.class);

	private static final String DATABASE = "sanctions";

	private static final String FILE = "sanctions.mv";

	/** The store; the server closes it when it shuts down. */
	@Bean(destroyMethod = "")
	IndexedH2Backend embeddedMongoBackend(EmbeddedMongoProperties properties, DataDirectoryProperties data) {
		Path file = dataFile(data);
		try {
			Files.createDirectories(file.getParent());
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot create the data directory " + file.getParent(), ex);
		}
		return IndexedH2Backend.open(file, properties.cacheMb());
	}

	private static Path dataFile(DataDirectoryProperties data) {
		return data.dataDir().toAbsolutePath().normalize().resolve(FILE);
	}

	@Bean(destroyMethod = "shutdown")
	MongoServer embeddedMongoServer(IndexedH2Backend backend, EmbeddedMongoProperties properties,
			DataDirectoryProperties data) {
		Path file = dataFile(data);
		MongoServer server = new MongoServer(backend);
		// No oplog: nothing follows a change stream on a single process (its own writes
		// reach its listeners directly), and the embedded oplog keeps a copy of every
		// write in the store for good.
		server.bind("127.0.0.1", properties.port());
		InetSocketAddress address = server.getLocalAddress();
		log.info(
				"No MongoDB URI configured: running on the embedded MongoDB-compatible server at {}:{}, "
						+ "data in {} (set SPRING_MONGODB_URI to use a real MongoDB)",
				address.getHostString(), address.getPort(), file);
		return server;
	}

	/**
	 * The embedded store knows its clean stops, and the app that holds it is the one that
	 * writes to it (on loopback, where no other instance runs).
	 */
	@Bean
	CleanStops embeddedCleanStops(IndexedH2Backend backend) {
		return backend::followsCleanStop;
	}

	@Bean
	MongoConnectionDetails embeddedMongoConnectionDetails(MongoServer server) {
		InetSocketAddress address = server.getLocalAddress();
		ConnectionString connection = new ConnectionString(
				"mongodb://" + address.getHostString() + ":" + address.getPort() + "/" + DATABASE);
		return () -> connection;
	}

}
