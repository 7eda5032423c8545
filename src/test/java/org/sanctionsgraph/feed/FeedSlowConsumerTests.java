package org.sanctionsgraph.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.Mockito.doAnswer;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.graphql.test.autoconfigure.tester.AutoConfigureHttpGraphQlTester;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;

/**
 * A WebSocket subscriber that falls more than {@code sanctions.feed.buffer} changes
 * behind is dropped with close code 1008 and a reason, not only sent an error message it
 * may never read. Made deterministic by holding the subscription's replay (the live
 * changes queue up behind it, as behind a client that does not read) until four changes
 * were handed out with room for two.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "sanctions.security.bootstrap-admin-key=" + FeedSlowConsumerTests.ADMIN_SECRET,
				"sanctions.limits.analyst-per-minute=1000000", "sanctions.feed.buffer=2" })
@AutoConfigureHttpGraphQlTester
class FeedSlowConsumerTests {

	static final String ADMIN_SECRET = "sgk_feed-slow-tests-admin-secret-0123456789abcdef";

	private static final long WAIT = 30;

	@MockitoSpyBean
	FeedLog feed;

	@Autowired
	HttpGraphQlTester graphQl;

	@LocalServerPort
	int port;

	/**
	 * Held by the test instance: a client nothing refers to may be collected while the
	 * test waits, closing its connections abruptly (1006).
	 */
	private final HttpClient http = HttpClient.newHttpClient();

	@Test
	void aSubscriberTooFarBehindIsClosedWith1008AndAReason() throws Exception {
		HttpGraphQlTester admin = this.graphQl.mutate()
			.header("Authorization", "Bearer " + ADMIN_SECRET)
			.webTestClient(client -> client.responseTimeout(Duration.ofSeconds(WAIT)))
			.build();
		record(admin, "Before the subscription", 1);
		String start = FeedCursor.encode(this.feed.newest());

		AtomicBoolean hold = new AtomicBoolean(true);
		CountDownLatch replayHeld = new CountDownLatch(1);
		CountDownLatch replayGoesOn = new CountDownLatch(1);
		BlockingQueue<String> handedOut = new LinkedBlockingQueue<>();
		doAnswer(invocation -> {
			@SuppressWarnings("unchecked")
			List<FeedEntry> entries = (List<FeedEntry>) invocation.callRealMethod();
			String thread = Thread.currentThread().getName();
			if (thread.equals("measure-feed")) {
				entries.forEach(entry -> handedOut.add(entry.measure().title()));
			}
			else if (thread.startsWith("boundedElastic") && hold.getAndSet(false)) {
				replayHeld.countDown();
				replayGoesOn.await(WAIT, TimeUnit.SECONDS);
			}
			return entries;
		}).when(this.feed).after(any(), anyInt());

		Client client = new Client();
		WebSocket socket = this.http.newWebSocketBuilder()
			.subprotocols("graphql-transport-ws")
			.buildAsync(URI.create("ws://localhost:" + this.port + "/graphql"), client)
			.get(WAIT, TimeUnit.SECONDS);
		socket.sendText("{\"type\":\"connection_init\",\"payload\":{}}", true).get(WAIT, TimeUnit.SECONDS);
		assertThat(client.messages.poll(WAIT, TimeUnit.SECONDS)).contains("connection_ack");
		socket.sendText("""
				{"id":"1","type":"subscribe","payload":{
				 "query":"subscription($after: String) { measureChanged(after: $after) { cursor } }",
				 "variables":{"after":"%s"}}}""".formatted(start), true).get(WAIT, TimeUnit.SECONDS);
		assertThat(replayHeld.await(WAIT, TimeUnit.SECONDS)).as("the replay started").isTrue();

		// two changes fill the subscription's queue, the third overflows it; the fourth
		// is handed out only after the third was
		for (int i = 1; i <= 4; i++) {
			record(admin, "Slow " + i, i + 1);
		}
		String last = null;
		while (!"Slow 4".equals(last)) {
			last = handedOut.poll(WAIT, TimeUnit.SECONDS);
			assertThat(last).as("the live feed handed out the four changes").isNotNull();
		}
		replayGoesOn.countDown();

		assertThat(client.closed).as("closed; messages received: %s", client.messages)
			.succeedsWithin(Duration.ofSeconds(WAIT));
		assertThat(client.closed.get()).startsWith("1008 ").contains("Slow consumer").contains("over 2 changes unread");
	}

	private static void record(HttpGraphQlTester admin, String title, int day) {
		Map<String, Object> fields = new HashMap<>();
		fields.put("title", title);
		fields.put("imposedBy", List.of("US"));
		fields.put("measureTypes", List.of("EXPORT_CONTROL"));
		fields.put("targets", List.of(Map.of("kind", "PARTY", "party", "BY")));
		fields.put("inForce", LocalDate.of(2018, 1, 1).plusDays(day).toString());
		admin.documentName("recordSanction")
			.variable("fields", fields)
			.execute()
			.path("recordSanction.userErrors")
			.entityList(Object.class)
			.hasSize(0);
	}

	/** A graphql-transport-ws client by hand: the messages it got, and how it closed. */
	static final class Client implements WebSocket.Listener {

		final BlockingQueue<String> messages = new LinkedBlockingQueue<>();

		final CompletableFuture<String> closed = new CompletableFuture<>();

		private final StringBuilder partial = new StringBuilder();

		@Override
		public CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
			this.partial.append(data);
			if (last) {
				this.messages.add(this.partial.toString());
				this.partial.setLength(0);
			}
			socket.request(1);
			return null;
		}

		@Override
		public CompletionStage<?> onClose(WebSocket socket, int statusCode, String reason) {
			this.closed.complete(statusCode + " " + reason);
			return null;
		}

		@Override
		public void onError(WebSocket socket, Throwable error) {
			this.closed.completeExceptionally(error);
		}

	}

}
