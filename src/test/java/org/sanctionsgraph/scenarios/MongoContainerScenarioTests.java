package org.sanctionsgraph.scenarios;

import org.junit.jupiter.api.Nested;
import org.sanctionsgraph.ApiTest;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.mongodb.MongoDBContainer;

import org.springframework.boot.testcontainers.service.connection.ServiceConnection;

/**
 * Every scenario against a real MongoDB (a single-node replica set in a container), where
 * writes run in transactions and the search index follows the change stream: what only
 * MongoDB has. Skipped, and reported as skipped, where no Docker engine is available;
 * {@link MongoWireScenarioTests} runs the same wiring (a server apart from the app)
 * everywhere.
 */
@ApiTest
@Testcontainers(disabledWithoutDocker = true)
class MongoContainerScenarioTests {

	@Container
	@ServiceConnection
	static final MongoDBContainer mongo = new MongoDBContainer("mongo:8.0");

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
