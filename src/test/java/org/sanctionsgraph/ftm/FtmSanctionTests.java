package org.sanctionsgraph.ftm;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.sanctionsgraph.ApiTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * FtM Sanction, Position, Occupancy, Passport and Identification entities: imported as
 * designations under a measure of their imposer and programme, as positions the officials
 * query reads and as identifiers of their holders; imported again without change; and
 * exported again as the same entities. Each test imports the fixture with ids and names
 * of its own.
 */
@FtmApiTest
class FtmSanctionTests {

	private static final String ADMIN = "Bearer " + ApiTest.ADMIN_SECRET;

	@LocalServerPort
	int port;

	@Autowired
	HttpGraphQlTester graphQl;

	private final String run = UUID.randomUUID().toString().substring(0, 8);

	private Map<String, Object> importText(String text) throws Exception {
		HttpResponse<String> response = FtmHttp.post(this.port, text.getBytes(StandardCharsets.UTF_8), "Authorization",
				ADMIN, "Content-Type", "application/x-ndjson");
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return FtmHttp.json(response.body());
	}

	private String fixture() {
		return FtmHttp.fixture("sanctions.ndjson", this.run);
	}

	@Test
	void sanctionsPositionsAndIdentificationsAreImportedAndBadOnesRejectedNamingTheProperty() throws Exception {
		Map<String, Object> summary = importText(fixture());

		assertThat(summary).containsEntry("created", 8)
			.containsEntry("updated", 0)
			.containsEntry("unchanged", 0)
			.containsEntry("rejectedCount", 5)
			.containsEntry("bySchema",
					Map.of("Person", 1, "Company", 1, "Sanction", 5, "Position", 1, "Occupancy", 2, "Passport", 2,
							"Identification", 1, "Vessel", 1))
			.containsEntry("unknownSchemas", Map.of("Vessel", 1));
		List<Map<String, Object>> rejected = (List<Map<String, Object>>) summary.get("rejected");
		assertThat(rejected).extracting(rejection -> rejection.get("line")).containsExactly(5, 6, 7, 12, 13);
		assertThat(rejected).extracting(rejection -> (String) rejection.get("reason"))
			.satisfiesExactly(reason -> assertThat(reason).startsWith("'endDate': the delisting (2021-01-01)"),
					reason -> assertThat(reason).startsWith("'entity' refers to 'nowhere'"),
					reason -> assertThat(reason).startsWith("'listingDate' is missing"),
					reason -> assertThat(reason).isEqualTo("'endDate' (2019) is before 'startDate' (2020-06-01)"),
					reason -> assertThat(reason).startsWith("'number' is missing"));
		assertThat(rejected.get(0)).containsEntry("id", "t-" + this.run + "-bad-dates");
	}

	@Test
	void aSanctionIsADesignationOfItsEntityUnderTheMeasureOfItsImposerAndProgramme() throws Exception {
		importText(fixture());
		this.graphQl.document("query($q: String!) { search(query: $q, types: [PERSON], first: 1) { edges { node { "
				+ "record { ... on Person { isSanctioned(on: \"2022-01-01\") designations { edges { node { "
				+ "listed { value } delisted { value } authorityReference reason ftm { id extra { property values } } "
				+ "measure { ... on Sanction { title imposers { code } program { code } } } } } } } } } } } }")
			.variable("q", "Olga Official " + this.run)
			.execute()
			.path("search.edges[0].node.record.isSanctioned")
			.entity(Boolean.class)
			.isEqualTo(true)
			.path("search.edges[0].node.record.designations.edges[*].node")
			.entityList(Map.class)
			.containsExactly(Map.of("listed", Map.of("value", "2021-06-21"), "delisted", Map.of("value", "2023-02-24"),
					"authorityReference", "EU." + this.run + ".1", "reason", "Responsible for repression " + this.run,
					"ftm",
					Map.of("id", "t-" + this.run + "-sanction", "extra",
							List.of(Map.of("property", "authority", "values", List.of("Council of the European Union")),
									Map.of("property", "provisions", "values", List.of("Asset freeze", "Travel ban")),
									Map.of("property", "startDate", "values", List.of("2021-06-21")),
									Map.of("property", "sourceUrl", "values",
											List.of("https://example.org/eu/" + this.run)))),
					"measure", Map.of("title", "EU restrictive measures against Belarus", "imposers",
							List.of(Map.of("code", "EU")), "program", Map.of("code", "EU-BLR"))));
		// delisted on 24 February 2023: no longer covered that day
		this.graphQl
			.document("query($q: String!) { search(query: $q, types: [PERSON], first: 1) { edges { node { "
					+ "record { ... on Person { isSanctioned(on: \"2023-02-24\") } } } } } }")
			.variable("q", "Olga Official " + this.run)
			.execute()
			.path("search.edges[0].node.record.isSanctioned")
			.entity(Boolean.class)
			.isEqualTo(false);
		// a programme no one has yet is made from the Sanction, the start date is the
		// listing
		this.graphQl
			.document("query($q: String!) { search(query: $q, types: [ORGANIZATION], first: 1) { edges { "
					+ "node { record { ... on Organization { identifiers { scheme value country { code } } "
					+ "designations { edges { node { listed { value } measure { ... on Sanction { imposers { code } "
					+ "program { code name url } } } } } } } } } } } }")
			.variable("q", "Belaruskali Trading " + this.run)
			.execute()
			.path("search.edges[0].node.record.identifiers")
			.entityList(Map.class)
			.containsExactly(Map.of("scheme", "TAX_NUMBER", "value", "190000001", "country", Map.of("code", "BY")))
			.path("search.edges[0].node.record.designations.edges[*].node")
			.entityList(Map.class)
			.containsExactly(Map.of("listed", Map.of("value", "2021-08"), "measure",
					Map.of("imposers", List.of(Map.of("code", "US")), "program", Map.of("code", "US-BLR-" + this.run,
							"name", "Belarus sanctions " + this.run, "url", "https://example.org/us/" + this.run))));
	}

	@Test
	void anOccupancyIsAPositionTheOfficialsQueryReadsAndAPassportAnIdentifier() throws Exception {
		importText(fixture());
		this.graphQl
			.document("query($q: String!) { search(query: $q, types: [PERSON], first: 1) { edges { node { "
					+ "record { ... on Person { identifiers { scheme value country { code } } "
					+ "positions { title country { code } start { value } end { value } } } } } } } }")
			.variable("q", "Olga Official " + this.run)
			.execute()
			.path("search.edges[0].node.record.identifiers[*].value")
			.entityList(String.class)
			.containsExactly("KH0000001", "MP7654321")
			.path("search.edges[0].node.record.identifiers[*].scheme")
			.entityList(String.class)
			.containsExactly("PASSPORT", "PASSPORT")
			// the passportNumber property names no country, the Passport entity does
			.path("search.edges[0].node.record.identifiers[0].country")
			.valueIsNull()
			.path("search.edges[0].node.record.identifiers[1].country.code")
			.entity(String.class)
			.isEqualTo("BY")
			.path("search.edges[0].node.record.positions")
			.entityList(Map.class)
			.containsExactly(Map.of("title", "Minister of Information " + this.run, "country", Map.of("code", "BY"),
					"start", Map.of("value", "2020-06-01"), "end", Map.of("value", "2022-12")));
		assertThat(officials("2022-12-31")).contains("Olga Official " + this.run);
		assertThat(officials("2023-01-01")).doesNotContain("Olga Official " + this.run);
	}

	@Test
	void importingTheSameFileAgainChangesNothing() throws Exception {
		importText(fixture());
		Map<String, Object> again = importText(fixture());
		assertThat(again).containsEntry("created", 0).containsEntry("updated", 0).containsEntry("unchanged", 8);
	}

	@Test
	void aChangedSanctionUpdatesItsDesignationAndAPassportOfAHolderInTheStoreIsAdded() throws Exception {
		importText(fixture());
		Map<String, Object> changed = importText(fixture().replace("Responsible for repression", "Propagandist"));
		assertThat(changed).containsEntry("created", 0).containsEntry("updated", 1).containsEntry("unchanged", 7);
		this.graphQl.mutate()
			.header("Authorization", ADMIN)
			.build()
			.document("query($q: String!) { search(query: $q, types: [PERSON], first: 1) { edges { node { "
					+ "record { ... on Person { designations { edges { node { revision reason "
					+ "changes(last: 1) { edges { node { actor operation } } } } } } } } } } } }")
			.variable("q", "Olga Official " + this.run)
			.execute()
			.path("search.edges[0].node.record.designations.edges[0].node.revision")
			.entity(Integer.class)
			.isEqualTo(2)
			.path("search.edges[0].node.record.designations.edges[0].node.reason")
			.entity(String.class)
			.isEqualTo("Propagandist " + this.run)
			.path("search.edges[0].node.record.designations.edges[0].node.changes.edges[0].node")
			.entity(Map.class)
			.isEqualTo(Map.of("actor", "import:ftm", "operation", "importFtm"));

		// a file of one Identification whose holder is only in the store
		Map<String, Object> alone = importText("{\"id\":\"t-" + this.run + "-id-card\",\"schema\":\"Identification\","
				+ "\"properties\":{\"holder\":[\"t-" + this.run + "-official\"],\"number\":[\"3120679A001PB7\"],"
				+ "\"country\":[\"by\"],\"type\":[\"National ID\"]}}");
		assertThat(alone).containsEntry("created", 1).containsEntry("rejectedCount", 0);
		this.graphQl
			.document("query($q: String!) { search(query: $q, types: [PERSON], first: 1) { edges { node { "
					+ "record { ... on Person { identifiers { scheme value } } } } } } }")
			.variable("q", "Olga Official " + this.run)
			.execute()
			.path("search.edges[0].node.record.identifiers[*].value")
			.entityList(String.class)
			.containsExactly("KH0000001", "MP7654321", "3120679A001PB7");
	}

	@Test
	void theyAreExportedAsTheEntitiesTheyWereImportedFrom() throws Exception {
		String file = fixture();
		importText(file);
		List<Map<String, Object>> exported = new String(FtmHttp.get(this.port,
				"/export/ftm?schema=Sanction&schema=Passport&schema=Identification&schema=Occupancy&schema=Position")
			.body(), StandardCharsets.UTF_8).lines()
			.map(FtmHttp::json)
			.filter(entity -> ((String) entity.get("id")).startsWith("t-" + this.run))
			.toList();
		List<Map<String, Object>> imported = file.lines()
			.map(FtmHttp::json)
			.filter(entity -> List
				.of("t-" + this.run + "-post", "t-" + this.run + "-occupancy", "t-" + this.run + "-passport",
						"t-" + this.run + "-inn")
				.contains(entity.get("id")))
			.toList();
		assertThat(exported).containsAll(imported);
		assertThat(exported).contains(Map.of("id", "t-" + this.run + "-sanction", "schema", "Sanction", "properties",
				Map.ofEntries(Map.entry("entity", List.of("t-" + this.run + "-official")),
						Map.entry("country", List.of("eu")),
						Map.entry("authority", List.of("Council of the European Union")),
						Map.entry("authorityId", List.of("EU." + this.run + ".1")),
						Map.entry("program", List.of("EU restrictive measures against Belarus")),
						Map.entry("programId", List.of("EU-BLR")),
						Map.entry("provisions", List.of("Asset freeze", "Travel ban")),
						Map.entry("reason", List.of("Responsible for repression " + this.run)),
						Map.entry("listingDate", List.of("2021-06-21")), Map.entry("startDate", List.of("2021-06-21")),
						Map.entry("endDate", List.of("2023-02-24")),
						Map.entry("sourceUrl", List.of("https://example.org/eu/" + this.run)))));
		assertThat(exported).hasSize(6);
	}

	private List<String> officials(String day) {
		return this.graphQl
			.document("query($on: Date) { country(code: \"BY\") { officials(on: $on, first: 100) { edges { node { "
					+ "name } } } } }")
			.variable("on", day)
			.execute()
			.path("country.officials.edges[*].node.name")
			.entityList(String.class)
			.get();
	}

}
