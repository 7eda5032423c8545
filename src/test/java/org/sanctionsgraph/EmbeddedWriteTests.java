package org.sanctionsgraph;


import org.springframework.boot.graphql.test.autoconfigure.tester.AutoConfigureHttpGraphQlTester;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Analysts' writes on the embedded server (no transactions: the single-document path). */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "sanctions.security.bootstrap-admin-key=" + WriteScenarios.ADMIN_SECRET, ApiScenarios.UNLIMITED })
@AutoConfigureHttpGraphQlTester
class EmbeddedWriteTests extends WriteScenarios {

	@DynamicPropertySource
	static void dataDirectory(DynamicPropertyRegistry registry) {
		TestDataDirectory.register(registry, "write-test");
	}

}
