package org.sanctionsgraph.scenarios;

import java.net.InetSocketAddress;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.junit.jupiter.api.Nested;
import org.sanctionsgraph.ApiTest;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Every scenario against a MongoDB-wire server started apart from the app
 * (mongo-java-server on its in-memory backend, on loopback) and reached through
 * {@code spring.mongodb.uri}: the path a deployment with a real MongoDB takes, so a
 * mistake in that wiring fails here too, where no Docker engine runs the container suite.
 * The server lives as long as the JVM, like the cached context that uses it.
 */
@ApiTest
class MongoWireScenarioTests {

	private static final MongoServer server = new MongoServer(new MemoryBackend());

	private static final InetSocketAddress address = server.bind();

	@DynamicPropertySource
	static void mongoUri(DynamicPropertyRegistry registry) {
		registry.add("spring.mongodb.uri",
				() -> "mongodb://" + address.getHostString() + ":" + address.getPort() + "/sanctions-wire-test");
	}

	@Nested
	class Seed extends SeedScenarios {

	}

	@Nested
	class Parties extends PartyScenarios {

	}

	@Nested
	class People extends PersonScenarios {

	}

	@Nested
	class Countries extends CountryScenarios {

	}

	@Nested
	class Organizations extends OrganizationScenarios {

	}

	@Nested
	class Measures extends MeasureScenarios {

	}

	@Nested
	class MeasureWrites extends MeasureWriteScenarios {

	}

	@Nested
	class Programs extends ProgramScenarios {

	}

	@Nested
	class Designations extends DesignationScenarios {

	}

	@Nested
	class Events extends EventScenarios {

	}

	@Nested
	class Search extends SearchScenarios {

	}

	@Nested
	class Timeline extends TimelineScenarios {

	}

	@Nested
	class History extends HistoryScenarios {

	}

	@Nested
	class Security extends SecurityScenarios {

	}

	@Nested
	class Errors extends ErrorScenarios {

	}

	@Nested
	class RoundTrips extends RoundTripScenarios {

	}

	@Nested
	class Ties extends TieScenarios {

	}

}
