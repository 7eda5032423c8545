package org.sanctionsgraph.scenarios;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sanctionsgraph.scenarios.SeedExpectations.gid;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.sanctionsgraph.graphql.GlobalId;

import org.springframework.graphql.test.tester.GraphQlTester;

/**
 * Designations as analysts ask about them: who was sanctioned on a day, after the EU's
 * listing rounds and after a delisting, and the checks that refuse bad designations. The
 * designations and people written here are removed after each test, since while they
 * exist they change who counts as sanctioned at all.
 */
public abstract class DesignationScenarios extends Scenario {

	private static final String LUKASHENKA = gid("Person", "lukashenka");

	private final List<String[]> written = new ArrayList<>();

	@AfterEach
	void removeWhatTheTestWrote() {
		for (String[] record : this.written) {
			this.mongo.getCollection(record[0]).deleteOne(new Document("_id", record[1]));
		}
	}

	// --- the seed story

	@Test
	void theEuSanctionedLukashenkaOnlyFromItsSecondRoundOn6November2020() {
		// the first round (2 October 2020) listed officials, not him
		assertThat(names(Map.of("on", "2020-10-15", "by", List.of("EU")))).isEmpty();
		assertThat(names(Map.of("on", "2020-11-10", "by", List.of("EU")))).containsExactly("Alyaksandr Lukashenka");
		// others had him listed before: the Baltic states from 31 August, the UK and
		// Canada from 29 September 2020
		assertThat(sanctioned(LUKASHENKA, "2020-10-15", List.of("EU"))).isFalse();
		assertThat(sanctioned(LUKASHENKA, "2020-10-15", null)).isTrue();
		assertThat(sanctioned(LUKASHENKA, "2020-11-06", List.of("EU"))).isTrue();
		GraphQlTester.Response lukashenka = this.graphQl.documentName("personSanctioned")
			.variable("id", LUKASHENKA)
			.variable("on", "2020-11-06")
			.execute();
		lukashenka.path("person.designations.totalCount").entity(Integer.class).isEqualTo(1);
		lukashenka.path("person.designations.nodes[0].listed.value").entity(String.class).isEqualTo("2020-11-06");
		lukashenka.path("person.designations.nodes[0].endDate").valueIsNull();
		lukashenka.path("person.designations.nodes[0].measure.id")
			.entity(String.class)
			.isEqualTo(gid("Measure", "m-eu-listings-2020-11"));
		lukashenka.path("person.designations.nodes[0].target.country.code").entity(String.class).isEqualTo("BY");
	}

	@Test
	void theEuSectoralSanctionsCiteTheirRegulationAndDecision() {
		GraphQlTester.Response sectoral = this.graphQl.documentName("measureLegalActs")
			.variable("id", gid("Measure", "m-eu-sectoral-2021"))
			.execute();
		sectoral.path("measure.legalActs[*].identifiers[?(@.scheme == 'CELEX')].value")
			.entityList(String.class)
			.containsExactly("32021R1030", "32021D1031");
		sectoral.path("measure.legalActs[*].adopted.value")
			.entityList(String.class)
			.containsExactly("2021-06-24", "2021-06-24");
		sectoral.path("measure.legalActs[*].inForce.value")
			.entityList(String.class)
			.containsExactly("2021-06-25", "2021-06-25");
		sectoral.path("measure.legalActs[*].authority.code").entityList(String.class).containsExactly("EU", "EU");
		sectoral.path("measure.legalActs[0].title")
			.entity(String.class)
			.satisfies(title -> assertThat(title).startsWith("Council Regulation (EU) 2021/1030 of 24 June 2021"));
		// the plain-text basis stays as it was
		sectoral.path("measure.legalBasis")
			.entity(String.class)
			.satisfies(basis -> assertThat(basis).startsWith("Council Regulation (EU) 2021/1030"));
		this.graphQl.document("{ legalActs(identifier: \"32021D1031\") { nodes { title } } }")
			.execute()
			.path("legalActs.nodes[*].title")
			.entityList(String.class)
			.satisfies(titles -> assertThat(titles).singleElement()
				.satisfies(title -> assertThat(title).startsWith("Council Decision (CFSP) 2021/1031")));
	}

	@Test
	void theEuBelarusProgrammeIsFoundByItsCode() {
		GraphQlTester.Response programme = this.graphQl.documentName("programByCode")
			.variable("code", "eu-blr")
			.execute();
		programme.path("programs.nodes[*].name")
			.entityList(String.class)
			.containsExactly("EU restrictive measures against Belarus");
		programme.path("programs.nodes[0].code").entity(String.class).isEqualTo("EU-BLR");
		programme.path("programs.nodes[0].authority.code").entity(String.class).isEqualTo("EU");
		this.graphQl.documentName("programByCode")
			.variable("code", "XX-NONE")
			.execute()
			.path("programs.nodes")
			.entityList(Object.class)
			.hasSize(0);
	}

	@Test
	void anOrganisationNamedByASanctionIsSanctionedWhileItIsInForce() {
		String organization = gid("Organization", Fixtures.ORGANIZATION);
		assertThat(organizationSanctioned(organization, "1992-06-01")).isTrue();
		assertThat(organizationSanctioned(organization, "1996-01-01")).isFalse();
		// listed by designation only from 1993: before that the sanction did not apply
		// to it
		record(designation(gid("Measure", "fixture-sanction-2"), organization, "1993-01-01"));
		assertThat(organizationSanctioned(organization, "1992-06-01")).isFalse();
		assertThat(organizationSanctioned(organization, "1993-01-01")).isTrue();
	}

	// --- writes

	@Test
	void aDesignationsOwnDatesDecideWhenItsTargetIsSanctioned() {
		String person = recordPerson("Designated Official");
		// the measure names the person and applies from 1 March 2022; the person was
		// listed under it only from 10 March
		Map<String, Object> fields = sanction("Listing round", "2022-03-01");
		fields.put("targets", List.of(Map.of("kind", "PERSON", "person", person)));
		String measure = recordSanction(fields);
		assertThat(sanctioned(person, "2022-03-05", List.of(imposer()))).isTrue();
		assertThat(measuresInForce(person, "2022-03-05")).containsExactly(measure);
		String designation = record(designation(measure, person, "2022-03-10"));
		assertThat(sanctioned(person, "2022-03-05", List.of(imposer()))).isFalse();
		assertThat(measuresInForce(person, "2022-03-05")).isEmpty();
		assertThat(measuresInForce(person, "2022-03-10")).containsExactly(measure);
		assertThat(sanctioned(person, "2022-03-10", List.of(imposer()))).isTrue();
		assertThat(names(Map.of("on", "2022-03-05", "by", List.of(imposer())))).isEmpty();
		assertThat(names(Map.of("on", "2022-03-15", "by", List.of(imposer())))).containsExactly("Designated Official");
		this.graphQl.documentName("designations")
			.variable("filter", Map.of("target", person, "inForceOn", "2022-03-09"))
			.execute()
			.path("designations.totalCount")
			.entity(Integer.class)
			.isEqualTo(0);
		this.graphQl.documentName("designations")
			.variable("filter", Map.of("measure", measure, "inForceOn", "2022-03-10"))
			.execute()
			.path("designations.nodes[*].id")
			.entityList(String.class)
			.containsExactly(designation);
	}

	@Test
	void aPersonsNestedMeasuresInForceFollowTheirOwnListingDatesWhenAskedAlongsideOthers() {
		String early = recordPerson("Listed With The Measure");
		String late = recordPerson("Listed Later");
		Map<String, Object> fields = sanction("Shared listing round", "2022-05-01");
		fields.put("targets",
				List.of(Map.of("kind", "PERSON", "person", early), Map.of("kind", "PERSON", "person", late)));
		String measure = recordSanction(fields);
		record(designation(measure, late, "2022-05-20"));
		// one request, both people: each person's page follows that person's listing
		assertThat(nestedMeasuresInForce(List.of(early, late), "2022-05-10")).containsExactly(List.of(measure),
				List.of());
		assertThat(nestedMeasuresInForce(List.of(late, early), "2022-05-10")).containsExactly(List.of(),
				List.of(measure));
		assertThat(nestedMeasuresInForce(List.of(early, late), "2022-05-20")).containsExactly(List.of(measure),
				List.of(measure));
		assertThat(nestedMeasuresInForce(List.of(early, late), "2022-04-30")).containsExactly(List.of(), List.of());
	}

	@Test
	void aDelistedPersonIsNotSanctionedFromTheDelistingOn() {
		String person = recordPerson("Delisted Businessman");
		String measure = recordSanction(sanction("Listing round with a delisting", "2022-04-01"));
		// the measure does not name the person: the designation alone lists them
		assertThat(sanctioned(person, "2022-04-20", List.of(imposer()))).isFalse();
		String designation = record(designation(measure, person, "2022-04-15"));
		assertThat(sanctioned(person, "2022-04-20", List.of(imposer()))).isTrue();
		GraphQlTester.Response delisted = analyst().documentName("delistDesignation")
			.variable("id", designation)
			.variable("revision", 1)
			.variable("delisted", "2022-09-15")
			.variable("reason", "Annulled by the court")
			.execute();
		delisted.path("delistDesignation.userErrors").entityList(Object.class).hasSize(0);
		delisted.path("delistDesignation.designation.revision").entity(Integer.class).isEqualTo(2);
		delisted.path("delistDesignation.designation.endDate").entity(String.class).isEqualTo("2022-09-14");
		delisted.path("delistDesignation.designation.changes.nodes[*].operation")
			.entityList(String.class)
			.containsExactly("recordDesignation", "delistDesignation");
		assertThat(sanctioned(person, "2022-09-14", List.of(imposer()))).isTrue();
		assertThat(sanctioned(person, "2022-09-15", List.of(imposer()))).isFalse();
		assertThat(names(Map.of("on", "2022-10-01", "by", List.of(imposer())))).isEmpty();
		assertThat(names(Map.of("sanctioned", false, "on", "2022-10-01", "by", List.of(imposer()))))
			.contains("Delisted Businessman");
		// ever sanctioned by the bloc: yes
		assertThat(names(Map.of("sanctioned", true, "by", List.of(imposer())))).containsExactly("Delisted Businessman");
	}

	@Test
	void badDesignationsGetUserErrorsNamingTheFieldAndChangeNothing() {
		String person = recordPerson("Validation Person");
		String measure = recordSanction(sanction("Validation round", "2022-05-01"));
		String designation = record(designation(measure, person, "2022-05-10"));
		String before = fingerprint();
		assertUserError("recordDesignation", designation(gid("Measure", "no-such-measure"), person, "2022-05-10"),
				"input.fields.measure", "NOT_FOUND");
		assertUserError("recordDesignation", designation(measure, gid("Person", "no-such-person"), "2022-05-10"),
				"input.fields.target", "NOT_FOUND");
		assertUserError("recordDesignation", designation(measure, gid("Event", "ev-crackdown"), "2022-05-10"),
				"input.fields.target", "INVALID");
		assertUserError("recordDesignation", designation(measure, person, "2022-13-01"), "input.fields.listed",
				"INVALID");
		Map<String, Object> unlisted = designation(measure, person, "2022-05-10");
		unlisted.remove("listed");
		assertUserError("recordDesignation", unlisted, "input.fields.listed", "REQUIRED");
		Map<String, Object> amendedEarly = designation(measure, person, "2022-05-10");
		amendedEarly.put("amended", "2022-05-01");
		assertUserError("recordDesignation", amendedEarly, "input.fields.amended", "INVALID");
		Map<String, Object> noAct = designation(measure, person, "2022-05-10");
		noAct.put("legalActs", List.of(gid("LegalAct", "no-such-act")));
		assertUserError("recordDesignation", noAct, "input.fields.legalActs", "NOT_FOUND");
		// a delisting before the listing
		analyst().documentName("delistDesignation")
			.variable("id", designation)
			.variable("revision", 1)
			.variable("delisted", "2022-05-09")
			.execute()
			.path("delistDesignation.designation")
			.valueIsNull()
			.path("delistDesignation.userErrors[*].field")
			.entityList(String.class)
			.containsExactly("input.delisted");
		assertThat(fingerprint()).isEqualTo(before);
		// a designation that would end before it starts: listed again after its delisting
		delist(designation, 1, "2022-08-01");
		String delisted = fingerprint();
		analyst().documentName("amendDesignation")
			.variable("id", designation)
			.variable("revision", 2)
			.variable("fields", Map.of("listed", "2022-09-01"))
			.execute()
			.path("amendDesignation.userErrors[*].field")
			.entityList(String.class)
			.containsExactly("input.fields.listed")
			.path("amendDesignation.userErrors[0].message")
			.entity(String.class)
			.satisfies(message -> assertThat(message).contains("cannot end before it starts"));
		assertThat(fingerprint()).isEqualTo(delisted);
	}

	@Test
	void legalActsAndProgrammeCodesAreValidated() {
		String before = fingerprint();
		Map<String, Object> act = new HashMap<>();
		act.put("title", "Council Implementing Regulation (test)");
		act.put("adopted", "2022-06-10");
		act.put("inForce", "2022-06-01");
		act.put("authority", "EU");
		assertUserError("recordLegalAct", act, "input.fields.inForce", "INVALID");
		act.put("inForce", "2022-06-11");
		act.put("url", "ftp://example.org/act");
		assertUserError("recordLegalAct", act, "input.fields.url", "INVALID");
		act.remove("url");
		act.put("identifiers", List.of(Map.of("scheme", "CELEX", "value", "  ")));
		assertUserError("recordLegalAct", act, "input.fields.identifiers[0].value", "REQUIRED");
		Map<String, Object> programme = new HashMap<>();
		programme.put("name", "Test regime " + uniqueCode());
		programme.put("kind", "SANCTIONS_REGIME");
		programme.put("code", "eu-blr");
		assertUserError("recordProgram", programme, "input.fields.code", "DUPLICATE");
		programme.put("code", "EU BLR");
		assertUserError("recordProgram", programme, "input.fields.code", "INVALID");
		programme.put("code", "TQ-" + uniqueCode());
		programme.put("authority", "XX");
		assertUserError("recordProgram", programme, "input.fields.authority", "NOT_FOUND");
		assertThat(fingerprint()).isEqualTo(before);
	}

	@Test
	void aRecordedLegalActIsCitedByADesignation() {
		String person = recordPerson("Cited Official");
		String measure = recordSanction(sanction("Round citing an act", "2022-07-01"));
		String act = analyst().documentName("recordLegalAct")
			.variable("fields",
					Map.of("title", "Council Implementing Regulation (test) " + uniqueCode(), "identifiers",
							List.of(Map.of("scheme", "CELEX", "value", "32022R0001")), "adopted", "2022-07-01",
							"inForce", "2022-07-02", "authority", "eu"))
			.execute()
			.path("recordLegalAct.userErrors")
			.entityList(Object.class)
			.hasSize(0)
			.path("recordLegalAct.legalAct.authority.code")
			.entity(String.class)
			.isEqualTo("EU")
			.path("recordLegalAct.legalAct.id")
			.entity(String.class)
			.get();
		this.written.add(new String[] { "legalActs", key(act) });
		Map<String, Object> fields = designation(measure, person, "2022-07-02");
		fields.put("legalActs", List.of(act));
		fields.put("authorityReference", "EU.10966.20");
		String designation = record(fields);
		analyst().documentName("amendDesignation")
			.variable("id", designation)
			.variable("revision", 1)
			.variable("fields", Map.of("amended", "2022-08-01", "authorityReference", "EU.10966.21"))
			.execute()
			.path("amendDesignation.userErrors")
			.entityList(Object.class)
			.hasSize(0)
			.path("amendDesignation.designation.authorityReference")
			.entity(String.class)
			.isEqualTo("EU.10966.21");
		this.graphQl.document("query($id: ID!) { node(id: $id) { ... on Designation { revision legalActs { id } } } }")
			.variable("id", designation)
			.execute()
			.path("node.revision")
			.entity(Integer.class)
			.isEqualTo(2)
			.path("node.legalActs[*].id")
			.entityList(String.class)
			.containsExactly(act);
	}

	// --- helpers

	private List<String> names(Map<String, Object> filter) {
		return this.graphQl.documentName("sanctionedPeople")
			.variables(new HashMap<>(filter))
			.execute()
			.path("people.nodes[*].name")
			.entityList(String.class)
			.get();
	}

	private boolean sanctioned(String person, String on, List<String> by) {
		Map<String, Object> variables = new HashMap<>();
		variables.put("id", person);
		variables.put("on", on);
		variables.put("by", by);
		return this.graphQl.documentName("personSanctioned")
			.variables(variables)
			.execute()
			.path("person.isSanctioned")
			.entity(Boolean.class)
			.get();
	}

	private List<String> measuresInForce(String target, String on) {
		return this.graphQl.documentName("measures")
			.variable("filter", Map.of("target", target, "inForceOn", on))
			.execute()
			.path("measures.edges[*].node.id")
			.entityList(String.class)
			.get();
	}

	/** Each person's measures in force on the day, asked in one request. */
	private List<List<String>> nestedMeasuresInForce(List<String> people, String on) {
		GraphQlTester.Response response = this.graphQl.documentName("nestedMeasuresInForce")
			.variable("ids", people)
			.variable("on", on)
			.execute();
		List<List<String>> pages = new java.util.ArrayList<>();
		for (int i = 0; i < people.size(); i++) {
			List<String> ids = response.path("nodes[" + i + "].measures.nodes[*].id").entityList(String.class).get();
			response.path("nodes[" + i + "].measures.totalCount").entity(Integer.class).isEqualTo(ids.size());
			pages.add(ids);
		}
		return pages;
	}

	private boolean organizationSanctioned(String organization, String on) {
		return this.graphQl.documentName("organizationSanctioned")
			.variable("id", organization)
			.variable("on", on)
			.execute()
			.path("organization.isSanctioned")
			.entity(Boolean.class)
			.get();
	}

	private String recordPerson(String name) {
		String id = analyst().documentName("recordPerson")
			// no nationality: a measure naming the person would otherwise count as aimed
			// at
			// that country, which the read scenarios list
			.variable("fields", Map.of("name", name))
			.execute()
			.path("recordPerson.userErrors")
			.entityList(Object.class)
			.hasSize(0)
			.path("recordPerson.person.id")
			.entity(String.class)
			.get();
		this.written.add(new String[] { "people", key(id) });
		return id;
	}

	private String recordSanction(Map<String, Object> fields) {
		return analyst().documentName("recordSanction")
			.variable("fields", fields)
			.execute()
			.path("recordSanction.userErrors")
			.entityList(Object.class)
			.hasSize(0)
			.path("recordSanction.measure.id")
			.entity(String.class)
			.get();
	}

	private static Map<String, Object> designation(String measure, String target, String listed) {
		Map<String, Object> fields = new HashMap<>();
		fields.put("measure", measure);
		fields.put("target", target);
		fields.put("listed", listed);
		fields.put("citations", List.of(Map.of("source", gid("Source", "src-public-record"), "note", "test")));
		return fields;
	}

	private String record(Map<String, Object> fields) {
		String id = analyst().documentName("recordDesignation")
			.variable("fields", fields)
			.execute()
			.path("recordDesignation.userErrors")
			.entityList(Object.class)
			.hasSize(0)
			.path("recordDesignation.designation.id")
			.entity(String.class)
			.get();
		this.written.add(new String[] { "designations", key(id) });
		return id;
	}

	private static String key(String globalId) {
		return GlobalId.decode("id", globalId).key();
	}

	/** The mutation wrote nothing and named the field with the code among its errors. */
	private void assertUserError(String mutation, Map<String, Object> fields, String field, String code) {
		analyst().documentName(mutation)
			.variable("fields", fields)
			.execute()
			.path(mutation + ".userErrors")
			.entityList(MAP)
			.satisfies(errors -> assertThat(errors).as(field).anySatisfy(error -> {
				assertThat(error.get("field")).isEqualTo(field);
				assertThat(error.get("code")).isEqualTo(code);
			}));
	}

	private void delist(String designation, int revision, String day) {
		analyst().documentName("delistDesignation")
			.variable("id", designation)
			.variable("revision", revision)
			.variable("delisted", day)
			.execute()
			.path("delistDesignation.userErrors")
			.entityList(Object.class)
			.hasSize(0);
	}

}
