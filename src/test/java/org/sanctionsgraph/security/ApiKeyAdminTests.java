package org.sanctionsgraph.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.bson.Document;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.graphql.ResponseError;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

/** ADMINs list and revoke keys; names are unique; nobody else sees the list. */
class ApiKeyAdminTests extends SecuredDeployment {

	private static final String LIST = """
			query($after: String) { apiKeys(first: 100, after: $after) {
			  edges { cursor node { id name roles createdBy createdAt lastUsedAt revokedAt revokedBy } }
			  pageInfo { hasNextPage endCursor } totalCount } }""";

	private static final String ISSUE = """
			mutation($name: String!) { issueApiKey(input: { name: $name, roles: [READER] }) {
			  apiKey { id } secret userErrors { field code existingId } } }""";

	@Autowired
	MongoTemplate mongo;

	@Test
	void adminsListEveryKeyWithWhoIssuedAndRevokedItButNeverASecret() throws Exception {
		String name = "listed " + System.nanoTime();
		Instant issuedAt = this.clock.instant();
		GraphQlTester.Response issued = admin().document(ISSUE).variable("name", name).execute();
		String id = issued.path("issueApiKey.apiKey.id").entity(String.class).get();
		String secret = issued.path("issueApiKey.secret").entity(String.class).get();
		String hash = this.mongo.getCollection("apiKeys").find(new Document("_id", id)).first().getString("hash");

		Map<String, Object> fresh = listed(id);
		assertThat(fresh).containsEntry("name", name)
			.containsEntry("roles", List.of("READER"))
			.containsEntry("createdBy", "key:bootstrap admin")
			.containsEntry("createdAt", issuedAt.toString())
			.containsEntry("lastUsedAt", null)
			.containsEntry("revokedAt", null)
			.containsEntry("revokedBy", null);

		this.clock.advance(Duration.ofMinutes(5));
		Instant usedAt = this.clock.instant();
		assertThat(post(secret, "{\"query\":\"{ __typename }\"}").statusCode()).isEqualTo(200);
		this.clock.advance(Duration.ofMinutes(5));
		Instant revokedAt = this.clock.instant();
		admin().document("mutation($id: ID!) { revokeApiKey(input: { id: $id }) { apiKey { id } } }")
			.variable("id", id)
			.execute();

		Map<String, Object> revoked = listed(id);
		assertThat(revoked).containsEntry("lastUsedAt", usedAt.toString())
			.containsEntry("revokedAt", revokedAt.toString())
			.containsEntry("revokedBy", "key:bootstrap admin");
		String page = admin().document(LIST).execute().path("apiKeys").entity(Object.class).get().toString();
		assertThat(page).doesNotContain(secret).doesNotContain(hash);
		// the bootstrap key is listed too, issued by configuration
		assertThat(allKeys()).anySatisfy(key -> assertThat(key).containsEntry("name", "bootstrap admin")
			.containsEntry("createdBy", "configuration"));
	}

	@Test
	void lastUseIsRecordedAtMostOnceAMinute() throws Exception {
		String name = "busy " + System.nanoTime();
		String secret = issue(name, "READER");
		String id = idOf(name);
		Instant first = this.clock.instant();
		for (int i = 0; i < 3; i++) {
			assertThat(post(secret, "{\"query\":\"{ __typename }\"}").statusCode()).isEqualTo(200);
		}
		assertThat(lastUsed(id)).isEqualTo(first);
		this.clock.advance(Duration.ofSeconds(59));
		post(secret, "{\"query\":\"{ __typename }\"}");
		assertThat(lastUsed(id)).as("within the minute, no write").isEqualTo(first);
		this.clock.advance(Duration.ofSeconds(1));
		post(secret, "{\"query\":\"{ __typename }\"}");
		assertThat(lastUsed(id)).isEqualTo(first.plusSeconds(60));
	}

	@Test
	void nobodyButAdminsListsKeys() throws Exception {
		for (HttpGraphQlTester caller : List.of(as(issue("reader " + System.nanoTime(), "READER")),
				as(issue("analyst " + System.nanoTime(), "ANALYST")), asToken("analyst@idp", "ANALYST"))) {
			caller.document(LIST)
				.execute()
				.errors()
				.satisfy(errors -> assertThat(errors).singleElement()
					.extracting(ResponseError::getErrorType)
					.isEqualTo(ErrorType.FORBIDDEN));
		}
		this.graphQl.document(LIST)
			.execute()
			.errors()
			.satisfy(errors -> assertThat(errors).singleElement()
				.extracting(ResponseError::getErrorType)
				.isEqualTo(ErrorType.UNAUTHORIZED));
		// an ADMIN token lists them as an ADMIN key does
		asToken("admin@idp", "ADMIN").document(LIST)
			.execute()
			.path("apiKeys.totalCount")
			.entity(Integer.class)
			.satisfies(count -> assertThat(count).isPositive());
	}

	@Test
	void aSecondKeyWithANameInUseIsADuplicateAndNothingIsWritten() {
		String name = "unique " + System.nanoTime();
		String first = admin().document(ISSUE)
			.variable("name", name)
			.execute()
			.path("issueApiKey.apiKey.id")
			.entity(String.class)
			.get();
		long before = this.mongo.getCollection("apiKeys").countDocuments();
		GraphQlTester.Response again = admin().document(ISSUE).variable("name", name).execute();
		again.path("issueApiKey.apiKey").valueIsNull().path("issueApiKey.secret").valueIsNull();
		again.path("issueApiKey.userErrors[0].field").entity(String.class).isEqualTo("input.name");
		again.path("issueApiKey.userErrors[0].code").entity(String.class).isEqualTo("DUPLICATE");
		again.path("issueApiKey.userErrors[0].existingId").entity(String.class).isEqualTo(first);
		assertThat(this.mongo.getCollection("apiKeys").countDocuments()).isEqualTo(before);
		// a revoked key keeps its name
		admin().document("mutation($id: ID!) { revokeApiKey(input: { id: $id }) { apiKey { id } } }")
			.variable("id", first)
			.execute();
		admin().document(ISSUE)
			.variable("name", name)
			.execute()
			.path("issueApiKey.userErrors[0].code")
			.entity(String.class)
			.isEqualTo("DUPLICATE");
	}

	@Test
	void ofConcurrentRequestsForOneNameExactlyOneIsIssued() throws Exception {
		String name = "raced " + System.nanoTime();
		int callers = 8;
		CountDownLatch start = new CountDownLatch(1);
		ExecutorService pool = Executors.newFixedThreadPool(callers);
		try {
			List<Future<String>> answers = new ArrayList<>();
			for (int i = 0; i < callers; i++) {
				Callable<String> issue = () -> {
					start.await();
					Map<?, ?> payload = admin().document(ISSUE)
						.variable("name", name)
						.execute()
						.path("issueApiKey")
						.entity(Map.class)
						.get();
					List<?> errors = (List<?>) payload.get("userErrors");
					return payload.get("secret") != null && errors.isEmpty() ? "ISSUED"
							: (String) ((Map<?, ?>) errors.get(0)).get("code");
				};
				answers.add(pool.submit(issue));
			}
			start.countDown();
			List<String> outcomes = new ArrayList<>();
			for (Future<String> answer : answers) {
				outcomes.add(answer.get());
			}
			assertThat(outcomes).containsOnlyOnce("ISSUED");
			assertThat(outcomes.stream().filter("DUPLICATE"::equals)).hasSize(callers - 1);
		}
		finally {
			pool.shutdownNow();
		}
		assertThat(this.mongo.count(Query.query(Criteria.where("name").is(name)), "apiKeys")).isEqualTo(1);
	}

	private Map<String, Object> listed(String id) {
		return allKeys().stream().filter(key -> id.equals(key.get("id"))).findFirst().orElseThrow();
	}

	private String idOf(String name) {
		return (String) allKeys().stream()
			.filter(key -> name.equals(key.get("name")))
			.findFirst()
			.orElseThrow()
			.get("id");
	}

	private Instant lastUsed(String id) {
		Object value = listed(id).get("lastUsedAt");
		return value == null ? null : Instant.parse(value.toString());
	}

	/** Every key, page after page; no key may appear twice. */
	@SuppressWarnings("unchecked")
	private List<Map<String, Object>> allKeys() {
		List<Map<String, Object>> keys = new ArrayList<>();
		String after = null;
		boolean more = true;
		while (more) {
			GraphQlTester.Response page = admin().document(LIST).variable("after", after).execute();
			for (Object edge : page.path("apiKeys.edges").entityList(Map.class).get()) {
				keys.add((Map<String, Object>) ((Map<String, Object>) edge).get("node"));
			}
			more = page.path("apiKeys.pageInfo.hasNextPage").entity(Boolean.class).get();
			after = page.path("apiKeys.pageInfo.endCursor").entity(String.class).get();
		}
		assertThat(keys).extracting(key -> key.get("id")).doesNotHaveDuplicates();
		return keys;
	}

}
