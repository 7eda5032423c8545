package org.sanctionsgraph.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.Mockito.doAnswer;

import java.net.http.HttpClient;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.sanctionsgraph.TransportWsClient;
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

	/** Held by the test instance (see {@link TransportWsClient}). */
	private final HttpClient http = HttpClient.newHttpClient();

	@Test
	void aSubscriberTooFarBehindIsClosedWith1008AndAReason() throws Exception {
		HttpGraphQlTester admin = this.graphQl.mutate()
			.header("Authorization", "Bearer " + ADMIN_SECRET)
			.webTestClient(client -> client.responseTimeout(Duration.ofSeconds(WAIT)))
			.build();
		record(admin, "Before the subscription", 1);
		String start = FeedCursor.encode(this.feed.newestOfAll());

		AtomicBoolean hold = new AtomicBoolean(true);
		CountDownLatch replayHeld = new CountDownLatch(1);
		CountDownLatch replayGoesOn = new CountDownLatch(1);
		BlockingQueue<String> handedOut = new LinkedBlockingQueue<>();
		// the live feed reads the history with next, a subscription's replay with after
		doAnswer(invocation -> {
			FeedLog.Read read = (FeedLog.Read) invocation.callRealMethod();
			if (Thread.currentThread().getName().equals("measure-feed")) {
				read.changes().forEach(entry -> handedOut.add(entry.measure().title()));
			}
			return read;
		}).when(this.feed).next(any(), anyInt());
		doAnswer(invocation -> {
			@SuppressWarnings("unchecked")
			List<FeedEntry> entries = (List<FeedEntry>) invocation.callRealMethod();
			if (Thread.currentThread().getName().startsWith("boundedElastic") && hold.getAndSet(false)) {
				replayHeld.countDown();
				replayGoesOn.await(WAIT, TimeUnit.SECONDS);
			}
			return entries;
		}).when(this.feed).after(any(), anyInt());

		TransportWsClient client = TransportWsClient.connect(this.http, this.port, WAIT);
		client.send("{\"type\":\"connection_init\",\"payload\":{}}");
		assertThat(client.next()).contains("connection_ack");
		client.send("""
				{"id":"1","type":"subscribe","payload":{
				 "query":"subscription($after: String) { measureChanged(after: $after) { cursor } }",
				 "variables":{"after":"%s"}}}""".formatted(start));
		assertThat(replayHeld.await(WAIT, TimeUnit.SECONDS)).as("the replay started").isTrue();

		// two changes fill the subscription's queue, the third overflows it (the reader
		// offers each change it read to the subscriber, which stays registered until its
		// queue overflows)
		for (int i = 1; i <= 3; i++) {
			record(admin, "Slow " + i, i + 1);
		}
		String last = null;
		while (!"Slow 3".equals(last)) {
			last = handedOut.poll(WAIT, TimeUnit.SECONDS);
			assertThat(last).as("the live feed read the three changes").isNotNull();
		}
		replayGoesOn.countDown();

		assertThat(client.closed).as("closed; messages received: %s", client.messages)
			.succeedsWithin(Duration.ofSeconds(WAIT));
		TransportWsClient.Close close = client.closed.get();
		assertThat(close.code()).isEqualTo(1008);
		assertThat(close.reason()).contains("Slow consumer").contains("over 2 changes unread");
	}

	private static void record(HttpGraphQlTester admin, String title, int day) {
		FeedFixtures.recordSanction(admin, "US", title, LocalDate.of(2018, 1, 1).plusDays(day));
	}

}
