package org.sanctionsgraph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sanctionsgraph.SeedExpectations.gid;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sanctionsgraph.write.RecordWriter;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.graphql.ResponseError;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

/**
 * Analysts' writes over HTTP: who may write, validation, conflicts, idempotency and history. Run on
 * the embedded server and, where Docker is there, on a real MongoDB replica set.
 */
abstract class WriteScenarios {

	static final String ADMIN_SECRET = "sgk_test-bootstrap-admin-secret-0123456789abcdef";

	private static final ParameterizedTypeReference<Map<String, Object>> MAP = new ParameterizedTypeReference<>() {
	};

	/** Collections whose content a refused write must leave untouched. */
	private static final List<String> DATA = List.of("parties", "people", "organizations", "programs", "events",
			"measures", "memberships", "sources", "history");

	@Autowired
	HttpGraphQlTester graphQl;

	@Autowired
	MongoTemplate mongo;

	@Autowired
	RecordWriter writer;

	@LocalServerPort
	int port;

	HttpGraphQlTester admin;

	HttpGraphQlTester analyst;

	HttpGraphQlTester reader;

	@BeforeEach
	void keys() {
		this.admin = as(ADMIN_SECRET);
		this.analyst = as(issue("analyst " + System.nanoTime(), "ANALYST"));
		this.reader = as(issue("reader " + System.nanoTime(), "READER"));
	}

	// --- parties are held in memory: every write must show at once --------------------------

	@Test
	void partyWritesShowAtOnceThoughPartiesAreHeldInMemory() {
		// the directory is loaded by this read, before the writes
		this.graphQl.document("{ party(code: \"BY\") { name } }").execute().path("party.name").entity(String.class)
			.isEqualTo("Belarus");
		String id = this.analyst.documentName("recordParty")
			.variable("fields", Map.of("name", "Test Bloc", "kind", "BLOC", "code", "TESTBLOC"))
			.execute()
			.path("recordParty.party.id")
			.entity(String.class)
			.get();
		this.graphQl.document("{ party(code: \"TESTBLOC\") { id name revision } }")
			.execute()
			.path("party.id").entity(String.class).isEqualTo(id)
			.path("party.name").entity(String.class).isEqualTo("Test Bloc");
		this.analyst.document("""
				mutation($id: ID!) { amendParty(input: { id: $id, revision: 1, fields: { name: "Renamed Bloc" } }) {
				  party { name } userErrors { message } } }""")
			.variable("id", id)
			.execute()
			.path("amendParty.party.name").entity(String.class).isEqualTo("Renamed Bloc");
		this.graphQl.document("{ party(code: \"TESTBLOC\") { name } measures(filter: { imposedBy: [\"TESTBLOC\"] }) { totalCount } }")
			.execute()
			.path("party.name").entity(String.class).isEqualTo("Renamed Bloc")
			.path("measures.totalCount").entity(Integer.class).isEqualTo(0);
	}

	@Test
	void programmeWritesShowAtOnceThoughProgrammesAreCached() {
		String program = this.analyst.documentName("recordProgram")
			.variable("fields", Map.of("name", "Cached Regime " + System.nanoTime(), "kind", "SANCTIONS_REGIME"))
			.execute()
			.path("recordProgram.program.id")
			.entity(String.class)
			.get();
		Map<String, Object> fields = sanction("Under a cached regime", "2019-03-17");
		fields.put("program", program);
		String measure = this.analyst.documentName("recordSanction")
			.variable("fields", fields)
			.execute()
			.path("recordSanction.measure.id")
			.entity(String.class)
			.get();
		String read = "query($id: ID!) { measure(id: $id) { program { name } } }";
		this.graphQl.document(read).variable("id", measure).execute().path("measure.program.name")
			.entity(String.class).satisfies(name -> assertThat(name).startsWith("Cached Regime"));
		this.analyst.document("""
				mutation($id: ID!) { amendProgram(input: { id: $id, revision: 1, fields: { name: "Renamed Regime" } }) {
				  program { name } userErrors { message } } }""")
			.variable("id", program)
			.execute()
			.path("amendProgram.program.name").entity(String.class).isEqualTo("Renamed Regime");
		this.graphQl.document(read).variable("id", measure).execute().path("measure.program.name")
			.entity(String.class).isEqualTo("Renamed Regime");
	}

	// --- who may write ------------------------------------------------------------------------

	@Test
	void anonymousWritesAreUnauthorizedAndChangeNothing() {
		String before = fingerprint();
		this.graphQl.documentName("recordSanction")
			.variable("fields", sanction("Anonymous attempt", "2022-01-10"))
			.execute()
			.errors()
			.satisfy(errors -> assertThat(errors).singleElement()
				.extracting(ResponseError::getErrorType)
				.isEqualTo(ErrorType.UNAUTHORIZED));
		assertThat(fingerprint()).isEqualTo(before);
	}

	@Test
	void readersAreForbiddenToWriteAndAnalystsToManageKeys() {
		String before = fingerprint();
		this.reader.documentName("recordSanction")
			.variable("fields", sanction("Reader attempt", "2022-01-11"))
			.execute()
			.errors()
			.satisfy(errors -> assertThat(errors).singleElement()
				.extracting(ResponseError::getErrorType)
				.isEqualTo(ErrorType.FORBIDDEN));
		this.analyst.documentName("issueApiKey")
			.variable("name", "sneaky")
			.variable("roles", List.of("ADMIN"))
			.execute()
			.errors()
			.satisfy(errors -> assertThat(errors).singleElement()
				.extracting(ResponseError::getErrorType)
				.isEqualTo(ErrorType.FORBIDDEN));
		assertThat(fingerprint()).isEqualTo(before);
	}

	@Test
	void keysAreStoredHashedAndRevokedKeysStopWorking() throws Exception {
		GraphQlTester.Response issued = this.admin.documentName("issueApiKey")
			.variable("name", "temporary")
			.variable("roles", List.of("ANALYST"))
			.execute();
		String secret = issued.path("issueApiKey.secret").entity(String.class).get();
		String id = issued.path("issueApiKey.apiKey.id").entity(String.class).get();
		issued.path("issueApiKey.apiKey.createdBy").entity(String.class).isEqualTo("key:bootstrap admin");
		Document stored = raw("apiKeys", id);
		assertThat(stored.toJson()).doesNotContain(secret).doesNotContain(secret.substring(4));
		as(secret).documentName("recordSanction")
			.variable("fields", sanction("Before revocation", "2022-01-12"))
			.execute()
			.path("recordSanction.userErrors")
			.entityList(Object.class)
			.hasSize(0);
		this.admin.documentName("revokeApiKey").variable("id", id).execute().path("revokeApiKey.apiKey.revokedAt").hasValue();
		HttpResponse<String> refused = post(secret, "{\"query\":\"{ __typename }\"}");
		assertThat(refused.statusCode()).isEqualTo(401);
		assertThat(refused.body()).contains("Unknown or revoked API key");
	}

	private HttpResponse<String> post(String secret, String body) throws IOException, InterruptedException {
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/graphql"))
			.header("Content-Type", "application/json")
			.header("Authorization", "Bearer " + secret)
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build();
		return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
	}

	// --- recording the story -------------------------------------------------------------------

	@Test
	void aCountermeasureThatSuspendsAMembershipChangesItsStatusInTheSameWrite() {
		String program = this.analyst.documentName("recordProgram")
			.variable("fields", Map.of("name", "Test Partnership " + System.nanoTime(), "kind", "PARTNERSHIP",
					"administrators", List.of("EU")))
			.execute()
			.path("recordProgram.program.id")
			.entity(String.class)
			.get();
		String membership = this.analyst.documentName("recordMembership")
			.variable("member", "BY")
			.variable("program", program)
			.variable("status", "ACTIVE")
			.variable("from", "2015")
			.execute()
			.path("recordMembership.membership.status")
			.entity(String.class)
			.isEqualTo("ACTIVE")
			.path("recordMembership.membership.id")
			.entity(String.class)
			.get();
		Map<String, Object> fields = countermeasure("Belarus suspends its part in the test partnership", "2022-02-01");
		fields.put("membershipChange", Map.of("membership", membership, "status", "SUSPENDED"));
		this.analyst.documentName("recordCountermeasure")
			.variable("fields", fields)
			.execute()
			.path("recordCountermeasure.userErrors")
			.entityList(Object.class)
			.hasSize(0)
			.path("recordCountermeasure.measure.__typename")
			.entity(String.class)
			.isEqualTo("Countermeasure")
			.path("recordCountermeasure.measure.respondsTo[0].id")
			.entity(String.class)
			.isEqualTo(gid("Measure", "m-eu-sectoral-2021"))
			.path("recordCountermeasure.measure.affectedMemberships[0].status")
			.entity(String.class)
			.isEqualTo("SUSPENDED");
		this.graphQl.documentName("membershipStatus")
			.variable("id", membership)
			.variable("on", "2022-01-31")
			.execute()
			.path("node.status")
			.entity(String.class)
			.isEqualTo("ACTIVE")
			.path("node.history[*].status")
			.entityList(String.class)
			.containsExactly("ACTIVE", "SUSPENDED")
			.path("node.history[1].from.value")
			.entity(String.class)
			.isEqualTo("2022-02-01");
	}

	@Test
	void changingAMembershipStatusDirectly() {
		String program = this.analyst.documentName("recordProgram")
			.variable("fields", Map.of("name", "Another Partnership " + System.nanoTime(), "kind", "PARTNERSHIP"))
			.execute()
			.path("recordProgram.program.id")
			.entity(String.class)
			.get();
		String membership = this.analyst.documentName("recordMembership")
			.variable("member", "AM")
			.variable("program", program)
			.variable("status", "ACTIVE")
			.variable("from", "2010-01")
			.execute()
			.path("recordMembership.membership.id")
			.entity(String.class)
			.get();
		this.analyst.document("""
				mutation($id: ID!) { changeMembershipStatus(input: { id: $id, revision: 1, status: WITHDRAWN, from: "2020-06-15" }) {
				  membership { revision } userErrors { code } } }""")
			.variable("id", membership)
			.execute()
			.path("changeMembershipStatus.membership.revision")
			.entity(Integer.class)
			.isEqualTo(2);
		this.graphQl.documentName("membershipStatus")
			.variable("id", membership)
			.variable("on", "2020-06-15")
			.execute()
			.path("node.status")
			.entity(String.class)
			.isEqualTo("WITHDRAWN")
			.path("node.changes.edges[*].node.operation")
			.entityList(String.class)
			.containsExactly("recordMembership", "changeMembershipStatus");
		// the same party cannot be recorded twice in one programme
		this.analyst.documentName("recordMembership")
			.variable("member", "AM")
			.variable("program", program)
			.variable("status", "ACTIVE")
			.variable("from", "2021")
			.execute()
			.path("recordMembership.userErrors[0].code")
			.entity(String.class)
			.isEqualTo("DUPLICATE");
	}

	@Test
	void liftingEndsAMeasureAndTheHistoryShowsWhoDidWhat() {
		String id = recordSanction("To be lifted", "2022-01-13");
		this.analyst.documentName("liftMeasure")
			.variable("id", id)
			.variable("revision", 1)
			.variable("ended", "2023-06")
			.variable("reason", "Not renewed")
			.execute()
			.path("liftMeasure.measure.endDate")
			.entity(String.class)
			.isEqualTo("2023-06-30")
			.path("liftMeasure.measure.isInForce")
			.entity(Boolean.class)
			.isEqualTo(false);
		GraphQlTester.Response changes = this.graphQl.documentName("measureChanges").variable("id", id).execute();
		changes.path("measure.revision").entity(Integer.class).isEqualTo(2);
		changes.path("measure.changes.edges[*].node.operation")
			.entityList(String.class)
			.containsExactly("recordSanction", "liftMeasure");
		// the author's name is shown to analysts, namespaced as an API key's
		this.analyst.documentName("measureChanges")
			.variable("id", id)
			.execute()
			.path("measure.changes.edges[*].node.actor")
			.entityList(String.class)
			.satisfies(actors -> assertThat(actors).allMatch(actor -> actor.startsWith("key:analyst ")));
		changes.path("measure.changes.edges[1].node.fields[*].field")
			.entityList(String.class)
			.containsExactly("ended", "endReason");
		changes.path("measure.changes.edges[1].node.fields[0].after").entity(String.class).isEqualTo("\"2023-06\"");
	}

	@Test
	void aRecordedPersonIsFoundBySearchAtOnce() {
		String name = "Zmitser Testovich " + System.nanoTime();
		String id = this.analyst.document("""
				mutation($name: String!) { recordPerson(input: { fields: { name: $name, nationalities: ["BY"],
				  aliases: [{ value: "Дзмітрый Тэставіч", lang: "be" }] } }) { person { id } userErrors { message } } }""")
			.variable("name", name)
			.execute()
			.path("recordPerson.person.id")
			.entity(String.class)
			.get();
		this.graphQl.document("{ search(query: \"Тэставіч\", types: [PERSON]) { edges { node { record { ... on Person { id } } } } } }")
			.execute()
			.path("search.edges[*].node.record.id")
			.entityList(String.class)
			.contains(id);
	}

	@Test
	void asKnownOnAnswersWhatTheDatabaseSaidThen() {
		String id = recordSanction("Known first", "2022-01-23");
		this.analyst.documentName("amendMeasure")
			.variable("id", id)
			.variable("revision", 1)
			.variable("fields", Map.of("title", "Known later", "inForce", "2022-02-01"))
			.execute()
			.path("amendMeasure.measure.revision")
			.entity(Integer.class)
			.isEqualTo(2);
		List<String> times = this.graphQl.documentName("measureChanges")
			.variable("id", id)
			.execute()
			.path("measure.changes.edges[*].node.at")
			.entityList(String.class)
			.get();
		java.time.Instant recorded = java.time.Instant.parse(times.get(0));
		String query = "query($id: ID!, $at: DateTime) { measure(id: $id, asKnownOn: $at) { title revision startDate isInForce(on: \"2022-01-25\") } }";
		this.graphQl.document(query)
			.variable("id", id)
			.variable("at", recorded.toString())
			.execute()
			.path("measure.title")
			.entity(String.class)
			.isEqualTo("Known first")
			.path("measure.revision")
			.entity(Integer.class)
			.isEqualTo(1)
			.path("measure.isInForce")
			.entity(Boolean.class)
			.isEqualTo(true);
		this.graphQl.document(query)
			.variable("id", id)
			.variable("at", recorded.minusMillis(1).toString())
			.execute()
			.path("measure")
			.valueIsNull();
		this.graphQl.document(query)
			.variable("id", id)
			.variable("at", null)
			.execute()
			.path("measure.title")
			.entity(String.class)
			.isEqualTo("Known later")
			.path("measure.isInForce")
			.entity(Boolean.class)
			.isEqualTo(false);
	}

	@Test
	void addingACitationToARecord() {
		this.analyst.documentName("addCitation")
			.variable("record", gid("Person", "pratasevich"))
			.variable("revision", 1)
			.variable("source", gid("Source", "src-public-record"))
			.variable("quote", null)
			.execute()
			.path("addCitation.record.revision")
			.entity(Integer.class)
			.isEqualTo(2)
			.path("addCitation.record.citations[*].source.id")
			.entityList(String.class)
			.containsExactly(gid("Source", "src-article-2021-07"), gid("Source", "src-public-record"));
	}

	// --- validation: each failure changes nothing ----------------------------------------------

	@Test
	void invalidInputGetsUserErrorsAndChangesNothing() {
		String mine = recordSanction("Validation target", "2022-01-14");
		String before = fingerprint();
		assertUserError("recordSanction", sanctionWith("imposedBy", List.of("XX")), "input.fields.imposedBy", "NOT_FOUND");
		assertUserError("recordSanction", sanctionWith("imposedBy", List.of("not a code")), "input.fields.imposedBy",
				"INVALID");
		assertUserError("recordSanction", sanctionWith("title", "   "), "input.fields.title", "REQUIRED");
		assertUserError("recordSanction", sanctionWith("title", "x".repeat(501)), "input.fields.title", "TOO_LONG");
		assertUserError("recordSanction", sanctionWith("inForce", "2022-02-30"), "input.fields.inForce", "INVALID");
		assertUserError("recordSanction", sanctionWith("triggeredBy", List.of(gid("Event", "no-such-event"))),
				"input.fields.triggeredBy", "NOT_FOUND");
		assertUserError("recordSanction", sanctionWith("respondsTo", List.of(gid("Measure", "m-eu-sectoral-2021"))),
				"input.fields.respondsTo", "INVALID");
		Map<String, Object> noTitle = sanction("x", "2022-01-15");
		noTitle.remove("title");
		assertUserError("recordSanction", noTitle, "input.fields.title", "REQUIRED");
		Map<String, Object> unanswering = countermeasure("Answers nothing", "2022-01-16");
		unanswering.remove("respondsTo");
		assertUserError("recordCountermeasure", unanswering, "input.fields.respondsTo", "REQUIRED");
		Map<String, Object> ghost = countermeasure("Answers a ghost", "2022-01-16");
		ghost.put("respondsTo", List.of(gid("Measure", "ghost")));
		assertUserError("recordCountermeasure", ghost, "input.fields.respondsTo", "NOT_FOUND");
		// a duplicate points at the record already there
		this.analyst.documentName("recordSanction")
			.variable("fields", sanction("Validation target", "2022-01-14"))
			.execute()
			.path("recordSanction.userErrors[0].code")
			.entity(String.class)
			.isEqualTo("DUPLICATE")
			.path("recordSanction.userErrors[0].existingId")
			.entity(String.class)
			.isEqualTo(mine);
		// an end before the start
		this.analyst.documentName("liftMeasure")
			.variable("id", mine)
			.variable("revision", 1)
			.variable("ended", "2021-12-31")
			.variable("reason", "typo")
			.execute()
			.path("liftMeasure.userErrors[0].code")
			.entity(String.class)
			.isEqualTo("INVALID");
		// unknown enum values never reach the resolver
		this.analyst.document("mutation { recordParty(input: { fields: { name: \"X\", kind: PLANET } }) { party { id } } }")
			.execute()
			.errors()
			.satisfy(errors -> assertThat(errors).isNotEmpty()
				.allSatisfy(error -> assertThat(error.getErrorType()).isEqualTo(ErrorType.BAD_REQUEST)));
		// a country must carry an ISO code; codes are unique
		this.analyst.documentName("recordParty")
			.variable("fields", Map.of("name", "Nowhere", "kind", "COUNTRY", "code", "ZZ"))
			.execute()
			.path("recordParty.userErrors[0].field")
			.entity(String.class)
			.isEqualTo("input.fields.code");
		this.analyst.documentName("recordParty")
			.variable("fields", Map.of("name", "Belarus again", "kind", "COUNTRY", "code", "BY"))
			.execute()
			.path("recordParty.userErrors[0].existingId")
			.entity(String.class)
			.isEqualTo(gid("Party", "by"));
		assertThat(fingerprint()).isEqualTo(before);
		// a countermeasure cannot answer itself
		String counter = this.analyst.documentName("recordCountermeasure")
			.variable("fields", countermeasure("Self-answer test", "2022-01-17"))
			.execute()
			.path("recordCountermeasure.measure.id")
			.entity(String.class)
			.get();
		String beforeSelf = fingerprint();
		this.analyst.documentName("amendMeasure")
			.variable("id", counter)
			.variable("revision", 1)
			.variable("fields", Map.of("respondsTo", List.of(counter)))
			.execute()
			.path("amendMeasure.userErrors[0].message")
			.entity(String.class)
			.isEqualTo("a countermeasure cannot answer itself");
		assertThat(fingerprint()).isEqualTo(beforeSelf);
	}

	// --- concurrency and replays ---------------------------------------------------------------

	@Test
	void concurrentWritersNeverLoseAnUpdate() throws Exception {
		String id = recordSanction("Contended", "2022-01-18");
		int writers = 8;
		int writesEach = 5;
		List<String> accepted = Collections.synchronizedList(new ArrayList<>());
		AtomicInteger conflicts = new AtomicInteger();
		ExecutorService pool = Executors.newFixedThreadPool(writers);
		try {
			List<Future<?>> done = new ArrayList<>();
			for (int w = 0; w < writers; w++) {
				int writer = w;
				done.add(pool.submit(() -> {
					int revision = 1;
					for (int n = 0; n < writesEach;) {
						String title = "writer " + writer + " write " + n;
						Map<String, Object> result = this.analyst.documentName("amendMeasure")
							.variable("id", id)
							.variable("revision", revision)
							.variable("fields", Map.of("title", title))
							.execute()
							.path("amendMeasure")
							.entity(MAP)
							.get();
						@SuppressWarnings("unchecked")
						List<Map<String, Object>> errors = (List<Map<String, Object>>) result.get("userErrors");
						if (errors.isEmpty()) {
							accepted.add(title);
							revision = ((Number) ((Map<?, ?>) result.get("measure")).get("revision")).intValue();
							n++;
						}
						else {
							assertThat(errors).singleElement().satisfies(error -> assertThat(error.get("code")).isEqualTo("CONFLICT"));
							conflicts.incrementAndGet();
							revision = ((Number) errors.get(0).get("currentRevision")).intValue();
						}
					}
					return null;
				}));
			}
			for (Future<?> future : done) {
				future.get();
			}
		}
		finally {
			pool.shutdownNow();
		}
		GraphQlTester.Response changes = this.graphQl.documentName("measureChanges").variable("id", id).execute();
		changes.path("measure.revision").entity(Integer.class).isEqualTo(1 + writers * writesEach);
		List<String> amended = changes.path("measure.changes.edges[*].node.fields[0].after").entityList(String.class).get();
		Set<String> titlesInHistory = new HashSet<>();
		amended.subList(1, amended.size()).forEach(json -> titlesInHistory.add(json.replace("\"", "")));
		assertThat(accepted).hasSize(writers * writesEach).doesNotHaveDuplicates();
		assertThat(titlesInHistory).containsExactlyInAnyOrderElementsOf(accepted);
		changes.path("measure.changes.edges[*].node.revision")
			.entityList(Integer.class)
			.satisfies(revisions -> assertThat(revisions).doesNotHaveDuplicates().hasSize(1 + writers * writesEach));
	}

	@Test
	void aRepeatedRequestWithTheSameIdempotencyKeyReturnsTheFirstResultAndWritesNothing() {
		String key = "idem-" + System.nanoTime();
		String first = this.analyst.documentName("recordSanction")
			.variable("fields", sanction("Idempotent", "2022-01-19"))
			.variable("key", key)
			.execute()
			.path("recordSanction.measure.id")
			.entity(String.class)
			.get();
		String before = fingerprint();
		this.analyst.documentName("recordSanction")
			.variable("fields", sanction("Idempotent", "2022-01-19"))
			.variable("key", key)
			.execute()
			.path("recordSanction.measure.id")
			.entity(String.class)
			.isEqualTo(first)
			.path("recordSanction.userErrors")
			.entityList(Object.class)
			.hasSize(0);
		assertThat(fingerprint()).isEqualTo(before);
		this.analyst.documentName("amendMeasure")
			.variable("id", first)
			.variable("revision", 1)
			.variable("fields", Map.of("title", "reused key"))
			.variable("key", key)
			.execute()
			.path("amendMeasure.userErrors[0].field")
			.entity(String.class)
			.isEqualTo("input.idempotencyKey");
	}

	// --- history cannot diverge from the data ---------------------------------------------------

	@Test
	void failedWritesLeaveNoHistoryAndSuccessfulOnesAlwaysHaveIt() {
		String id = recordSanction("History check", "2022-01-20");
		long entries = historyCount();
		this.analyst.documentName("amendMeasure")
			.variable("id", id)
			.variable("revision", 7)
			.variable("fields", Map.of("title", "stale"))
			.execute()
			.path("amendMeasure.userErrors[0].code")
			.entity(String.class)
			.isEqualTo("CONFLICT");
		this.analyst.documentName("amendMeasure")
			.variable("id", id)
			.variable("revision", 1)
			.variable("fields", Map.of("title", ""))
			.execute()
			.path("amendMeasure.userErrors[0].code")
			.entity(String.class)
			.isEqualTo("REQUIRED");
		assertThat(historyCount()).isEqualTo(entries);
		this.analyst.documentName("amendMeasure")
			.variable("id", id)
			.variable("revision", 1)
			.variable("fields", Map.of("title", "History checked"))
			.execute()
			.path("amendMeasure.measure.revision")
			.entity(Integer.class)
			.isEqualTo(2);
		assertThat(historyCount()).isEqualTo(entries + 1);
		assertThat(raw("measures", key(id))).extractingByKey("pendingHistory")
			.asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.LIST)
			.isEmpty();
	}

	@Test
	void anEntryLeftInARecordByAnInterruptedWriteIsMovedToTheHistory() {
		String id = recordSanction("Interrupted", "2022-01-21");
		Document orphan = new Document("_id", "orphan-" + System.nanoTime()).append("record", "Measure:" + key(id))
			.append("revision", 2L)
			.append("operation", "amendMeasure")
			.append("actor", "crashed writer")
			.append("at", new java.util.Date())
			.append("changes", List.of())
			.append("sortKey", "%012d".formatted(2));
		this.mongo.getCollection("measures")
			.updateOne(new Document("_id", key(id)), new Document("$push", new Document("pendingHistory", orphan)));
		this.writer.drainAll(org.sanctionsgraph.measure.Measure.class);
		assertThat(raw("history", orphan.getString("_id"))).isNotNull();
		assertThat(raw("measures", key(id)).getList("pendingHistory", Document.class))
			.isEmpty();
	}

	// --- helpers ------------------------------------------------------------------------------

	HttpGraphQlTester as(String secret) {
		return this.graphQl.mutate().header("Authorization", "Bearer " + secret).build();
	}

	private String issue(String name, String role) {
		return as(ADMIN_SECRET).documentName("issueApiKey")
			.variable("name", name)
			.variable("roles", List.of(role))
			.execute()
			.path("issueApiKey.secret")
			.entity(String.class)
			.get();
	}

	static Map<String, Object> sanction(String title, String inForce) {
		Map<String, Object> fields = new java.util.HashMap<>();
		fields.put("title", title);
		fields.put("imposedBy", List.of("EU"));
		fields.put("measureTypes", List.of("EXPORT_CONTROL"));
		fields.put("targets", List.of(Map.of("kind", "PARTY", "party", "BY")));
		fields.put("inForce", inForce);
		fields.put("citations", List.of(Map.of("source", gid("Source", "src-public-record"), "note", "test")));
		return fields;
	}

	private static Map<String, Object> sanctionWith(String field, Object value) {
		Map<String, Object> fields = sanction("Validation " + field, "2022-01-22");
		fields.put(field, value);
		return fields;
	}

	static Map<String, Object> countermeasure(String title, String announced) {
		Map<String, Object> fields = new java.util.HashMap<>();
		fields.put("title", title);
		fields.put("imposedBy", List.of("BY"));
		fields.put("measureTypes", List.of("PARTICIPATION_SUSPENSION"));
		fields.put("targets", List.of(Map.of("kind", "PARTY", "party", "EU")));
		fields.put("respondsTo", List.of(gid("Measure", "m-eu-sectoral-2021")));
		fields.put("announced", announced);
		return fields;
	}

	private String recordSanction(String title, String inForce) {
		return this.analyst.documentName("recordSanction")
			.variable("fields", sanction(title, inForce))
			.execute()
			.path("recordSanction.userErrors")
			.entityList(Object.class)
			.hasSize(0)
			.path("recordSanction.measure.id")
			.entity(String.class)
			.get();
	}

	private void assertUserError(String mutation, Map<String, Object> fields, String field, String code) {
		this.analyst.documentName(mutation)
			.variable("fields", fields)
			.execute()
			.path(mutation + ".measure")
			.valueIsNull()
			.path(mutation + ".userErrors")
			.entityList(MAP)
			.satisfies(errors -> assertThat(errors).as(field)
				.anySatisfy(error -> {
					assertThat(error.get("field")).isEqualTo(field);
					assertThat(error.get("code")).isEqualTo(code);
				}));
	}

	private static String key(String globalId) {
		return org.sanctionsgraph.graphql.GlobalId.decode("id", globalId, "Measure");
	}

	/** A stored document as it is, by its string id. */
	private Document raw(String collection, String id) {
		return this.mongo.getCollection(collection).find(new Document("_id", id)).first();
	}

	private long historyCount() {
		return this.mongo.getCollection("history").countDocuments();
	}

	/** Everything the app stores as data, in a stable order. */
	private String fingerprint() {
		StringBuilder all = new StringBuilder();
		for (String collection : DATA) {
			for (Document doc : this.mongo.getCollection(collection).find().sort(new Document("_id", 1))) {
				all.append(doc.toJson());
			}
		}
		return Integer.toHexString(all.toString().hashCode()) + ":" + all.length();
	}

}
