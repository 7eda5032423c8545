package org.sanctionsgraph.scenarios;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sanctionsgraph.scenarios.SeedExpectations.gid;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.graphql.test.tester.GraphQlTester;

/**
 * Ties between people and organisations as an analyst asks about them: who someone's
 * associates are, who owns a company and what a person owns, read from either end, and
 * every way a tie can be wrong. The writes join records of the test's own, never the seed
 * story's.
 */
public abstract class TieScenarios extends Scenario {

	private static final String ARTICLE = gid("Source", "src-article-2021-07");

	@Test
	void pratasevichsGirlfriendIsHisAssociateReadFromEitherSide() {
		GraphQlTester.Response his = this.graphQl.documentName("personTies")
			.variable("id", gid("Person", "pratasevich"))
			.execute();
		his.path("person.associates.edges[*].other.name").entityList(String.class).containsExactly("Sofia Sapega");
		his.path("person.associates.edges[0].otherSide").entity(String.class).isEqualTo("TO");
		his.path("person.associates.edges[0].node.relationship").entity(String.class).isEqualTo("girlfriend");
		his.path("person.associates.edges[0].node.citations[0].quote")
			.entity(String.class)
			.isEqualTo("opposition blogger Raman Pratasevich and his Russian girlfriend, Sofia Sapega");
		his.path("person.relatives.totalCount").entity(Integer.class).isEqualTo(0);
		this.graphQl.documentName("personTies")
			.variable("id", gid("Person", "sapega"))
			.execute()
			.path("person.associates.edges[*].other.name")
			.entityList(String.class)
			.containsExactly("Raman Pratasevich")
			.path("person.associates.edges[0].otherSide")
			.entity(String.class)
			.isEqualTo("FROM");
	}

	@Test
	void ownershipReadsFromBothEndsWithItsPercentage() {
		int n = unique();
		String owner = recordPerson("Owner Person " + n);
		String holding = recordOrganization("Holding Company " + n);
		String plant = recordOrganization("Potash Plant " + n);
		recordTie(Map.of("kind", "OWNERSHIP", "from", owner, "to", holding, "percentage", 51.5, "start", "2015-03"));
		recordTie(Map.of("kind", "OWNERSHIP", "from", holding, "to", plant, "percentage", 100));
		recordTie(Map.of("kind", "DIRECTORSHIP", "from", owner, "to", plant, "relationship", "chairman"));

		GraphQlTester.Response person = this.graphQl.documentName("personTies").variable("id", owner).execute();
		person.path("person.holdings.edges[*].other.name")
			.entityList(String.class)
			.containsExactly("Holding Company " + n);
		person.path("person.holdings.edges[0].node.percentage").entity(Double.class).isEqualTo(51.5);
		person.path("person.holdings.edges[0].node.start.value").entity(String.class).isEqualTo("2015-03");
		person.path("person.roles.edges[*].other.name").entityList(String.class).containsExactly("Potash Plant " + n);
		person.path("person.roles.edges[0].node.relationship").entity(String.class).isEqualTo("chairman");

		GraphQlTester.Response company = this.graphQl.documentName("organizationTies")
			.variable("id", holding)
			.execute();
		company.path("organization.owners.edges[*].other.name")
			.entityList(String.class)
			.containsExactly("Owner Person " + n);
		company.path("organization.owners.edges[0].node.percentage").entity(Double.class).isEqualTo(51.5);
		company.path("organization.holdings.edges[*].other.name")
			.entityList(String.class)
			.containsExactly("Potash Plant " + n);
		company.path("organization.holdings.edges[0].node.percentage").entity(Double.class).isEqualTo(100.0);
		// both ownerships, the dated one first; each names the record at the other end
		company.path("organization.ties.edges[*].other.name")
			.entityList(String.class)
			.containsExactly("Owner Person " + n, "Potash Plant " + n);
		company.path("organization.ties.edges[*].otherSide").entityList(String.class).containsExactly("FROM", "TO");

		GraphQlTester.Response asset = this.graphQl.documentName("organizationTies").variable("id", plant).execute();
		asset.path("organization.owners.edges[*].other.name")
			.entityList(String.class)
			.containsExactly("Holding Company " + n);
		asset.path("organization.people.edges[*].other.name")
			.entityList(String.class)
			.containsExactly("Owner Person " + n);
		asset.path("organization.people.edges[0].node.kind").entity(String.class).isEqualTo("DIRECTORSHIP");
	}

	@Test
	void familyTiesAreRecordedWithTheRelationshipAndCited() {
		int n = unique();
		String father = recordPerson("Father Person " + n);
		String son = recordPerson("Son Person " + n);
		Map<String, Object> fields = new HashMap<>(
				Map.of("kind", "FAMILY", "from", father, "to", son, "relationship", "son", "start", "1975-08-28"));
		fields.put("citations", List.of(Map.of("source", ARTICLE, "quote", "Lukashenka's inner circle")));
		analyst().documentName("recordTie")
			.variable("fields", fields)
			.execute()
			.path("recordTie.userErrors")
			.entityList(Object.class)
			.hasSize(0)
			.path("recordTie.tie.from.name")
			.entity(String.class)
			.isEqualTo("Father Person " + n)
			.path("recordTie.tie.to.__typename")
			.entity(String.class)
			.isEqualTo("Person")
			.path("recordTie.tie.start.precision")
			.entity(String.class)
			.isEqualTo("DAY")
			.path("recordTie.tie.citations[0].source.title")
			.entity(String.class)
			.satisfies(title -> assertThat(title).startsWith("News report on Putin's pledge"));
		this.graphQl.documentName("personTies")
			.variable("id", son)
			.execute()
			.path("person.relatives.edges[*].other.name")
			.entityList(String.class)
			.containsExactly("Father Person " + n)
			.path("person.relatives.edges[0].node.relationship")
			.entity(String.class)
			.isEqualTo("son")
			.path("person.ties.totalCount")
			.entity(Integer.class)
			.isEqualTo(1)
			.path("person.memberships.totalCount")
			.entity(Integer.class)
			.isEqualTo(0);
	}

	@Test
	void amendingAndEndingATieKeepRevisionsAndHistory() {
		int n = unique();
		String tie = recordTie(Map.of("kind", "ASSOCIATE", "from", recordPerson("Associate A " + n), "to",
				recordPerson("Associate B " + n), "relationship", "partner", "start", "2019"));
		analyst().document(
				"mutation($id: ID!) { amendTie(input: { id: $id, revision: 1, fields: { relationship: \"colleague\" } })"
						+ " { tie { revision relationship } userErrors { field code } } }")
			.variable("id", tie)
			.execute()
			.path("amendTie.tie.relationship")
			.entity(String.class)
			.isEqualTo("colleague");
		// a stale revision changes nothing
		analyst()
			.document("mutation($id: ID!) { endTie(input: { id: $id, revision: 1, end: \"2022\" })"
					+ " { tie { id } userErrors { field code currentRevision } } }")
			.variable("id", tie)
			.execute()
			.path("endTie.userErrors[0].code")
			.entity(String.class)
			.isEqualTo("CONFLICT")
			.path("endTie.userErrors[0].currentRevision")
			.entity(Integer.class)
			.isEqualTo(2);
		String before = fingerprint();
		assertUserError(analyst()
			.document("mutation($id: ID!) { endTie(input: { id: $id, revision: 2, end: \"2018-12\" })"
					+ " { tie { id } userErrors { field code message } } }")
			.variable("id", tie), "endTie", "tie", "input.end", "INVALID");
		assertThat(fingerprint()).isEqualTo(before);
		analyst().document("mutation($id: ID!, $source: ID!) { endTie(input: { id: $id, revision: 2, end: \"2022-05\","
				+ " citations: [{ source: $source, note: \"they parted\" }] }) { tie { revision } userErrors { field } } }")
			.variable("id", tie)
			.variable("source", gid("Source", "src-public-record"))
			.execute()
			.path("endTie.userErrors")
			.entityList(Object.class)
			.hasSize(0);
		GraphQlTester.Response changes = this.graphQl.documentName("tieChanges").variable("id", tie).execute();
		changes.path("tie.revision").entity(Integer.class).isEqualTo(3);
		changes.path("tie.end.value").entity(String.class).isEqualTo("2022-05");
		changes.path("tie.citations[*].note").entityList(String.class).containsExactly("they parted");
		changes.path("tie.changes.edges[*].node.operation")
			.entityList(String.class)
			.containsExactly("recordTie", "amendTie", "endTie");
		changes.path("tie.changes.edges[2].node.fields[*].field")
			.entityList(String.class)
			.satisfies(fields -> assertThat(fields).containsExactlyInAnyOrder("end", "citations"));
	}

	@Test
	void everyBadTieIsAUserErrorNamingTheFieldAndWritesNothing() {
		int n = unique();
		String person = recordPerson("Checked Person " + n);
		String other = recordPerson("Other Person " + n);
		String company = recordOrganization("Checked Company " + n);
		String before = fingerprint();
		badTie(Map.of("kind", "ASSOCIATE", "from", person, "to", gid("Person", "no-such-person"), "relationship",
				"partner"), "input.fields.to", "NOT_FOUND");
		badTie(Map.of("kind", "ASSOCIATE", "from", person, "to", gid("Source", "src-public-record"), "relationship",
				"partner"), "input.fields.to", "INVALID");
		badTie(Map.of("kind", "ASSOCIATE", "from", person, "to", person, "relationship", "partner"), "input.fields.to",
				"INVALID");
		badTie(Map.of("kind", "OWNERSHIP", "from", person, "to", company, "percentage", 100.5),
				"input.fields.percentage", "INVALID");
		badTie(Map.of("kind", "OWNERSHIP", "from", person, "to", company, "percentage", -1), "input.fields.percentage",
				"INVALID");
		badTie(Map.of("kind", "ROLE", "from", person, "to", company, "relationship", "adviser", "percentage", 10),
				"input.fields.percentage", "INVALID");
		badTie(Map.of("kind", "ASSOCIATE", "from", person, "to", other, "relationship", "partner", "start", "2020-05",
				"end", "2020-04-30"), "input.fields.end", "INVALID");
		badTie(Map.of("kind", "FAMILY", "from", person, "to", other), "input.fields.relationship", "REQUIRED");
		badTie(Map.of("kind", "ROLE", "from", person, "to", company), "input.fields.relationship", "REQUIRED");
		badTie(Map.of("kind", "FAMILY", "from", person, "to", company, "relationship", "son"), "input.fields.to",
				"INVALID");
		badTie(Map.of("kind", "OWNERSHIP", "from", company, "to", person), "input.fields.to", "INVALID");
		badTie(Map.of("from", person, "to", other, "relationship", "partner"), "input.fields.kind", "REQUIRED");
		badTie(Map.of("kind", "MEMBERSHIP", "to", company), "input.fields.from", "REQUIRED");
		assertThat(fingerprint()).isEqualTo(before);
	}

	@Test
	void screeningFieldsRoundTripAndFindTheRecordByIdentifier() {
		int n = unique();
		String passport = "MP" + (1000000 + n);
		Map<String, Object> fields = new HashMap<>();
		fields.put("name", "Screened Person " + n);
		fields.put("patronymic", "Ryhoravich");
		fields.put("birthPlace", "Kopys, Vitebsk region");
		// a nationality the other scenarios' people filters never ask for (they share the
		// database)
		fields.put("nationalities", List.of("UZ"));
		fields.put("citizenships", List.of("BY", "RU"));
		fields.put("gender", "MALE");
		fields.put("identifiers", List.of(Map.of("scheme", "PASSPORT", "value", passport, "country", "BY"),
				Map.of("scheme", "TAX_NUMBER", "value", " 7701" + n + " ")));
		GraphQlTester.Response recorded = analyst().documentName("screeningPerson")
			.variable("fields", fields)
			.execute();
		recorded.path("recordPerson.userErrors").entityList(Object.class).hasSize(0);
		String id = recorded.path("recordPerson.person.id").entity(String.class).get();
		GraphQlTester.Response read = this.graphQl
			.document("query($id: ID!) { person(id: $id) { patronymic birthPlace gender citizenships { code }"
					+ " nationalities { code } identifiers { scheme value country { code } } } }")
			.variable("id", id)
			.execute();
		read.path("person.patronymic").entity(String.class).isEqualTo("Ryhoravich");
		read.path("person.birthPlace").entity(String.class).isEqualTo("Kopys, Vitebsk region");
		read.path("person.gender").entity(String.class).isEqualTo("MALE");
		read.path("person.citizenships[*].code").entityList(String.class).containsExactly("BY", "RU");
		read.path("person.nationalities[*].code").entityList(String.class).containsExactly("UZ");
		read.path("person.identifiers[*].scheme").entityList(String.class).containsExactly("PASSPORT", "TAX_NUMBER");
		// stored as the register writes it, without the stray spaces
		read.path("person.identifiers[*].value").entityList(String.class).containsExactly(passport, "7701" + n);
		read.path("person.identifiers[0].country.code").entity(String.class).isEqualTo("BY");
		this.graphQl.documentName("people")
			.variable("filter", Map.of("identifier", passport))
			.execute()
			.path("people.edges[*].node.name")
			.entityList(String.class)
			.containsExactly("Screened Person " + n);

		String lei = "253400JT3MQWNDKMJE" + (10 + n % 90);
		Map<String, Object> company = new HashMap<>();
		company.put("name", "Screened Company " + n);
		company.put("kind", "COMPANY");
		company.put("legalForm", "joint-stock company");
		company.put("jurisdiction", "RU");
		company.put("incorporated", "2002-07");
		company.put("dissolved", "2022-03-15");
		company.put("identifiers", List.of(Map.of("scheme", "COMPANY_NUMBER", "value", "102770" + n, "country", "RU"),
				Map.of("scheme", "LEI", "value", lei)));
		GraphQlTester.Response organization = analyst().documentName("screeningOrganization")
			.variable("fields", company)
			.execute();
		organization.path("recordOrganization.userErrors").entityList(Object.class).hasSize(0);
		organization.path("recordOrganization.organization.legalForm")
			.entity(String.class)
			.isEqualTo("joint-stock company");
		organization.path("recordOrganization.organization.jurisdiction.code").entity(String.class).isEqualTo("RU");
		organization.path("recordOrganization.organization.incorporated.precision")
			.entity(String.class)
			.isEqualTo("MONTH");
		organization.path("recordOrganization.organization.dissolved.value")
			.entity(String.class)
			.isEqualTo("2022-03-15");
		organization.path("recordOrganization.organization.identifiers[*].scheme")
			.entityList(String.class)
			.containsExactly("COMPANY_NUMBER", "LEI");
		organization.path("recordOrganization.organization.identifiers[1].country").valueIsNull();
		this.graphQl.document("query($v: String) { organizations(identifier: $v) { nodes { name } } }")
			.variable("v", lei)
			.execute()
			.path("organizations.nodes[*].name")
			.entityList(String.class)
			.containsExactly("Screened Company " + n);
	}

	@Test
	void badScreeningFieldsAreUserErrorsAndWriteNothing() {
		String before = fingerprint();
		Map<String, Object> noScheme = Map.of("name", "Unschemed Person", "identifiers",
				List.of(Map.of("value", "MP0000001")));
		badFields("screeningPerson", noScheme, "input.fields.identifiers[0].scheme", "REQUIRED");
		badFields("screeningPerson",
				Map.of("name", "Unvalued Person", "identifiers", List.of(Map.of("scheme", "PASSPORT", "value", " "))),
				"input.fields.identifiers[0].value", "REQUIRED");
		badFields("screeningPerson", Map.of("name", "Stateless Person", "citizenships", List.of("XQ")),
				"input.fields.citizenships", "NOT_FOUND");
		badFields("screeningOrganization",
				Map.of("name", "Backwards Company", "kind", "COMPANY", "incorporated", "2010", "dissolved", "2009-12"),
				"input.fields.dissolved", "INVALID");
		badFields("screeningOrganization", Map.of("name", "Nowhere Company", "kind", "COMPANY", "jurisdiction", "XQ"),
				"input.fields.jurisdiction", "NOT_FOUND");
		assertThat(fingerprint()).isEqualTo(before);
	}

	// --- helpers
	// ------------------------------------------------------------------------------

	private String recordPerson(String name) {
		return analyst().documentName("screeningPerson")
			.variable("fields", Map.of("name", name))
			.execute()
			.path("recordPerson.person.id")
			.entity(String.class)
			.get();
	}

	private String recordOrganization(String name) {
		return analyst().documentName("screeningOrganization")
			.variable("fields", Map.of("name", name, "kind", "COMPANY"))
			.execute()
			.path("recordOrganization.organization.id")
			.entity(String.class)
			.get();
	}

	private String recordTie(Map<String, Object> fields) {
		return analyst().documentName("recordTie")
			.variable("fields", fields)
			.execute()
			.path("recordTie.userErrors")
			.entityList(Object.class)
			.hasSize(0)
			.path("recordTie.tie.id")
			.entity(String.class)
			.get();
	}

	private void badTie(Map<String, Object> fields, String field, String code) {
		assertUserError(analyst().documentName("recordTie").variable("fields", fields), "recordTie", "tie", field,
				code);
	}

	private void badFields(String document, Map<String, Object> fields, String field, String code) {
		String mutation = document.equals("screeningPerson") ? "recordPerson" : "recordOrganization";
		assertUserError(analyst().documentName(document).variable("fields", fields), mutation,
				mutation.equals("recordPerson") ? "person" : "organization", field, code);
	}

	/**
	 * Expects exactly one user error on {@code field}, with that code and a message, and
	 * no record in the payload.
	 */
	private static void assertUserError(GraphQlTester.Request<?> request, String mutation, String recordField,
			String field, String code) {
		GraphQlTester.Response response = request.execute();
		response.path(mutation + ".userErrors[*].field").entityList(String.class).containsExactly(field);
		response.path(mutation + ".userErrors[0].code").entity(String.class).isEqualTo(code);
		response.path(mutation + ".userErrors[0].message")
			.entity(String.class)
			.satisfies(message -> assertThat(message).isNotBlank());
		response.path(mutation + "." + recordField).valueIsNull();
	}

}
