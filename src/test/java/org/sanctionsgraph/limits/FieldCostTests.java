package org.sanctionsgraph.limits;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.sanctionsgraph.ApiTest;
import org.junit.jupiter.api.Test;
import org.sanctionsgraph.graphql.GlobalId;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

/**
 * Fields whose work is more than one read cost more, lists count by the most items they
 * may return, and every response reports its cost and the limit in
 * {@code extensions.cost}. Each expected figure is worked out in its comment from the
 * rules in docs/security.md.
 */
@ApiTest
class FieldCostTests {

	private static final String MEASURE = GlobalId.encode("Measure", "m-eu-sectoral-2021");

	@Autowired
	HttpGraphQlTester graphQl;

	@Test
	void everyResponseReportsItsCostAndTheLimit() {
		// party 1 + code 1
		GraphQlTester.Response response = this.graphQl.document("{ party(code: \"BY\") { code } }").execute();
		assertThat(response.returnResponse().getExtensions()).containsEntry("cost",
				Map.of("requestedQueryCost", 2, "maximumAvailable", 20000));
	}

	@Test
	void searchCostsMoreThanARead() {
		// search 1 + 50 of its own + 20 (default page) x totalCount 1 = 71; with first:
		// 5, 56
		assertCost("{ search(query: \"Lukashenka\") { totalCount } }", 71);
		assertCost("{ search(query: \"Lukashenka\", first: 5) { totalCount } }", 56);
	}

	@Test
	void timelineCostsPerParty() {
		// timeline 1 + 10 per party + 20 x totalCount 1: one party 31, three parties 51
		assertCost("{ timeline(parties: [\"BY\"]) { totalCount } }", 31);
		assertCost("{ timeline(parties: [\"BY\", \"EU\", \"RU\"]) { totalCount } }", 51);
	}

	@Test
	void responseChainsCostPerLinkFollowed() {
		// responseChain 1 + 20 per link + truncated 1: depth 5 (the default) 102, depth 2
		// 42
		assertCost("{ responseChain(measure: \"" + MEASURE + "\") { truncated } }", 102);
		assertCost("{ responseChain(measure: \"" + MEASURE + "\", depth: 2) { truncated } }", 42);
	}

	@Test
	void aMeasureAsKnownOnAPastDayReplaysItsHistory() {
		// measure 1 + id 1 = 2; replaying history adds 50
		assertCost("{ measure(id: \"" + MEASURE + "\") { id } }", 2);
		assertCost("{ measure(id: \"" + MEASURE + "\", asKnownOn: \"2030-01-01T00:00:00Z\") { id } }", 52);
	}

	@Test
	void filtersThatFanOutCostMore() {
		// people 1 + 20 x totalCount 1 = 21; "sanctioned" looks through the sanctions'
		// targets: + 50
		assertCost("{ people { totalCount } }", 21);
		assertCost("{ people(filter: { sanctioned: true }) { totalCount } }", 71);
		assertCost("{ people(filter: { sanctioned: false }) { totalCount } }", 71);
	}

	@Test
	void listsCountByTheMostItemsTheyMayHold() {
		// nodes counts its ids: 1 + 3 x id 1 = 4
		assertCost("{ nodes(ids: [\"" + MEASURE + "\", \"" + MEASURE + "\", \"" + MEASURE + "\"]) { id } }", 4);
		// a list stored on its record counts the most items that list holds on any record
		// (of the seed story's parties, Russia has the most aliases: 3): party 1 +
		// aliases
		// (1 + 3 x value 1) = 5
		assertCost("{ party(code: \"BY\") { aliases { value } } }", 5);
		// a list of scalars has no selection to multiply: measure 1 + measureTypes 1 = 2
		assertCost("{ measure(id: \"" + MEASURE + "\") { measureTypes } }", 2);
	}

	@Test
	void aRefusedRequestStillReportsWhatItWouldHaveCost() {
		// parties(first: 100) 1 + 100 x (nodes 1 + measuresTargeting (1 + 100 x (nodes 1
		// + id 1))) = 20201
		GraphQlTester.Response response = this.graphQl
			.document("{ parties(first: 100) { nodes { measuresTargeting(first: 100) { nodes { id } } } } }")
			.execute();
		FragmentCostTests.refused(response, "complexity", "20201 > 20000");
		assertThat(FragmentCostTests.cost(response)).isEqualTo(20201);
	}

	private void assertCost(String document, long cost) {
		GraphQlTester.Response response = this.graphQl.document(document).execute();
		assertThat(FragmentCostTests.cost(response)).as(document).isEqualTo(cost);
	}

}
