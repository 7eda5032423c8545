package org.sanctionsgraph;

import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.mongodb.MongoDBContainer;

import org.springframework.boot.graphql.test.autoconfigure.tester.AutoConfigureHttpGraphQlTester;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.testcontainers.service.connection.ServiceConnection;

/**
 * Analysts' writes on a real MongoDB replica set, where they run in transactions. Skipped, and
 * reported as skipped, where no Docker engine is available.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "sanctions.security.bootstrap-admin-key=" + WriteScenarios.ADMIN_SECRET, ApiScenarios.UNLIMITED })
@AutoConfigureHttpGraphQlTester
@Testcontainers(disabledWithoutDocker = true)
class MongoContainerWriteTests extends WriteScenarios {

	@Container
	@ServiceConnection
	static final MongoDBContainer mongo = new MongoDBContainer("mongo:8.0");

}
