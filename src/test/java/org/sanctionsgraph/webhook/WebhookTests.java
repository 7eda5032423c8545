package org.sanctionsgraph.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.BeforeEach;
import org.sanctionsgraph.feed.FeedFixtures;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.graphql.test.autoconfigure.tester.AutoConfigureHttpGraphQlTester;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.graphql.ResponseError;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

/**
 * Webhooks end to end on the embedded server: an ADMIN registers a receiver (running in
 * the test, on loopback) with a filter; it gets every matching change and no other, in
 * the order written, signed as documented (checked here with the JDK's HMAC, not the
 * app's), each delivery retried until the receiver accepts it. Backoffs and the poll
 * interval are set to milliseconds, and the test waits on the receiver's deliveries (with
 * a generous limit), never for a time. It writes measures, so it has a context of its
 * own.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "sanctions.security.bootstrap-admin-key=" + WebhookTests.ADMIN_SECRET,
				"sanctions.limits.anonymous-per-minute=1000000", "sanctions.limits.analyst-per-minute=1000000",
				"sanctions.webhooks.allowed-hosts=127.0.0.1", "sanctions.webhooks.initial-backoff=5ms",
				"sanctions.webhooks.max-backoff=20ms", "sanctions.webhooks.poll-interval=20ms" })
@AutoConfigureHttpGraphQlTester
class WebhookTests {

	static final String ADMIN_SECRET = "sgk_webhook-tests-admin-secret-0123456789abcdef";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final AtomicInteger DAYS = new AtomicInteger();

	private static final String REGISTER = """
			mutation($url: String!, $filter: MeasureFilter) {
			  registerWebhook(input: { url: $url, filter: $filter }) {
			    webhook { id url filter { imposedBy } createdBy }
			    secret
			    userErrors { field message code }
			  }
			}""";

	private static final String LIST = "{ webhooks(first: 100) { nodes { id url lastCursor failures lastError lastDeliveredAt } } }";

	@Autowired
	HttpGraphQlTester graphQl;

	@Autowired
	MongoTemplate mongo;

	HttpGraphQlTester admin;

	HttpGraphQlTester analyst;

	@BeforeEach
	void clients() {
		this.graphQl = this.graphQl.mutate()
			.webTestClient(client -> client.responseTimeout(Duration.ofSeconds(30)))
			.build();
		this.admin = this.graphQl.mutate().header("Authorization", "Bearer " + ADMIN_SECRET).build();
		String secret = this.admin.documentName("issueApiKey")
			.variable("name", "webhook analyst " + System.nanoTime())
			.variable("roles", List.of("ANALYST"))
			.execute()
			.path("issueApiKey.secret")
			.entity(String.class)
			.get();
		this.analyst = this.graphQl.mutate().header("Authorization", "Bearer " + secret).build();
	}

	@Test
	void aReceiverGetsEveryMatchingChangeSignedInOrderRetriedUntilAccepted() throws Exception {
		try (Receiver receiver = new Receiver(2)) {
			HttpGraphQlTester.Response registered = this.admin.document(REGISTER)
				.variable("url", receiver.url())
				.variable("filter", Map.of("imposedBy", List.of("US")))
				.execute();
			registered.path("registerWebhook.userErrors").entityList(Object.class).hasSize(0);
			registered.path("registerWebhook.webhook.filter.imposedBy").entityList(String.class).containsExactly("US");
			String secret = registered.path("registerWebhook.secret").entity(String.class).get();
			String id = registered.path("registerWebhook.webhook.id").entity(String.class).get();

			String first = record("US", "Hook US 1");
			record("EU", "Hook EU");
			record("US", "Hook US 2");
			amend(first, "Hook US 1 amended");

			List<JsonNode> delivered = new ArrayList<>();
			List<String> cursors = new ArrayList<>();
			for (int i = 0; i < 3; i++) {
				Receiver.Request request = receiver.next();
				assertThat(request).as("delivery %d within 30 s", i + 1).isNotNull();
				assertThat(request.contentType()).isEqualTo("application/json");
				assertThat(request.signature()).isEqualTo(hmac(secret, request.timestamp() + ".", request.body()));
				JsonNode change = JSON.readTree(request.body());
				assertThat(change.path("cursor").asString()).isEqualTo(request.cursor());
				delivered.add(change);
				cursors.add(request.cursor());
			}
			assertThat(delivered).extracting(change -> change.path("measure").path("title").asString())
				.containsExactly("Hook US 1", "Hook US 2", "Hook US 1 amended");
			assertThat(delivered).extracting(change -> change.path("operation").asString())
				.containsExactly("RECORDED", "RECORDED", "AMENDED");
			assertThat(delivered).extracting(change -> change.path("measure").path("id").asString())
				.containsExactly(first, delivered.get(1).path("measure").path("id").asString(), first);
			// the receiver sees how the author signed in, not who
			assertThat(delivered).extracting(change -> change.path("actor").asString()).containsOnly("key");
			// the first change came three times (two refusals, then accepted), the others
			// once; the EU measure, written between them, never
			assertThat(receiver.all).extracting(Receiver.Request::cursor)
				.containsExactly(cursors.get(0), cursors.get(0), cursors.get(0), cursors.get(1), cursors.get(2));
			assertThat(receiver.all).noneMatch(request -> request.text().contains("Hook EU"));
			// the cursors are the feed's: the query pages the same changes under them
			assertThat(feedCursors(cursors.get(0))).startsWith(cursors.get(1), cursors.get(2));

			Map<String, Object> state = webhook(id);
			assertThat(state.get("lastCursor")).isEqualTo(cursors.get(2));
			assertThat(state.get("failures")).isEqualTo(0);
			assertThat(state.get("lastDeliveredAt")).isNotNull();

			this.admin.document(
					"mutation($id: ID!) { deleteWebhook(input: { id: $id }) { webhook { id } userErrors { field } } }")
				.variable("id", id)
				.execute()
				.path("deleteWebhook.webhook.id")
				.entity(String.class)
				.isEqualTo(id);
			assertThat(webhook(id)).isNull();
		}
	}

	@Test
	void nobodyButAnAdminRegistersOrListsWebhooks() {
		for (HttpGraphQlTester caller : List.of(this.analyst, this.graphQl)) {
			caller.document(REGISTER)
				.variable("url", "http://127.0.0.1:9/hook")
				.execute()
				.errors()
				.satisfy(errors -> assertThat(errors).singleElement()
					.extracting(ResponseError::getErrorType)
					.isIn(ErrorType.FORBIDDEN, ErrorType.UNAUTHORIZED));
			caller.document(LIST)
				.execute()
				.errors()
				.satisfy(errors -> assertThat(errors).singleElement()
					.extracting(ResponseError::getErrorType)
					.isIn(ErrorType.FORBIDDEN, ErrorType.UNAUTHORIZED));
		}
		assertThat(this.mongo.count(new Query().addCriteria(Criteria.where("url").is("http://127.0.0.1:9/hook")),
				Webhook.class))
			.isZero();
	}

	@Test
	void aBadTargetOrFilterIsRefusedNamingTheFieldAndNothingIsStored() {
		long before = this.mongo.count(new Query(), Webhook.class);
		Map<String, String> refusals = Map.of("http://example.com/hook", "not allowed", "ftp://127.0.0.1/hook",
				"http or https", "http://user:secret@127.0.0.1/hook", "user name or password", "not a url",
				"not a valid URL", "http://127.0.0.1:80/hook#top", "fragment");
		refusals.forEach((url, problem) -> refused(url, null, "input.url", problem));
		refused("http://127.0.0.1:9/hook", Map.of("imposedBy", List.of("XX")), "input.filter.imposedBy", "XX");
		assertThat(this.mongo.count(new Query(), Webhook.class)).isEqualTo(before);
	}

	private void refused(String url, Map<String, Object> filter, String field, String problem) {
		HttpGraphQlTester.Response response = this.admin.document(REGISTER)
			.variable("url", url)
			.variable("filter", filter)
			.execute();
		response.path("registerWebhook.webhook").valueIsNull();
		response.path("registerWebhook.secret").valueIsNull();
		response.path("registerWebhook.userErrors")
			.entityList(Map.class)
			.satisfies(errors -> assertThat(errors).as(url).singleElement().satisfies(error -> {
				assertThat(error.get("field")).isEqualTo(field);
				assertThat(error.get("code")).isEqualTo("INVALID");
				assertThat((String) error.get("message")).containsIgnoringCase(problem);
			}));
	}

	/** The signature a receiver computes: HMAC-SHA256 of timestamp, ".", body. */
	private static String hmac(String secret, String prefix, byte[] body) throws Exception {
		Mac mac = Mac.getInstance("HmacSHA256");
		mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
		mac.update(prefix.getBytes(StandardCharsets.UTF_8));
		return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body));
	}

	@SuppressWarnings("unchecked")
	private Map<String, Object> webhook(String id) {
		List<Map<String, Object>> all = this.admin.document(LIST)
			.execute()
			.path("webhooks.nodes")
			.entityList(Map.class)
			.get()
			.stream()
			.map(hook -> (Map<String, Object>) hook)
			.toList();
		return all.stream().filter(hook -> id.equals(hook.get("id"))).findFirst().orElse(null);
	}

	@SuppressWarnings("unchecked")
	private List<String> feedCursors(String after) {
		List<Map<String, Object>> edges = this.graphQl.documentName("feedPage")
			.variable("filter", Map.of("imposedBy", List.of("US")))
			.variable("after", after)
			.variable("first", 10)
			.execute()
			.path("measureChanges.edges")
			.entityList(Map.class)
			.get()
			.stream()
			.map(edge -> (Map<String, Object>) edge)
			.toList();
		return edges.stream().map(edge -> (String) edge.get("cursor")).toList();
	}

	private String record(String imposer, String title) {
		return FeedFixtures.recordSanction(this.analyst, imposer, title,
				LocalDate.of(2019, 1, 1).plusDays(DAYS.incrementAndGet()));
	}

	private void amend(String id, String title) {
		this.analyst.documentName("amendMeasure")
			.variable("id", id)
			.variable("revision", 1)
			.variable("fields", Map.of("title", title))
			.execute()
			.path("amendMeasure.userErrors")
			.entityList(Object.class)
			.hasSize(0);
	}

}
