package org.sanctionsgraph.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import jakarta.servlet.http.HttpServletRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.graphql.test.autoconfigure.tester.AutoConfigureHttpGraphQlTester;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.graphql.ResponseError;
import org.springframework.graphql.client.ClientGraphQlResponse;
import org.springframework.graphql.client.SubscriptionErrorException;
import org.springframework.graphql.client.WebSocketGraphQlClient;
import org.springframework.graphql.client.WebSocketGraphQlClientInterceptor;
import org.springframework.graphql.execution.GraphQlSource;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.web.reactive.socket.client.StandardWebSocketClient;
import org.springframework.mock.web.MockHttpServletRequest;

/**
 * The measure feed end to end on the embedded server: the query pages every recorded,
 * amended and lifted measure in the order written, filtered on the measure as it was
 * after each change; a WebSocket subscription hears matching writes and not others, and
 * resumed from a cursor gets what it missed once, then the live changes. It writes
 * measures, so it has a context of its own.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "sanctions.security.bootstrap-admin-key=" + FeedTests.ADMIN_SECRET,
				"sanctions.limits.anonymous-per-minute=1000000", "sanctions.limits.analyst-per-minute=1000000",
				"sanctions.feed.max-subscriptions-per-client=3" })
@AutoConfigureHttpGraphQlTester
class FeedTests {

	static final String ADMIN_SECRET = "sgk_feed-tests-admin-secret-0123456789abcdef";

	private static final Duration WAIT = Duration.ofSeconds(10);

	private static final String SUBSCRIPTION = """
			subscription Feed($filter: MeasureFilter, $after: String) {
			  measureChanged(filter: $filter, after: $after) { cursor operation actor measure { id title } }
			}""";

	private static final AtomicInteger DAYS = new AtomicInteger();

	@Autowired
	HttpGraphQlTester graphQl;

	@LocalServerPort
	int port;

	@Autowired
	GraphQlSource graphQlSource;

	HttpGraphQlTester analyst;

	String secret;

	WebSocketGraphQlClient socket;

	@BeforeEach
	void clients() {
		// a busy machine can take longer than the tester's default of 5 s
		this.graphQl = this.graphQl.mutate().webTestClient(client -> client.responseTimeout(WAIT)).build();
		this.secret = this.graphQl.mutate()
			.header("Authorization", "Bearer " + ADMIN_SECRET)
			.build()
			.documentName("issueApiKey")
			.variable("name", "feed analyst " + System.nanoTime())
			.variable("roles", List.of("ANALYST"))
			.execute()
			.path("issueApiKey.secret")
			.entity(String.class)
			.get();
		this.analyst = this.graphQl.mutate().header("Authorization", "Bearer " + this.secret).build();
		this.socket = WebSocketGraphQlClient
			.builder(URI.create("ws://localhost:" + this.port + "/graphql"), new StandardWebSocketClient())
			.build();
	}

	@AfterEach
	void close() {
		if (this.socket != null) {
			this.socket.stop().block(WAIT);
		}
	}

	@Test
	void theQueryPagesEveryChangeInTheOrderWrittenFilteredAsAfterTheChange() {
		String start = end();
		String us = record("US", "Feed page US");
		String eu = record("EU", "Feed page EU");
		amend(us, 1, "Feed page US amended");
		lift(eu, 1);

		List<Map<String, Object>> all = pages(null, start, 2);
		assertThat(all).extracting(change -> change.get("operation"))
			.containsExactly("RECORDED", "RECORDED", "AMENDED", "LIFTED");
		assertThat(all).extracting(change -> title(change))
			.containsExactly("Feed page US", "Feed page EU", "Feed page US amended", "Feed page EU");
		// anonymous readers see how the author signed in, not who
		assertThat(all).extracting(change -> change.get("actor")).containsOnly("key");

		List<Map<String, Object>> us1 = pages(Map.of("imposedBy", List.of("US")), start, 10);
		assertThat(us1).extracting(change -> title(change)).containsExactly("Feed page US", "Feed page US amended");
		// lifted on 2020-06-30: as lifted it was no longer in force in 2021, as recorded
		// it was
		List<Map<String, Object>> inForce = pages(Map.of("imposedBy", List.of("EU"), "inForceOn", "2021-01-01"), start,
				10);
		assertThat(inForce).extracting(change -> change.get("operation")).containsExactly("RECORDED");
	}

	@Test
	void aSubscriberHearsMatchingWritesOnlyAndResumesWithNoGapAndNoRepeat() throws InterruptedException {
		String start = end();
		Map<String, Object> us = Map.of("imposedBy", List.of("US"));
		// from the feed's end: whatever is written once this line has run is heard,
		// however
		// long the subscription takes to reach the server
		Events first = subscribe(us, start);
		// the EU measure is written first: had it passed the filter, it would arrive
		// first
		record("EU", "Live EU");
		record("US", "Live US 1");
		Map<String, Object> heard = first.next();
		assertThat(title(heard)).isEqualTo("Live US 1");
		assertThat(heard.get("operation")).isEqualTo("RECORDED");
		first.close();

		// written while nobody listens
		record("US", "Missed US");
		Events resumed = subscribe(us, (String) heard.get("cursor"));
		assertThat(title(resumed.next())).isEqualTo("Missed US");
		record("US", "Live US 2");
		assertThat(title(resumed.next())).isEqualTo("Live US 2");
		resumed.close();
		assertThat(resumed.received).isEmpty();

		// the query pages the same changes
		assertThat(pages(us, start, 10)).extracting(change -> title(change))
			.containsExactly("Live US 1", "Missed US", "Live US 2");
	}

	/**
	 * Subscribers asking alike share the work of each change, but never across what the
	 * caller may see: an analyst and anonymous readers subscribed with one document see
	 * who made the change as each one's role allows.
	 */
	@Test
	void subscribersWithOneDocumentSeeEachChangeAsTheirOwnRoleAllows() throws InterruptedException {
		String start = end();
		String document = """
				subscription Shared($after: String) {
				  measureChanged(after: $after) { measure { title changes(first: 5) { edges { node { actor } } } } }
				}""";
		String secret = this.secret;
		WebSocketGraphQlClient signedIn = WebSocketGraphQlClient
			.builder(URI.create("ws://localhost:" + this.port + "/graphql"), new StandardWebSocketClient())
			.interceptor(new WebSocketGraphQlClientInterceptor() {
				@Override
				public Mono<Object> connectionInitPayload() {
					return Mono.just(Map.of("Authorization", "Bearer " + secret));
				}
			})
			.build();
		try {
			Events anonymous = subscribe(this.socket, document, start);
			Events analyst = subscribe(signedIn, document, start);
			Events anonymousToo = subscribe(this.socket, document, start);
			record("US", "Shared answers");
			for (Events reader : List.of(anonymous, analyst, anonymousToo)) {
				Map<String, Object> change = reader.next();
				assertThat(title(change)).isEqualTo("Shared answers");
				assertThat(actors(change)).hasSize(1);
				if (reader == analyst) {
					assertThat((String) actors(change).get(0)).startsWith("key:").contains("feed analyst");
				}
				else {
					assertThat(actors(change)).containsExactly("key");
				}
				reader.close();
			}
			// the strategy that shares answers is the one in use
			assertThat(this.graphQlSource.graphQl().getSubscriptionStrategy().getClass().getName())
				.endsWith(".SharedSubscriptionEvents$Strategy");
		}
		finally {
			signedIn.stop().block(WAIT);
		}
	}

	@SuppressWarnings("unchecked")
	private static List<Object> actors(Map<String, Object> change) {
		Map<String, Object> changes = (Map<String, Object>) ((Map<String, Object>) change.get("measure"))
			.get("changes");
		return ((List<Map<String, Object>>) changes.get("edges")).stream()
			.map(edge -> ((Map<String, Object>) edge.get("node")).get("actor"))
			.toList();
	}

	/**
	 * A client offering per-message compression gets none by default: the handshake's
	 * answer names no extension. (Compressing each small message cost the server and the
	 * client more processor time than the wire saved.)
	 */
	@Test
	void theWebSocketHandshakeAgreesToNoCompressionByDefault() throws Exception {
		try (Socket raw = new Socket("localhost", this.port)) {
			raw.setSoTimeout((int) WAIT.toMillis());
			String request = "GET /graphql HTTP/1.1\r\nHost: localhost:" + this.port
					+ "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
					+ "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n"
					+ "Sec-WebSocket-Protocol: graphql-transport-ws\r\n"
					+ "Sec-WebSocket-Extensions: permessage-deflate; client_max_window_bits\r\n\r\n";
			raw.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
			BufferedReader reader = new BufferedReader(
					new InputStreamReader(raw.getInputStream(), StandardCharsets.US_ASCII));
			List<String> head = new ArrayList<>();
			for (String line = reader.readLine(); line != null && !line.isEmpty(); line = reader.readLine()) {
				head.add(line.toLowerCase(java.util.Locale.ROOT));
			}
			assertThat(head.get(0)).startsWith("http/1.1 101");
			assertThat(head).anyMatch(line -> line.startsWith("sec-websocket-protocol: graphql-transport-ws"))
				.noneMatch(line -> line.startsWith("sec-websocket-extensions"));
		}
	}

	@Test
	void compressionIsOfferedToTheServerOnlyWhenConfigured() {
		MockHttpServletRequest upgrade = new MockHttpServletRequest("GET", "/graphql");
		upgrade.addHeader("Upgrade", "websocket");
		upgrade.addHeader(FeedSockets.Upgrades.EXTENSIONS, "permessage-deflate");
		HttpServletRequest plain = FeedSockets.Upgrades.offered(upgrade, false);
		assertThat(plain.getHeader("sec-websocket-extensions")).isNull();
		assertThat(Collections.list(plain.getHeaders(FeedSockets.Upgrades.EXTENSIONS))).isEmpty();
		assertThat(Collections.list(plain.getHeaderNames())).containsExactly("Upgrade");
		assertThat(FeedSockets.Upgrades.offered(upgrade, true).getHeader(FeedSockets.Upgrades.EXTENSIONS))
			.isEqualTo("permessage-deflate");
	}

	/**
	 * Writers racing each other: a live subscriber gets every change exactly once and in
	 * the order the query pages them. (A change whose history entry became visible after
	 * a later one's used to be passed over live: the feed read on after the later one.)
	 */
	@Test
	void underConcurrentWritesALiveSubscriberGetsEveryChangeOnceInOrder() throws Exception {
		String start = end();
		Events live = subscribe(null, start);
		int writers = 8;
		int each = 15;
		ExecutorService pool = Executors.newFixedThreadPool(writers);
		try {
			List<Future<?>> done = new ArrayList<>();
			for (int writer = 0; writer < writers; writer++) {
				int id = writer;
				done.add(pool.submit(() -> {
					for (int i = 0; i < each; i++) {
						record(id % 2 == 0 ? "US" : "EU", "Race " + id + "." + i);
					}
				}));
			}
			for (Future<?> writing : done) {
				writing.get(2, TimeUnit.MINUTES);
			}
		}
		finally {
			pool.shutdownNow();
		}
		List<String> written = pages(null, start, 100).stream().map(change -> (String) change.get("cursor")).toList();
		assertThat(written).hasSize(writers * each);
		List<String> heard = new ArrayList<>();
		for (int i = 0; i < written.size(); i++) {
			heard.add((String) live.next().get("cursor"));
		}
		live.close();
		assertThat(heard).containsExactlyElementsOf(written);
		assertThat(live.received).isEmpty();
	}

	@Test
	void aClientHoldsAtMostTheConfiguredNumberOfSubscriptions() throws InterruptedException {
		String start = end();
		List<Events> open = new ArrayList<>();
		for (int i = 0; i < 3; i++) {
			open.add(subscribe(null, start));
		}
		record("GB", "Heard by all three");
		for (Events events : open) {
			assertThat(title(events.next())).isEqualTo("Heard by all three");
		}
		Flux<ClientGraphQlResponse> fourth = this.socket.document(SUBSCRIPTION).executeSubscription();
		List<ResponseError> refused = fourth.map(ClientGraphQlResponse::getErrors)
			.onErrorResume(SubscriptionErrorException.class, ex -> Flux.just(ex.getErrors()))
			.blockFirst(WAIT);
		assertThat(refused).singleElement().satisfies(error -> {
			assertThat(error.getErrorType().toString()).isEqualTo("LIMIT");
			assertThat(error.getMessage()).contains("already holds 3 subscriptions");
		});
		open.forEach(Events::close);
	}

	@Test
	void aCursorOfAnotherListIsRefusedNamingTheArgument() {
		String other = this.graphQl.document("{ measures(first: 1) { pageInfo { endCursor } } }")
			.execute()
			.path("measures.pageInfo.endCursor")
			.entity(String.class)
			.get();
		this.graphQl.documentName("feedPage")
			.variable("after", other)
			.execute()
			.errors()
			.satisfy(errors -> assertThat(errors).singleElement().satisfies(error -> {
				assertThat(error.getErrorType().toString()).isEqualTo("BAD_REQUEST");
				assertThat(error.getMessage()).contains("after").contains("not of the measure feed");
			}));
		List<ResponseError> refused = this.socket.document(SUBSCRIPTION)
			.variable("after", other)
			.executeSubscription()
			.map(ClientGraphQlResponse::getErrors)
			.onErrorResume(SubscriptionErrorException.class, ex -> Flux.just(ex.getErrors()))
			.blockFirst(WAIT);
		assertThat(refused).singleElement().satisfies(error -> {
			assertThat(error.getErrorType().toString()).isEqualTo("BAD_REQUEST");
			assertThat(error.getMessage()).contains("not of the measure feed");
		});
	}

	@Test
	void serverSentEventsCarryTheSameFeed() throws Exception {
		String start = end();
		record("US", "Over SSE");
		String body = """
				{"query": "subscription($after: String) { measureChanged(after: $after) { measure { title } } }",
				 "variables": {"after": "%s"}}""".formatted(start);
		HttpResponse<Stream<String>> response = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/graphql"))
				.header("Content-Type", "application/json")
				.header("Accept", "text/event-stream")
				.POST(HttpRequest.BodyPublishers.ofString(body))
				.build(), HttpResponse.BodyHandlers.ofLines());
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Type"))
			.hasValueSatisfying(type -> assertThat(type).startsWith("text/event-stream"));
		try (Stream<String> lines = response.body()) {
			String data = CompletableFuture
				.supplyAsync(() -> lines.filter(line -> line.startsWith("data:")).findFirst().orElse(""))
				.get(WAIT.toSeconds(), TimeUnit.SECONDS);
			assertThat(data).contains("\"title\":\"Over SSE\"");
		}
	}

	/**
	 * The same promises through the reference JavaScript client, graphql-ws on ws,
	 * installed from the npm registry at the versions its package-lock.json pins.
	 */
	@Test
	void theGraphqlWsClientFromNpmGetsTheSameFeed() throws Exception {
		assumeTrue(NodeClient.available(),
				"Node.js 20+ and npm are not on the PATH: the graphql-ws client test is skipped");
		NodeClient.Result result = NodeClient.run("feed-client.mjs", "http://localhost:" + this.port + "/graphql",
				this.secret);
		assertThat(result.exitCode()).as(result.output()).isZero();
		assertThat(result.output()).contains("ok: a filtered subscription got the matching write and not the other",
				"ok: resumed with the last cursor, the missed change came exactly once, then the live one",
				"ok: measureChanges pages the same changes with the same cursors");
	}

	private Events subscribe(WebSocketGraphQlClient client, String document, String after) {
		Events events = new Events();
		events.subscription = client.document(document)
			.variable("after", after)
			.executeSubscription()
			.subscribe(response -> events.received.add(change(response)), events.received::add);
		return events;
	}

	private Events subscribe(Map<String, Object> filter, String after) {
		Events events = new Events();
		events.subscription = this.socket.document(SUBSCRIPTION)
			.variable("filter", filter)
			.variable("after", after)
			.executeSubscription()
			.subscribe(response -> events.received.add(change(response)), events.received::add);
		return events;
	}

	/** What one subscription received, waited on with a time limit. */
	static final class Events {

		final BlockingQueue<Object> received = new LinkedBlockingQueue<>();

		Disposable subscription;

		@SuppressWarnings("unchecked")
		Map<String, Object> next() throws InterruptedException {
			Object next = this.received.poll(WAIT.toSeconds(), TimeUnit.SECONDS);
			assertThat(next).as("a change within " + WAIT).isInstanceOf(Map.class);
			return (Map<String, Object>) next;
		}

		void close() {
			this.subscription.dispose();
		}

	}

	private static Map<String, Object> change(ClientGraphQlResponse response) {
		assertThat(response.getErrors()).isEmpty();
		return response.field("measureChanged").toEntity(Map.class);
	}

	@SuppressWarnings("unchecked")
	private static String title(Map<String, Object> change) {
		return (String) ((Map<String, Object>) change.get("measure")).get("title");
	}

	/**
	 * The feed's end cursor now: one change is written first, so there is one, and a
	 * subscription from it misses nothing written afterwards.
	 */
	private String end() {
		record("EU", "Before the test");
		String position = null;
		while (true) {
			Map<String, Object> info = page(null, position, 100).path("measureChanges.pageInfo")
				.entity(Map.class)
				.get();
			position = info.get("endCursor") != null ? (String) info.get("endCursor") : position;
			if (!(Boolean) info.get("hasNextPage")) {
				return position;
			}
		}
	}

	@SuppressWarnings("unchecked")
	private List<Map<String, Object>> pages(Map<String, Object> filter, String after, int size) {
		List<Map<String, Object>> all = new ArrayList<>();
		String position = after;
		boolean more = true;
		while (more) {
			HttpGraphQlTester.Response page = page(filter, position, size);
			List<Map<String, Object>> edges = page.path("measureChanges.edges").entity(List.class).get();
			for (Map<String, Object> edge : edges) {
				Map<String, Object> node = (Map<String, Object>) edge.get("node");
				assertThat(node.get("cursor")).isEqualTo(edge.get("cursor"));
				all.add(node);
			}
			Map<String, Object> info = page.path("measureChanges.pageInfo").entity(Map.class).get();
			position = (String) info.get("endCursor");
			more = (Boolean) info.get("hasNextPage");
		}
		return all;
	}

	private HttpGraphQlTester.Response page(Map<String, Object> filter, String after, int size) {
		return this.graphQl.documentName("feedPage")
			.variable("filter", filter)
			.variable("after", after)
			.variable("first", size)
			.execute();
	}

	private String record(String imposer, String title) {
		// a day of its own, so no two measures are duplicates of each other
		return FeedFixtures.recordSanction(this.analyst, imposer, title,
				LocalDate.of(2020, 1, 1).plusDays(DAYS.incrementAndGet()));
	}

	private void amend(String id, int revision, String title) {
		this.analyst.documentName("amendMeasure")
			.variable("id", id)
			.variable("revision", revision)
			.variable("fields", Map.of("title", title))
			.execute()
			.path("amendMeasure.userErrors")
			.entityList(Object.class)
			.hasSize(0);
	}

	private void lift(String id, int revision) {
		this.analyst.documentName("liftMeasure")
			.variable("id", id)
			.variable("revision", revision)
			.variable("ended", "2020-06-30")
			.variable("reason", "Feed test")
			.execute()
			.path("liftMeasure.userErrors")
			.entityList(Object.class)
			.hasSize(0);
	}

}
