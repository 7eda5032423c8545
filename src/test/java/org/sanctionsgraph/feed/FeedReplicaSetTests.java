package org.sanctionsgraph.feed;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sanctionsgraph.SanctionsGraphApplication;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.mongodb.MongoDBContainer;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.graphql.client.WebSocketGraphQlClient;
import org.springframework.web.reactive.socket.client.StandardWebSocketClient;

/**
 * Two instances of the app on one MongoDB replica set behave as one feed: a measure
 * written through one reaches a subscriber of the other (which hears of it through
 * MongoDB's change stream). Skipped, and reported as skipped, where no Docker engine is
 * available.
 */
@Testcontainers(disabledWithoutDocker = true)
class FeedReplicaSetTests {

	private static final String ADMIN_SECRET = "sgk_feed-replica-set-admin-secret-0123456789abcdef";

	/** Both instances sign cursors with it, so a cursor of one is valid on the other. */
	private static final String CURSOR_SECRET = "feed-replica-set-cursor-secret-0123456789abcdef";

	private static final Duration WAIT = Duration.ofSeconds(30);

	@Container
	static final MongoDBContainer mongo = new MongoDBContainer("mongo:8.0");

	@TempDir
	static Path data;

	static ConfigurableApplicationContext writer;

	static ConfigurableApplicationContext reader;

	@BeforeAll
	static void start() {
		writer = instance("writer");
		reader = instance("reader");
	}

	@AfterAll
	static void stop() {
		for (ConfigurableApplicationContext context : new ConfigurableApplicationContext[] { reader, writer }) {
			if (context != null) {
				context.close();
			}
		}
	}

	@Test
	void aWriteThroughOneInstanceReachesASubscriberOfTheOther() throws Exception {
		WebSocketGraphQlClient socket = WebSocketGraphQlClient
			.builder(URI.create("ws://localhost:" + port(reader) + "/graphql"), new StandardWebSocketClient())
			.build();
		try {
			CompletableFuture<String> heard = socket
				.document("subscription { measureChanged(filter: { imposedBy: [\"US\"] }) "
						+ "{ operation measure { title } } }")
				.executeSubscription()
				.map(response -> String.valueOf((Object) response.getData()))
				.next()
				.toFuture();
			// the subscription starts with the next change after it reached the server,
			// which the client does not report: write through the other instance until
			// one is heard
			for (int attempt = 0; attempt < 30 && !heard.isDone(); attempt++) {
				record(port(writer), "Across instances " + attempt, attempt);
				try {
					heard.get(1, TimeUnit.SECONDS);
				}
				catch (TimeoutException notYet) {
					// written before the subscription was open: write again
				}
			}
			assertThat(heard).succeedsWithin(WAIT);
			assertThat(heard.get()).contains("RECORDED").contains("Across instances");
		}
		finally {
			socket.stop().block(WAIT);
		}
	}

	private static ConfigurableApplicationContext instance(String name) {
		return new SpringApplicationBuilder(SanctionsGraphApplication.class).run("--server.port=0",
				"--spring.mongodb.uri=" + mongo.getReplicaSetUrl("sanctions"),
				"--sanctions.data-dir=" + data.resolve(name),
				"--sanctions.security.bootstrap-admin-key=" + ADMIN_SECRET,
				"--sanctions.paging.cursor-secret=" + CURSOR_SECRET, "--sanctions.limits.analyst-per-minute=1000000");
	}

	private static int port(ConfigurableApplicationContext context) {
		return Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
	}

	private static void record(int port, String title, int day) throws Exception {
		String body = """
				{"query": "mutation($f: MeasureFields!) { recordSanction(input: { fields: $f }) { userErrors { message } } }",
				 "variables": {"f": {"title": "%s", "imposedBy": ["US"], "measureTypes": ["EXPORT_CONTROL"],
				  "targets": [{"kind": "PARTY", "party": "BY"}], "inForce": "2017-01-%02d"}}}"""
			.formatted(title, day + 1);
		HttpResponse<String> response = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/graphql"))
				.header("Content-Type", "application/json")
				.header("Authorization", "Bearer " + ADMIN_SECRET)
				.POST(HttpRequest.BodyPublishers.ofString(body))
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).as(title).contains("\"userErrors\":[]");
	}

}
