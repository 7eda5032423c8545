package org.sanctionsgraph.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.sanctionsgraph.RequestCommands;

import org.springframework.graphql.test.tester.GraphQlTester;

/** Round trips to MongoDB: a request's commands depend on its depth, not on its page sizes. */
public abstract class RoundTripScenarios extends Scenario {

	@Test
	void roundTripsDependOnDepthNotOnPageSize() {
		commandsFor(2); // loads the parties held in memory, once
		long small = commandsFor(2);
		long large = commandsFor(Fixtures.SANCTIONS);
		// party, imposers and target parties: held in memory; measures: find + count; target people;
		// citation sources; responses: one find for a small batch (else aggregation + find); what they
		// answer. A kind of record the smaller page does not name (say, no person targets) costs no
		// lookup there, hence the one command of slack.
		assertThat(small).isPositive();
		assertThat(large).isBetween(small, small + 1);
		assertThat(large).isLessThanOrEqualTo(8);
	}

	/** The commands this request sent, read from its own response: other threads' commands do not count. */
	private long commandsFor(int first) {
		GraphQlTester.Response response = this.graphQl.mutate()
			.header(RequestCommands.HEADER, "yes")
			.build()
			.documentName("nestedRoundTrips")
			.variable("code", "NZ")
			.variable("first", first)
			.execute();
		response.path("party.measuresImposed.edges")
			.entityList(Object.class)
			.hasSize(first)
			.path("party.measuresImposed.edges[*].node.responses.totalCount")
			.entityList(Integer.class)
			.satisfies(list -> assertThat(list).containsOnly(2));
		return RequestCommands.of(response.returnResponse());
	}

}
