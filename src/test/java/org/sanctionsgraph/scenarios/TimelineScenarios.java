package org.sanctionsgraph.scenarios;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sanctionsgraph.scenarios.SeedExpectations.gid;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.graphql.test.tester.GraphQlTester;

/** The timeline: events and measures in order, linked, paged without gaps. */
public abstract class TimelineScenarios extends Scenario {

	@Test
	void theTimelineDrawsTheChainFromTheElectionToTheCountermeasures() {
		GraphQlTester.Response response = this.graphQl.documentName("timeline")
			.variable("parties", List.of("BY", "EU"))
			.variable("from", "2020-01-01")
			.variable("to", "2021-12-31")
			.variable("first", 100)
			.execute();
		List<String> items = response.path("timeline.edges[*].node.item.id").entityList(String.class).get();
		int election = items.indexOf(gid("Event", "ev-election-2020"));
		int postElection = items.indexOf(gid("Measure", "m-eu-post-election-2020"));
		int flight = items.indexOf(gid("Event", "ev-flight-diversion"));
		int sectoral = items.indexOf(gid("Measure", "m-eu-sectoral-2021"));
		int[] countermeasures = { items.indexOf(gid("Measure", "cm-envoy-recall")),
				items.indexOf(gid("Measure", "cm-eu-officials-travel-ban")),
				items.indexOf(gid("Measure", "cm-eap-suspension")) };
		assertThat(election).isNotNegative().isLessThan(postElection);
		assertThat(postElection).isLessThan(flight);
		assertThat(flight).isLessThan(sectoral);
		for (int countermeasure : countermeasures) {
			assertThat(countermeasure).isGreaterThan(sectoral);
			response.path("timeline.edges[" + countermeasure + "].node.linksTo")
				.entityList(String.class)
				.contains(gid("Measure", "m-eu-sectoral-2021"));
		}
		response.path("timeline.edges[" + sectoral + "].node.linksTo")
			.entityList(String.class)
			.contains(gid("Event", "ev-flight-diversion"));
		// nothing from outside the window: the 2014 sanctions on Russia (the EU among
		// their
		// imposers) and the 1999 Union State agreement are before it
		assertThat(items).doesNotContain(gid("Event", "ev-union-state-treaty"), gid("Measure", "m-west-russia-2014"));
		int total = response.path("timeline.totalCount").entity(Integer.class).get();
		assertThat(items).hasSize(total);
		List<String> paged = new ArrayList<>();
		String after = null;
		boolean more = true;
		int pages = 0;
		while (more) {
			assertThat(++pages).as("pages").isLessThanOrEqualTo(total / 4 + 1);
			GraphQlTester.Response page = this.graphQl.documentName("timeline")
				.variable("parties", List.of("BY", "EU"))
				.variable("from", "2020-01-01")
				.variable("to", "2021-12-31")
				.variable("first", 4)
				.variable("after", after)
				.execute();
			paged.addAll(page.path("timeline.edges[*].node.item.id").entityList(String.class).get());
			more = page.path("timeline.pageInfo.hasNextPage").entity(Boolean.class).get();
			after = page.path("timeline.pageInfo.endCursor").entity(String.class).get();
		}
		assertThat(paged).isEqualTo(items);
	}

}
