package org.sanctionsgraph.scenarios;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sanctionsgraph.scenarios.SeedExpectations.gid;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.graphql.execution.ErrorType;
import org.springframework.graphql.test.tester.GraphQlTester;

/**
 * Measures as read: what answers what, the filters, being in force on a day, the response
 * chain and nested pages.
 */
public abstract class MeasureScenarios extends Scenario {

	@Test
	void belarusCountermeasuresAnswerTheEuSectoralSanctions() {
		GraphQlTester.Response response = this.graphQl.documentName("countermeasures").execute();
		response.path("party.measuresImposed.totalCount").entity(Integer.class).isEqualTo(3);
		response.path("party.measuresImposed.edges[*].node.__typename")
			.entityList(String.class)
			.containsExactly("Countermeasure", "Countermeasure", "Countermeasure");
		response.path("party.measuresImposed.edges[*].node.measureTypes[0]")
			.entityList(String.class)
			.satisfies(list -> assertThat(list).containsExactlyInAnyOrder("ENVOY_RECALL", "TRAVEL_BAN",
					"PARTICIPATION_SUSPENSION"));
		response.path("party.measuresImposed.edges[*].node.respondsTo[0].title")
			.entityList(String.class)
			.satisfies(list -> assertThat(list).containsOnly("EU sectoral sanctions on Belarus"));
		response.path("party.measuresImposed.edges[0].node.respondsTo[0].imposers[0].code")
			.entity(String.class)
			.isEqualTo("EU");
		response.path("party.measuresImposed.edges[0].node.respondsTo[0].triggeredBy[*].name")
			.entityList(String.class)
			.contains("Forced landing of a Ryanair flight in Minsk");
		// "said it was suspending": the report gives no day, the public record does
		response.path("party.measuresImposed.edges[0].node.announced")
			.entity(MAP)
			.isEqualTo(Map.of("value", "2021-06-28", "precision", "DAY", "earliest", "2021-06-28", "latest",
					"2021-06-28"));
		response.path("party.measuresImposed.edges[*].node.affectedMemberships[*].program.name")
			.entityList(String.class)
			.containsExactly("Eastern Partnership");
	}

	@Test
	void respondsToAndResponsesAreTwoViewsOfOneLink() {
		this.graphQl.documentName("relatedEvents")
			.variable("id", gid("Measure", "m-eu-sectoral-2021"))
			.execute()
			.path("measure.responses.totalCount")
			.entity(Integer.class)
			.isEqualTo(3)
			.path("measure.responses.pageInfo.hasNextPage")
			.entity(Boolean.class)
			.isEqualTo(true)
			.path("measure.relatedEvents.edges[*].node.name")
			.entityList(String.class)
			.containsExactly("Lukashenka: Belarus and Russia will withstand the attacks",
					"Putin pledges comprehensive assistance to Belarus")
			.path("measure.relatedEvents.edges[*].node.concerns[0].id")
			.entityList(String.class)
			.satisfies(list -> assertThat(list).containsOnly(gid("Measure", "m-eu-sectoral-2021")));
		for (String id : List.of("cm-envoy-recall", "cm-eu-officials-travel-ban", "cm-eap-suspension")) {
			this.graphQl.documentName("seedRecord")
				.operationName("SeedMeasure")
				.variable("id", gid("Measure", id))
				.execute()
				.path("node.respondsTo[0].id")
				.entity(String.class)
				.isEqualTo(gid("Measure", "m-eu-sectoral-2021"));
		}
	}

	@Test
	void measureFilters() {
		assertThat(measureTitles(Map.of("imposedBy", List.of("eu")))).containsExactly(
				"Western economic sanctions on Russia over Crimea and eastern Ukraine",
				"EU listings over the Belarusian election, first round: officials",
				"EU listings over the Belarusian election, second round: Lukashenka and his inner circle",
				"EU listings over the Belarusian election, third round: the first organisations",
				"EU listings after the forced landing of the Ryanair flight", "EU sectoral sanctions on Belarus");
		assertThat(measureTitles(Map.of("targetCountry", List.of("BY"), "kind", "SANCTION"))).containsExactlyInAnyOrder(
				"EU listings over the Belarusian election, first round: officials",
				"EU listings over the Belarusian election, second round: Lukashenka and his inner circle",
				"EU listings over the Belarusian election, third round: the first organisations",
				"EU listings after the forced landing of the Ryanair flight", "EU sectoral sanctions on Belarus",
				"US designations of Belarusian officials, October 2020",
				"US designations of Belarusian entities and officials, December 2020",
				"US blocking sanctions on nine Belarusian state-owned enterprises re-imposed",
				"UK sanctions on Lukashenka and Belarusian officials",
				"Canadian sanctions on Lukashenka and Belarusian officials",
				"Baltic states' travel bans on Lukashenka and Belarusian officials",
				"Other countries' sanctions on Belarusian entities and Lukashenka's inner circle");
		assertThat(measureTitles(
				Map.of("measureTypes", List.of("ENVOY_RECALL", "TRAVEL_BAN"), "imposedBy", List.of("BY"))))
			.containsExactlyInAnyOrder("Belarus recalls its representative to the EU",
					"Belarus bans unspecified EU officials from entering");
		assertThat(measureTitles(Map.of("target", gid("Party", "eu")))).containsExactlyInAnyOrder(
				"Belarus recalls its representative to the EU",
				"Belarus suspends its participation in the Eastern Partnership");
		assertThat(measureTitles(Map.of("program", gid("Program", "eu-belarus-regime")))).containsExactlyInAnyOrder(
				"EU listings over the Belarusian election, first round: officials",
				"EU listings over the Belarusian election, second round: Lukashenka and his inner circle",
				"EU listings over the Belarusian election, third round: the first organisations",
				"EU listings after the forced landing of the Ryanair flight", "EU sectoral sanctions on Belarus");
		assertThat(measureTitles(Map.of("kind", "COUNTERMEASURE", "imposedBy", List.of("BY"))))
			.containsExactlyInAnyOrder("Belarus recalls its representative to the EU",
					"Belarus bans unspecified EU officials from entering",
					"Belarus suspends its participation in the Eastern Partnership");
	}

	@Test
	void targetPartyMeansThePartyItselfAndNodesMirrorEdges() {
		String query = """
				query($filter: MeasureFilter) { measures(filter: $filter, first: 100) {
				  edges { node { title } }
				  nodes { title targets { kind party { code } } } } }""";
		// the EU as such (its representative recalled, its partnership suspended) against
		// the EU's
		// people ("EU officials" banned): targetCountry finds all three, targetParty the
		// first two
		this.graphQl.document(query)
			.variable("filter", Map.of("targetCountry", List.of("EU")))
			.execute()
			.path("measures.nodes[*].title")
			.entityList(String.class)
			.satisfies(titles -> assertThat(titles).containsExactlyInAnyOrder(
					"Belarus recalls its representative to the EU",
					"Belarus suspends its participation in the Eastern Partnership",
					"Belarus bans unspecified EU officials from entering"));
		GraphQlTester.Response atTheBlocItself = this.graphQl.document(query)
			.variable("filter", Map.of("targetParty", List.of("eu")))
			.execute();
		List<String> nodes = atTheBlocItself.path("measures.nodes[*].title").entityList(String.class).get();
		assertThat(nodes).containsExactlyInAnyOrder("Belarus recalls its representative to the EU",
				"Belarus suspends its participation in the Eastern Partnership");
		atTheBlocItself.path("measures.nodes[*].targets[*].party.code")
			.entityList(String.class)
			.satisfies(codes -> assertThat(codes).containsOnly("EU"));
		atTheBlocItself.path("measures.edges[*].node.title").entityList(String.class).isEqualTo(nodes);
		this.graphQl.document(query)
			.variable("filter", Map.of("targetParty", List.of("QQ")))
			.execute()
			.errors()
			.satisfy(errors -> assertThat(errors).singleElement().satisfies(error -> {
				assertThat(error.getErrorType()).isEqualTo(ErrorType.BAD_REQUEST);
				assertThat(error.getMessage()).contains("filter.targetParty").contains("QQ");
			}));
	}

	@Test
	void inForceOnADayHandlesPrecisionAndEnds() {
		// On 1 July 2021: the 2014 sanctions on Russia, every dated measure on Belarus
		// and
		// the three countermeasures; the "other countries" measure has no known start.
		List<String> beforeJune = List.of("Western economic sanctions on Russia over Crimea and eastern Ukraine",
				"Baltic states' travel bans on Lukashenka and Belarusian officials",
				"UK sanctions on Lukashenka and Belarusian officials",
				"Canadian sanctions on Lukashenka and Belarusian officials",
				"EU listings over the Belarusian election, first round: officials",
				"US designations of Belarusian officials, October 2020",
				"EU listings over the Belarusian election, second round: Lukashenka and his inner circle",
				"EU listings over the Belarusian election, third round: the first organisations",
				"US designations of Belarusian entities and officials, December 2020");
		List<String> inForceInJuly = new ArrayList<>(beforeJune);
		inForceInJuly.addAll(List.of("US blocking sanctions on nine Belarusian state-owned enterprises re-imposed",
				"EU listings after the forced landing of the Ryanair flight", "EU sectoral sanctions on Belarus",
				"Belarus recalls its representative to the EU", "Belarus bans unspecified EU officials from entering",
				"Belarus suspends its participation in the Eastern Partnership"));
		assertThat(measureTitles(Map.of("inForceOn", "2021-07-01"))).containsExactlyInAnyOrderElementsOf(inForceInJuly);
		// On 10 June: the US enterprises (from 3 June) but neither the EU's June measures
		// nor the countermeasures, announced on 28 June.
		List<String> inForceOnJune10 = new ArrayList<>(beforeJune);
		inForceOnJune10.add("US blocking sanctions on nine Belarusian state-owned enterprises re-imposed");
		assertThat(measureTitles(Map.of("inForceOn", "2021-06-10")))
			.containsExactlyInAnyOrderElementsOf(inForceOnJune10);
		assertThat(measureTitles(Map.of("inForceOn", "2021-05-31"))).containsExactlyInAnyOrderElementsOf(beforeJune);
		// Ended measures: in force on their last day, not the day after.
		assertThat(measureTitles(Map.of("inForceOn", "1995-01-01", "imposedBy", List.of("NZ"))))
			.hasSize(Fixtures.SANCTIONS)
			.allMatch(title -> title.startsWith("Fixture sanction "));
		assertThat(measureTitles(Map.of("inForceOn", "1995-01-02", "imposedBy", List.of("NZ")))).isEmpty();
		// Starting that very day counts.
		assertThat(measureTitles(Map.of("inForceOn", "1990-01-05", "imposedBy", List.of("NZ")))).containsExactly(
				"Fixture sanction 1", "Fixture sanction 2", "Fixture sanction 3", "Fixture sanction 4",
				"Fixture sanction 5");
	}

	@Test
	void theResponseChainFollowsRespondsToBothWaysWithADepthLimit() {
		GraphQlTester.Response chain = this.graphQl.documentName("responseChain")
			.variable("measure", gid("Measure", "cm-eap-suspension"))
			.variable("depth", 2)
			.execute();
		chain.path("responseChain.truncated").entity(Boolean.class).isEqualTo(false);
		chain.path("responseChain.measures[*].measure.id")
			.entityList(String.class)
			.satisfies(ids -> assertThat(ids).containsExactlyInAnyOrder(gid("Measure", "cm-eap-suspension"),
					gid("Measure", "m-eu-sectoral-2021"), gid("Measure", "cm-envoy-recall"),
					gid("Measure", "cm-eu-officials-travel-ban")));
		chain.path("responseChain.measures[*].distance").entityList(Integer.class).containsExactly(0, 1, 2, 2);
		chain.path("responseChain.answers[*].answers.id")
			.entityList(String.class)
			.satisfies(ids -> assertThat(ids).hasSize(3).containsOnly(gid("Measure", "m-eu-sectoral-2021")));
		this.graphQl.documentName("responseChain")
			.variable("measure", gid("Measure", "cm-eap-suspension"))
			.variable("depth", 1)
			.execute()
			.path("responseChain.truncated")
			.entity(Boolean.class)
			.isEqualTo(true)
			.path("responseChain.measures[*].measure.id")
			.entityList(String.class)
			.containsExactly(gid("Measure", "cm-eap-suspension"), gid("Measure", "m-eu-sectoral-2021"));
		assertBadRequest("{ responseChain(measure: \"%s\", depth: 11) { truncated } }"
			.formatted(gid("Measure", "cm-eap-suspension")), "'depth'");
	}

	@Test
	void pagingThroughANestedListAndInBothOrders() {
		List<String> forward = new ArrayList<>();
		String after = null;
		for (int i = 0; i < 12; i++) {
			GraphQlTester.Response page = this.graphQl.documentName("countryPage")
				.variable("code", "BY")
				.variable("first", 1)
				.variable("after", after)
				.execute();
			forward.addAll(page.path("party.measuresTargeting.edges[*].node.id").entityList(String.class).get());
			page.path("party.measuresTargeting.pageInfo.hasNextPage").entity(Boolean.class).isEqualTo(i < 11);
			after = page.path("party.measuresTargeting.pageInfo.endCursor").entity(String.class).get();
		}
		assertThat(forward).hasSize(12).doesNotHaveDuplicates();
		List<String> backward = this.graphQl.documentName("countryPage")
			.variable("code", "BY")
			.variable("last", 3)
			.variable("before", null)
			.execute()
			.path("party.measuresTargeting.edges[*].node.id")
			.entityList(String.class)
			.get();
		assertThat(backward).isEqualTo(forward.subList(9, 12));
		List<String> newestFirst = this.graphQl.documentName("measures")
			.variable("filter", Map.of("imposedBy", List.of("NZ")))
			.variable("order", "DESC")
			.variable("first", 3)
			.execute()
			.path("measures.edges[*].node.title")
			.entityList(String.class)
			.get();
		assertThat(newestFirst).containsExactly("Fixture sanction 12", "Fixture sanction 11", "Fixture sanction 10");
	}

	private List<String> measureTitles(Map<String, Object> filter) {
		return this.graphQl.documentName("measures")
			.variable("filter", filter)
			.variable("first", 100)
			.execute()
			.path("measures.edges[*].node.title")
			.entityList(String.class)
			.get();
	}

}
