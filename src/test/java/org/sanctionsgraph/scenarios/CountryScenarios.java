package org.sanctionsgraph.scenarios;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sanctionsgraph.scenarios.SeedExpectations.gid;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.graphql.test.tester.GraphQlTester;

/**
 * Countries, blocs and groups as the types clients see, and officials: who held a public
 * office of a country on a day, as an analyst asks it.
 */
public abstract class CountryScenarios extends Scenario {

	private static final String OFFICIALS = """
			query($country: String!, $on: Date) {
			  officials(country: $country, on: $on) { totalCount nodes { name positions { title } } } }""";

	@Test
	void russiasOfficialsOnADayAreThoseInOfficeThatDay() {
		// Putin was Prime Minister from 8 May 2008 to 7 May 2012, President before and
		// after
		assertThat(officials("RU", "2010-01-01")).containsExactly("Vladimir Putin");
		assertThat(officials("RU", "2008-05-07")).containsExactly("Vladimir Putin");
		assertThat(officials("RU", "1999-12-31")).isEmpty();
		assertThat(officials("RU", "2021-07-01")).containsExactly("Vladimir Putin");
		// the same on the country itself, with the offices a client reads to say which
		GraphQlTester.Response response = this.graphQl.document("""
				{ country(code: "ru") { __typename name
				    officials(on: "2010-01-01") { totalCount nodes { name positions { title country { code }
				      start { value precision } end { value precision } } } } } }""").execute();
		response.path("country.__typename").entity(String.class).isEqualTo("Country");
		response.path("country.officials.totalCount").entity(Integer.class).isEqualTo(1);
		response.path("country.officials.nodes[0].positions[*].title")
			.entityList(String.class)
			.containsExactly("President of Russia", "Prime Minister of Russia", "President of Russia");
		response.path("country.officials.nodes[0].positions[1].start.value")
			.entity(String.class)
			.isEqualTo("2008-05-08");
		response.path("country.officials.nodes[0].positions[1].end.value").entity(String.class).isEqualTo("2012-05-07");
		response.path("country.officials.nodes[0].positions[1].end.precision").entity(String.class).isEqualTo("DAY");
		response.path("country.officials.nodes[0].positions[1].country.code").entity(String.class).isEqualTo("RU");
	}

	@Test
	void belarusOfficialsTodayAndOnTheDayLukashenkaTookOffice() {
		assertThat(officials("BY", null)).containsExactly("Alyaksandr Lukashenka");
		this.graphQl.document("{ country(code: \"BY\") { officials { nodes { name } } } }")
			.execute()
			.path("country.officials.nodes[*].name")
			.entityList(String.class)
			.containsExactly("Alyaksandr Lukashenka");
		// President since 20 July 1994 (public record)
		assertThat(officials("BY", "1994-07-20")).containsExactly("Alyaksandr Lukashenka");
		assertThat(officials("BY", "1994-07-19")).isEmpty();
		assertBadRequest("{ officials(country: \"QQ\") { totalCount } }", "'country'");
	}

	@Test
	void anOfficeEndingInAMonthIsHeldThroughThatMonth() {
		String bloc = recordBloc("Office Bloc");
		String id = recordPerson("Month Official " + bloc,
				Map.of("title", "Commissioner", "country", bloc, "start", "2008", "end", "2008-05"));
		try {
			assertThat(officials(bloc, "2008-05-31")).containsExactly("Month Official " + bloc);
			assertThat(officials(bloc, "2008-06-01")).isEmpty();
			assertThat(officials(bloc, "2008-01-01")).containsExactly("Month Official " + bloc);
		}
		finally {
			clearPositions(id);
		}
	}

	@Test
	void countriesFilteredByNameOrOtherName() {
		assertThat(countries(Map.of("name", "bel"))).containsExactly("Belgium", "Belarus", "Belize");
		assertThat(countries(Map.of("name", "Российская"))).containsExactly("Russia");
		this.graphQl.document("{ countries(first: 0) { totalCount } }")
			.execute()
			.path("countries.totalCount")
			.entity(Integer.class)
			// the 249 ISO 3166-1 countries, not the EU or the unnamed group
			.isEqualTo(249);
		assertBadRequest("{ countries(filter: { name: \" \" }) { totalCount } }", "'filter.name'");
		assertBadRequest("{ country(code: \"EU\") { name } }", "'code'");
		assertBadRequest("{ country(code: \"ZZ\") { name } }", "'code'");
	}

	@Test
	void partyIdsIssuedBeforeTheTypesStillResolveToTheirConcreteType() {
		GraphQlTester.Response response = this.graphQl.document("""
				query($by: ID!, $eu: ID!, $group: ID!) {
				  by: node(id: $by) { __typename id ... on Party { name kind } }
				  eu: node(id: $eu) { __typename ... on Party { name } }
				  group: node(id: $group) { __typename ... on Party { kind } }
				  party(code: "EU") { __typename id }
				  parties(kind: BLOC, first: 100) { nodes { __typename } }
				}""")
			.variable("by", gid("Party", "by"))
			.variable("eu", gid("Party", "eu"))
			.variable("group", gid("Party", "other-countries"))
			.execute();
		response.path("by.__typename").entity(String.class).isEqualTo("Country");
		response.path("by.id").entity(String.class).isEqualTo(gid("Party", "by"));
		response.path("by.name").entity(String.class).isEqualTo("Belarus");
		response.path("eu.__typename").entity(String.class).isEqualTo("Bloc");
		response.path("group.__typename").entity(String.class).isEqualTo("Group");
		response.path("group.kind").entity(String.class).isEqualTo("GROUP");
		response.path("party.__typename").entity(String.class).isEqualTo("Bloc");
		response.path("party.id").entity(String.class).isEqualTo(gid("Party", "eu"));
		response.path("parties.nodes[*].__typename").entityList(String.class).satisfies(types -> {
			assertThat(types).isNotEmpty();
			assertThat(types).containsOnly("Bloc");
		});
		// search and measures name the concrete type too; fragments on Party still apply
		this.graphQl.document("""
				{ search(query: "Belarus", types: [PARTY], first: 1) { nodes { record { __typename
				    ... on Party { name } } } } }""")
			.execute()
			.path("search.nodes[0].record.__typename")
			.entity(String.class)
			.isEqualTo("Country")
			.path("search.nodes[0].record.name")
			.entity(String.class)
			.isEqualTo("Belarus");
		this.graphQl.document("""
				{ party(code: "BY") { measuresImposed(first: 1) { nodes { imposers { __typename } } } } }""")
			.execute()
			.path("party.measuresImposed.nodes[0].imposers[0].__typename")
			.entity(String.class)
			.isEqualTo("Country");
	}

	@Test
	void aPositionNamesItsOrganisationAndHistoryShowsNoDerivedDays() {
		String bloc = recordBloc("Airline Bloc");
		String id = recordPerson("Airline Official " + bloc, Map.of("title", "Chief Executive", "country", bloc,
				"organization", gid("Organization", "ryanair"), "start", "2014-04"));
		try {
			GraphQlTester.Response response = this.graphQl.document("""
					query($id: ID!) { person(id: $id) { positions { organization { name } }
					  changes { nodes { fields { field after } } } } }""").variable("id", id).execute();
			response.path("person.positions[0].organization.name").entity(String.class).isEqualTo("Ryanair");
			response.path("person.changes.nodes[0].fields[?(@.field == 'positions')].after")
				.entityList(String.class)
				.satisfies(after -> assertThat(after).singleElement()
					.asString()
					.contains("Chief Executive")
					.doesNotContain("startDay"));
		}
		finally {
			clearPositions(id);
		}
	}

	@Test
	void badPositionsAreRefusedNamingTheFieldAndNothingIsWritten() {
		String before = fingerprint();
		assertRefused(Map.of("title", "Minister", "country", "BY", "start", "2020-05-01", "end", "2020-04"),
				"input.fields.positions[0].end");
		assertRefused(Map.of("title", "Minister", "country", "QQ"), "input.fields.positions[0].country");
		assertRefused(Map.of("title", "Minister", "country", "BY", "organization", gid("Organization", "nowhere")),
				"input.fields.positions[0].organization");
		assertThat(fingerprint()).isEqualTo(before);
	}

	private void assertRefused(Map<String, Object> position, String field) {
		analyst().document("""
				mutation($fields: PersonFields!) { recordPerson(input: { fields: $fields }) {
				  person { id } userErrors { field message } } }""")
			.variable("fields", Map.of("name", "Refused Official " + unique(), "positions", List.of(position)))
			.execute()
			.path("recordPerson.person")
			.valueIsNull()
			.path("recordPerson.userErrors[*].field")
			.entityList(String.class)
			.containsExactly(field);
	}

	private String recordPerson(String name, Map<String, Object> position) {
		return analyst().document("""
				mutation($fields: PersonFields!) { recordPerson(input: { fields: $fields }) {
				  person { id } userErrors { field message } } }""")
			.variable("fields", Map.of("name", name, "positions", List.of(position)))
			.execute()
			.path("recordPerson.userErrors")
			.entityList(Object.class)
			.hasSize(0)
			.path("recordPerson.person.id")
			.entity(String.class)
			.get();
	}

	/**
	 * Leaves the shared database's list of office holders as the seed has it (the people
	 * scenarios list them).
	 */
	private void clearPositions(String id) {
		analyst().document("""
				mutation($id: ID!) { amendPerson(input: { id: $id, revision: 1, fields: { positions: [] } }) {
				  userErrors { message } } }""")
			.variable("id", id)
			.execute()
			.path("amendPerson.userErrors")
			.entityList(Object.class)
			.hasSize(0);
	}

	private List<String> officials(String country, String on) {
		return this.graphQl.document(OFFICIALS)
			.variable("country", country)
			.variable("on", on)
			.execute()
			.path("officials.nodes[*].name")
			.entityList(String.class)
			.get();
	}

	private List<String> countries(Map<String, Object> filter) {
		return this.graphQl.document("query($filter: CountryFilter) { countries(filter: $filter) { nodes { name } } }")
			.variable("filter", filter)
			.execute()
			.path("countries.nodes[*].name")
			.entityList(String.class)
			.get();
	}

}
