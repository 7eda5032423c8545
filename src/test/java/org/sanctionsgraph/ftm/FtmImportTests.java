package org.sanctionsgraph.ftm;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.sanctionsgraph.ApiTest;
import org.sanctionsgraph.designation.Designation;
import org.sanctionsgraph.organization.Organization;
import org.sanctionsgraph.person.Person;
import org.sanctionsgraph.tie.Tie;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code POST /import/ftm} on an API context of its own: each test imports the fixture
 * with ids and names of its own, so the seed story is not touched.
 */
@FtmApiTest
class FtmImportTests {

	private static final String NDJSON = "application/x-ndjson";

	private static final String ADMIN = "Bearer " + ApiTest.ADMIN_SECRET;

	@LocalServerPort
	int port;

	@Autowired
	HttpGraphQlTester graphQl;

	@Autowired
	MongoTemplate mongo;

	private final String run = UUID.randomUUID().toString().substring(0, 8);

	private Map<String, Object> importFixture(String text, String... headers) throws Exception {
		String[] all = new String[headers.length + 4];
		all[0] = "Authorization";
		all[1] = ADMIN;
		all[2] = "Content-Type";
		all[3] = NDJSON;
		System.arraycopy(headers, 0, all, 4, headers.length);
		byte[] body = headers.length > 0 ? FtmHttp.gzip(text) : text.getBytes(StandardCharsets.UTF_8);
		HttpResponse<String> response = FtmHttp.post(this.port, body, all);
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return FtmHttp.json(response.body());
	}

	@Test
	void importsPeopleOrganisationsAndAddressesRejectingBadLinesByNumber() throws Exception {
		Map<String, Object> summary = importFixture(FtmHttp.fixture("import.ndjson", this.run));

		assertThat(summary).containsEntry("created", 6)
			.containsEntry("updated", 0)
			.containsEntry("unchanged", 0)
			.containsEntry("rejectedCount", 2)
			.containsEntry("bySchema",
					Map.of("Person", 3, "Company", 1, "Vessel", 1, "Address", 1, "Family", 1, "Ownership", 1))
			.containsEntry("unknownSchemas", Map.of("Vessel", 1));
		List<Map<String, Object>> rejected = (List<Map<String, Object>>) summary.get("rejected");
		assertThat(rejected).hasSize(2);
		assertThat(rejected.get(0)).containsEntry("line", 3).containsEntry("id", null);
		assertThat((String) rejected.get(0).get("reason")).startsWith("not JSON");
		assertThat(rejected.get(1)).containsEntry("line", 4).containsEntry("id", "t-" + this.run + "-nameless");
		assertThat((String) rejected.get(1).get("reason")).contains("'name' is missing");
		// the rejected lines wrote nothing
		for (String id : List.of("broken", "nameless")) {
			assertThat(this.mongo.exists(Query.query(Criteria.where("ftm.id").is("t-" + this.run + "-" + id)),
					Person.class))
				.isFalse();
		}
	}

	@Test
	void aPersonIsFoundByTheCyrillicSpellingWithAnAddressGivenFurtherDown() throws Exception {
		importFixture(FtmHttp.fixture("import.ndjson", this.run));
		String id = personId();

		List<String> found = this.graphQl
			.document("{ search(query: \"Зябликов\", types: [PERSON], first: 100) { edges { node { record { "
					+ "... on Person { id } } } } } }")
			.execute()
			.path("search.edges[*].node.record.id")
			.entityList(String.class)
			.get();
		assertThat(found).contains(id);

		this.graphQl
			.document("query($id: ID!) { person(id: $id) { name nationalities { code } "
					+ "aliases { value } addresses { full city country { code } ftmId ftmExtra { property values } } "
					+ "ftm { id schema extra { property values } } } }")
			.variable("id", id)
			.execute()
			.path("person.name")
			.entity(String.class)
			.isEqualTo("Ivan Zyablikov " + this.run)
			.path("person.nationalities[*].code")
			.entityList(String.class)
			.containsExactly("BY")
			.path("person.aliases[*].value")
			.entityList(String.class)
			.containsExactly("Иван Зябликов")
			.path("person.addresses[0].city")
			.entity(String.class)
			.isEqualTo("Minsk")
			.path("person.addresses[0].country.code")
			.entity(String.class)
			.isEqualTo("BY")
			.path("person.addresses[0].ftmExtra")
			.entityList(Map.class)
			.containsExactly(Map.of("property", "remarks", "values", List.of("head office")))
			.path("person.ftm.schema")
			.entity(String.class)
			.isEqualTo("Person")
			// the unknown country code, the unmapped property and the top-level key are
			// kept
			.path("person.ftm.extra")
			.entityList(Map.class)
			.containsExactly(Map.of("property", "topics", "values", List.of("sanction")),
					Map.of("property", "nationality", "values", List.of("zz")),
					Map.of("property", "@datasets", "values", List.of("[\"fixture\"]")));
	}

	@Test
	void familyAndOwnershipTiesAreImportedWithTheirEndsFromAnywhereInTheFile() throws Exception {
		importFixture(FtmHttp.fixture("import.ndjson", this.run));
		this.graphQl.document("query($id: ID!) { person(id: $id) { "
				+ "relatives { edges { node { kind relationship start { value } ftm { id } } other { ... on Person { name "
				+ "gender identifiers { scheme value } } } } } "
				+ "holdings { edges { node { kind percentage ftm { extra { property values } } } "
				+ "other { ... on Organization { name identifiers { scheme value } } } } } } }")
			.variable("id", personId())
			.execute()
			.path("person.relatives.edges[0].node.kind")
			.entity(String.class)
			.isEqualTo("FAMILY")
			.path("person.relatives.edges[0].node.relationship")
			.entity(String.class)
			.isEqualTo("brother")
			.path("person.relatives.edges[0].node.start.value")
			.entity(String.class)
			.isEqualTo("1965")
			.path("person.relatives.edges[0].node.ftm.id")
			.entity(String.class)
			.isEqualTo("t-" + this.run + "-family")
			// the relative is further down the file than the tie
			.path("person.relatives.edges[0].other.name")
			.entity(String.class)
			.isEqualTo("Piotr Zyablikov " + this.run)
			.path("person.relatives.edges[0].other.gender")
			.entity(String.class)
			.isEqualTo("MALE")
			.path("person.relatives.edges[0].other.identifiers")
			.entityList(Map.class)
			.containsExactly(Map.of("scheme", "PASSPORT", "value", "MP1234567"))
			.path("person.holdings.edges[0].node.kind")
			.entity(String.class)
			.isEqualTo("OWNERSHIP")
			.path("person.holdings.edges[0].node.percentage")
			.entity(Double.class)
			.isEqualTo(51.0)
			.path("person.holdings.edges[0].node.ftm.extra")
			.entityList(Map.class)
			.containsExactly(Map.of("property", "sourceUrl", "values", List.of("https://example.org/register")))
			.path("person.holdings.edges[0].other.name")
			.entity(String.class)
			.isEqualTo("Zyablik Trading " + this.run)
			.path("person.holdings.edges[0].other.identifiers")
			.entityList(Map.class)
			.containsExactly(Map.of("scheme", "COMPANY_NUMBER", "value", "808000714"));
	}

	@Test
	void aTieToAnEntityFoundNowhereIsRejected() throws Exception {
		String file = FtmHttp.fixture("import.ndjson", this.run)
			.replace("\"relative\":[\"t-" + this.run + "-relative\"]", "\"relative\":[\"nowhere\"]");
		Map<String, Object> summary = importFixture(file);
		List<Map<String, Object>> rejected = (List<Map<String, Object>>) summary.get("rejected");
		assertThat(rejected).hasSize(3);
		assertThat(rejected.get(2)).containsEntry("line", 7).containsEntry("id", "t-" + this.run + "-family");
		assertThat((String) rejected.get(2).get("reason")).contains("'relative' refers to 'nowhere'");
	}

	/**
	 * A record entered here (not imported) is named in FtM by the id an export gives it;
	 * ties and sanctions of a file find it by that id as they find imported ones.
	 */
	@Test
	void tiesAndSanctionsFindRecordsEnteredHereByTheirExportedIds() throws Exception {
		Person person = this.mongo.findOne(Query.query(Criteria.where("ftm").is(null)), Person.class);
		Organization organization = this.mongo.findOne(Query.query(Criteria.where("ftm").is(null)), Organization.class);
		assertThat(person).as("a person of the seed story").isNotNull();
		assertThat(organization).as("an organisation of the seed story").isNotNull();
		String owner = FtmEnds.PERSON_PREFIX + person.id();
		String asset = FtmEnds.ORGANIZATION_PREFIX + organization.id();
		String file = String.join("\n",
				"{\"id\":\"t-RUN-entered-ownership\",\"schema\":\"Ownership\",\"properties\":{\"owner\":[\"" + owner
						+ "\"],\"asset\":[\"" + asset + "\"],\"percentage\":[\"10\"]}}",
				"{\"id\":\"t-RUN-entered-sanction\",\"schema\":\"Sanction\",\"properties\":{\"entity\":[\"" + asset
						+ "\"],\"country\":[\"us\"],\"program\":[\"Entered RUN\"],\"programId\":[\"US-RUN\"],\"startDate\":[\"2021-08\"]}}",
				"{\"id\":\"t-RUN-entered-family\",\"schema\":\"Family\",\"properties\":{\"person\":[\"" + owner
						+ "\"],\"relative\":[\"" + FtmEnds.PERSON_PREFIX + "nobody-RUN\"]}}")
			.replace("RUN", this.run);
		Map<String, Object> summary = importFixture(file);
		assertThat(summary).containsEntry("created", 2);
		List<Map<String, Object>> rejected = (List<Map<String, Object>>) summary.get("rejected");
		assertThat(rejected).hasSize(1);
		assertThat(rejected.get(0)).containsEntry("line", 3);
		assertThat((String) rejected.get(0).get("reason"))
			.contains("'relative' refers to '" + FtmEnds.PERSON_PREFIX + "nobody-" + this.run + "'");
		Tie tie = this.mongo.findOne(Query.query(Criteria.where("ftm.id").is("t-" + this.run + "-entered-ownership")),
				Tie.class);
		assertThat(tie.fromId()).isEqualTo(person.id());
		assertThat(tie.toId()).isEqualTo(organization.id());
		Designation designation = this.mongo.findOne(
				Query.query(Criteria.where("ftm.id").is("t-" + this.run + "-entered-sanction")), Designation.class);
		assertThat(designation.target().organizationId()).isEqualTo(organization.id());
	}

	@Test
	void importingTheSameFileAgainChangesNothing() throws Exception {
		String file = FtmHttp.fixture("import.ndjson", this.run);
		importFixture(file);
		Map<String, Object> again = importFixture(file);
		assertThat(again).containsEntry("created", 0).containsEntry("updated", 0).containsEntry("unchanged", 6);
		assertThat(revision(personId())).isEqualTo(1);
	}

	@Test
	void aChangedEntityGetsARevisionAndAHistoryEntryNamingTheImport() throws Exception {
		String file = FtmHttp.fixture("import.ndjson", this.run);
		importFixture(file);
		Map<String, Object> changed = importFixture(
				file.replace("\"alias\":[\"Иван Зябликов\"]", "\"alias\":[\"Иван Зябликов\",\"Іван Зяблікаў\"]"),
				"Content-Encoding", "gzip");
		assertThat(changed).containsEntry("created", 0).containsEntry("updated", 1).containsEntry("unchanged", 5);

		String id = personId();
		assertThat(revision(id)).isEqualTo(2);
		this.graphQl.mutate()
			.header("Authorization", ADMIN)
			.build()
			.document("query($id: ID!) { person(id: $id) { changes(last: 1) { edges { node { revision operation "
					+ "actor fields { field } } } } } }")
			.variable("id", id)
			.execute()
			.path("person.changes.edges[0].node.revision")
			.entity(Integer.class)
			.isEqualTo(2)
			.path("person.changes.edges[0].node.actor")
			.entity(String.class)
			.isEqualTo("import:ftm")
			.path("person.changes.edges[0].node.operation")
			.entity(String.class)
			.isEqualTo("importFtm")
			.path("person.changes.edges[0].node.fields[*].field")
			.entityList(String.class)
			.containsExactly("aliases");
		// anyone else sees that an import made it, not a key's name
		this.graphQl.document("query($id: ID!) { person(id: $id) { changes(last: 1) { edges { node { actor } } } } }")
			.variable("id", id)
			.execute()
			.path("person.changes.edges[0].node.actor")
			.entity(String.class)
			.isEqualTo("import");
	}

	@Test
	void onlyAnAdministratorImportsAndOnlyJsonLines() throws Exception {
		byte[] body = FtmHttp.fixture("import.ndjson", this.run).getBytes(StandardCharsets.UTF_8);
		assertThat(FtmHttp.post(this.port, body, "Content-Type", NDJSON).statusCode()).isEqualTo(401);
		HttpResponse<String> wrongType = FtmHttp.post(this.port, body, "Authorization", ADMIN, "Content-Type",
				"text/csv");
		assertThat(wrongType.statusCode()).isEqualTo(415);
		assertThat(wrongType.body()).contains("application/x-ndjson");
		HttpResponse<String> notGzip = FtmHttp.post(this.port, body, "Authorization", ADMIN, "Content-Type", NDJSON,
				"Content-Encoding", "gzip");
		assertThat(notGzip.statusCode()).isEqualTo(400);
		assertThat(
				this.mongo.exists(Query.query(Criteria.where("ftm.id").is("t-" + this.run + "-person")), Person.class))
			.isFalse();
	}

	private String personId() {
		return this.graphQl
			.document("query($q: String!) { search(query: $q, types: [PERSON], first: 5) { edges { node { record { "
					+ "... on Person { id } } } } } }")
			.variable("q", "Ivan Zyablikov " + this.run)
			.execute()
			.path("search.edges[0].node.record.id")
			.entity(String.class)
			.get();
	}

	private int revision(String id) {
		return this.graphQl.document("query($id: ID!) { person(id: $id) { revision } }")
			.variable("id", id)
			.execute()
			.path("person.revision")
			.entity(Integer.class)
			.get();
	}

}
