package org.sanctionsgraph;

import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.mongodb.MongoDBContainer;

import org.springframework.boot.graphql.test.autoconfigure.tester.AutoConfigureHttpGraphQlTester;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.testcontainers.service.connection.ServiceConnection;

/**
 * The same scenarios against a real MongoDB (a single-node replica set in a container). Skipped,
 * and reported as skipped, where no Docker engine is available.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = ApiScenarios.UNLIMITED)
@AutoConfigureHttpGraphQlTester
@Testcontainers(disabledWithoutDocker = true)
class MongoContainerApiTests extends ApiScenarios {

	@Container
	@ServiceConnection
	static final MongoDBContainer mongo = new MongoDBContainer("mongo:8.0");

}
