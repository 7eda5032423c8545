package org.sanctionsgraph.limits;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.graphql.test.autoconfigure.tester.AutoConfigureHttpGraphQlTester;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

/**
 * A list that grows through a write raises the cost of every later query reading it, at
 * once: the bound is raised before the write is answered, and a measure kept for the same
 * document is not reused. It writes, so it runs in the context the write tests use (the
 * same properties as {@code write.WritePromisesTests}, so both share one context), not
 * the shared read-only one.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "sanctions.security.bootstrap-admin-key=" + ListGrowthTests.ADMIN_SECRET,
				"sanctions.limits.anonymous-per-minute=1000000", "sanctions.limits.analyst-per-minute=1000000" })
@AutoConfigureHttpGraphQlTester
class ListGrowthTests {

	static final String ADMIN_SECRET = "sgk_write-promises-admin-secret-0123456789abcdef";

	private static final String EVENTS_PARTIES = "{ events(first: 1) { nodes { parties { code } } } }";

	@Autowired
	HttpGraphQlTester graphQl;

	@Test
	void aListThatGrowsThroughAMutationRaisesTheCostOfReadingIt() {
		// the seed's events name at most 3 parties (the diversion of the Ryanair flight):
		// events 1 + 1 x (nodes 1 + parties (1 + 3 x code 1)) = 6
		assertThat(cost(EVENTS_PARTIES)).isEqualTo(6);
		List<String> seven = List.of("BY", "RU", "EU", "US", "UA", "GR", "LT");
		this.graphQl.mutate()
			.header("Authorization", "Bearer " + ADMIN_SECRET)
			.build()
			.document("""
					mutation($fields: EventFields!) {
					  recordEvent(input: { fields: $fields }) { event { id } userErrors { message } }
					}""")
			.variable("fields",
					Map.of("kind", "INCIDENT", "name", "A meeting of seven " + System.nanoTime(), "date", "2024-02-02",
							"parties", seven))
			.execute()
			.path("recordEvent.userErrors")
			.entityList(Object.class)
			.hasSize(0);
		// now an event names 7: 1 + 1 x (1 + (1 + 7 x 1)) = 10, for the same document
		// sent again
		assertThat(cost(EVENTS_PARTIES)).isEqualTo(10);
	}

	private long cost(String document) {
		return FragmentCostTests.cost(this.graphQl.document(document).execute());
	}

}
