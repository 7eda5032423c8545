package org.sanctionsgraph.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.graphql.test.tester.GraphQlTester;

/**
 * Parties: the ISO countries, a country's page, paging through all parties, and writes
 * that show at once though parties are held in memory.
 */
public abstract class PartyScenarios extends Scenario {

	@Test
	void everyIsoCountryIsAPartyCitingItsSource() {
		this.graphQl.documentName("parties")
			.variable("kind", "COUNTRY")
			.variable("first", 0)
			.execute()
			.path("parties.totalCount")
			.entity(Integer.class)
			// ISO 3166-1 assigns 249 alpha-2 codes
			.isEqualTo(249);
		// the newest codes are there; a user-assigned code (Kosovo's XK) and a former
		// country's are not
		this.graphQl.document("{ ss: party(code: \"SS\") { kind } bq: party(code: \"BQ\") { kind } }")
			.execute()
			.path("ss.kind")
			.entity(String.class)
			.isEqualTo("COUNTRY")
			.path("bq.kind")
			.entity(String.class)
			.isEqualTo("COUNTRY");
		assertBadRequest("{ party(code: \"XK\") { name } }", "'code'");
		assertBadRequest("{ party(code: \"YU\") { name } }", "'code'");
		this.graphQl.document("{ party(code: \"fr\") { name kind citations { source { title } } } }")
			.execute()
			.path("party.name")
			.entity(String.class)
			.isEqualTo("France")
			.path("party.citations[0].source.title")
			.entity(String.class)
			.satisfies(title -> assertThat(title).contains("ISO 3166-1"));
	}

	@Test
	void countryPageShowsMeasuresTargetingBelarusWithTheirResponses() {
		GraphQlTester.Response response = this.graphQl.documentName("countryPage")
			.variable("code", "BY")
			.variable("first", 20)
			.execute();
		response.path("party.kind").entity(String.class).isEqualTo("COUNTRY");
		response.path("party.measuresTargeting.edges[*].node.title")
			.entityList(String.class)
			// by start date; the one with no known start last, ties broken by id
			.containsExactly("Baltic states' travel bans on Lukashenka and Belarusian officials",
					"Canadian sanctions on Lukashenka and Belarusian officials",
					"UK sanctions on Lukashenka and Belarusian officials",
					"EU listings over the Belarusian election, first round: officials",
					"US designations of Belarusian officials, October 2020",
					"EU listings over the Belarusian election, second round: Lukashenka and his inner circle",
					"EU listings over the Belarusian election, third round: the first organisations",
					"US designations of Belarusian entities and officials, December 2020",
					"US blocking sanctions on nine Belarusian state-owned enterprises re-imposed",
					"EU listings after the forced landing of the Ryanair flight", "EU sectoral sanctions on Belarus",
					"Other countries' sanctions on Belarusian entities and Lukashenka's inner circle");
		response.path("party.measuresTargeting.edges[10].node.responses.totalCount").entity(Integer.class).isEqualTo(3);
		response.path("party.measuresTargeting.edges[10].node.responses.edges[*].node.imposers[0].code")
			.entityList(String.class)
			.satisfies(list -> assertThat(list).containsOnly("BY"));
		response.path("party.memberships.edges[*].node.program.name")
			.entityList(String.class)
			.containsExactly("Union State of Russia and Belarus", "Eastern Partnership");
	}

	@Test
	void pagingForwardAndBackwardThroughPartiesHasNoGapsOrRepeats() {
		int total = this.graphQl.documentName("parties")
			.variable("first", 0)
			.execute()
			.path("parties.totalCount")
			.entity(Integer.class)
			.get();
		List<String> forward = new ArrayList<>();
		String after = null;
		boolean hasNext = true;
		int pages = 0;
		while (hasNext) {
			assertThat(++pages).as("pages forward").isLessThanOrEqualTo(total / 37 + 1);
			GraphQlTester.Response page = this.graphQl.documentName("parties")
				.variable("first", 37)
				.variable("after", after)
				.execute();
			forward.addAll(page.path("parties.edges[*].node.id").entityList(String.class).get());
			page.path("parties.pageInfo.hasPreviousPage").entity(Boolean.class).isEqualTo(after != null);
			hasNext = page.path("parties.pageInfo.hasNextPage").entity(Boolean.class).get();
			after = page.path("parties.pageInfo.endCursor").entity(String.class).get();
		}
		List<String> backward = new ArrayList<>();
		String before = null;
		boolean hasPrevious = true;
		pages = 0;
		while (hasPrevious) {
			assertThat(++pages).as("pages backward").isLessThanOrEqualTo(total / 37 + 1);
			GraphQlTester.Response page = this.graphQl.documentName("parties")
				.variable("last", 37)
				.variable("before", before)
				.execute();
			backward.addAll(0, page.path("parties.edges[*].node.id").entityList(String.class).get());
			page.path("parties.pageInfo.hasNextPage").entity(Boolean.class).isEqualTo(before != null);
			hasPrevious = page.path("parties.pageInfo.hasPreviousPage").entity(Boolean.class).get();
			before = page.path("parties.pageInfo.startCursor").entity(String.class).get();
		}
		assertThat(forward).hasSize(total).doesNotHaveDuplicates();
		assertThat(backward).isEqualTo(forward);
	}

	@Test
	void partyWritesShowAtOnceThoughPartiesAreHeldInMemory() {
		// the directory is loaded by this read, before the writes
		this.graphQl.document("{ party(code: \"BY\") { name } }")
			.execute()
			.path("party.name")
			.entity(String.class)
			.isEqualTo("Belarus");
		String code = uniqueCode();
		String id = analyst().documentName("recordParty")
			.variable("fields", Map.of("name", "Test Bloc", "kind", "BLOC", "code", code))
			.execute()
			.path("recordParty.party.id")
			.entity(String.class)
			.get();
		this.graphQl.document("query($code: String!) { party(code: $code) { id name revision } }")
			.variable("code", code)
			.execute()
			.path("party.id")
			.entity(String.class)
			.isEqualTo(id)
			.path("party.name")
			.entity(String.class)
			.isEqualTo("Test Bloc");
		analyst().document("""
				mutation($id: ID!) { amendParty(input: { id: $id, revision: 1, fields: { name: "Renamed Bloc" } }) {
				  party { name } userErrors { message } } }""")
			.variable("id", id)
			.execute()
			.path("amendParty.party.name")
			.entity(String.class)
			.isEqualTo("Renamed Bloc");
		this.graphQl.document(
				"""
						query($code: String!) { party(code: $code) { name } measures(filter: { imposedBy: [$code] }) { totalCount } }""")
			.variable("code", code)
			.execute()
			.path("party.name")
			.entity(String.class)
			.isEqualTo("Renamed Bloc")
			.path("measures.totalCount")
			.entity(Integer.class)
			.isEqualTo(0);
	}

}
