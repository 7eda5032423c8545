package org.sanctionsgraph.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.sanctionsgraph.MemoryMongo;
import org.sanctionsgraph.MovableClock;

/**
 * The parts of delivery that need no application: the lease that lets one instance at a
 * time deliver to a webhook, the bounded exponential backoff, and a sender that follows
 * no redirect and reads no more of an answer than it needs.
 */
class WebhookDeliveryTests {

	private final MemoryMongo mongo = new MemoryMongo();

	private final MovableClock clock = new MovableClock(Instant.parse("2026-01-01T00:00:00Z"));

	private final WebhookProperties properties = new WebhookProperties(List.of("127.0.0.1"), Duration.ofSeconds(1),
			Duration.ofSeconds(10), Duration.ofSeconds(5), Duration.ofSeconds(5), Duration.ofSeconds(1),
			Duration.ofSeconds(30));

	@AfterEach
	void close() {
		this.mongo.close();
	}

	@Test
	void oneInstanceAtATimeHoldsAWebhooksLeaseAndOnlyItMovesThePosition() {
		WebhookLeases leases = new WebhookLeases(this.mongo.template(), this.clock, this.properties);
		this.mongo.template()
			.insert(new Webhook("w-1", "http://127.0.0.1:9/hook", null, "s", "key:test", this.clock.instant(), "p0",
					null, 0, null, null, null, null, null));

		Webhook taken = leases.take("w-1", "instance A");
		assertThat(taken.leaseOwner()).isEqualTo("instance A");
		assertThat(taken.leaseUntil()).isEqualTo(Instant.parse("2026-01-01T00:00:30Z"));
		assertThat(leases.take("w-1", "instance B")).isNull();
		assertThat(leases.advance(taken, "p0", "p1", true, "instance B")).isFalse();

		// A stalled past its lease: B takes over, and A can no longer move the position
		this.clock.advance(Duration.ofSeconds(31));
		Webhook takenOver = leases.take("w-1", "instance B");
		assertThat(takenOver.leaseOwner()).isEqualTo("instance B");
		assertThat(leases.advance(taken, "p0", "p1", true, "instance A")).isFalse();
		assertThat(leases.advance(takenOver, "p0", "p1", true, "instance B")).isTrue();
		// nor does a move from a position already left, even by the holder
		assertThat(leases.advance(takenOver, "p0", "p2", true, "instance B")).isFalse();

		leases.release(takenOver, "instance B");
		assertThat(leases.take("w-1", "instance A").position()).isEqualTo("p1");
	}

	@Test
	void aFailureWaitsTheBackoffAndLetsTheLeaseGo() {
		WebhookLeases leases = new WebhookLeases(this.mongo.template(), this.clock, this.properties);
		this.mongo.template()
			.insert(new Webhook("w-2", "http://127.0.0.1:9/hook", null, "s", "key:test", this.clock.instant(), "p0",
					null, 0, null, null, null, null, null));
		Webhook taken = leases.take("w-2", "instance A");
		leases.failed(taken, 3, this.properties.backoff(3), "the receiver answered HTTP 503", "instance A");

		Webhook waiting = leases.take("w-2", "instance B");
		assertThat(waiting.failures()).isEqualTo(3);
		assertThat(waiting.lastError()).isEqualTo("the receiver answered HTTP 503");
		assertThat(waiting.due(this.clock.instant())).isFalse();
		assertThat(waiting.due(Instant.parse("2026-01-01T00:00:04Z"))).isTrue();
	}

	@Test
	void theBackoffDoublesUpToItsBound() {
		assertThat(List.of(1, 2, 3, 4, 5, 6, 50, Integer.MAX_VALUE).stream().map(this.properties::backoff))
			.containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(4), Duration.ofSeconds(8),
					Duration.ofSeconds(10), Duration.ofSeconds(10), Duration.ofSeconds(10), Duration.ofSeconds(10));
	}

	@Test
	void aRedirectIsAFailedAttemptAndIsNotFollowed() throws Exception {
		AtomicInteger redirected = new AtomicInteger();
		HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		server.createContext("/hook", exchange -> {
			exchange.getResponseHeaders().add("Location", "/elsewhere");
			exchange.sendResponseHeaders(307, -1);
			exchange.close();
		});
		server.createContext("/elsewhere", exchange -> {
			redirected.incrementAndGet();
			exchange.sendResponseHeaders(204, -1);
			exchange.close();
		});
		server.start();
		try {
			String error = new WebhookSender(this.properties, Clock.systemUTC()).send(
					"http://127.0.0.1:" + server.getAddress().getPort() + "/hook", "secret", "cursor",
					"{}".getBytes(StandardCharsets.UTF_8));
			assertThat(error).isEqualTo("the receiver answered HTTP 307");
			assertThat(redirected).hasValue(0);
		}
		finally {
			server.stop(0);
		}
	}

	@Test
	void anEndlessAnswerIsReadOnlyUpToTheLimit() throws Exception {
		HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		CountDownLatch hungUp = new CountDownLatch(1);
		server.createContext("/hook", exchange -> {
			exchange.sendResponseHeaders(200, 0);
			byte[] chunk = new byte[8192];
			try {
				// 1 GB unless the sender hangs up first
				for (int i = 0; i < 131072; i++) {
					exchange.getResponseBody().write(chunk);
				}
			}
			catch (IOException ex) {
				hungUp.countDown();
			}
			exchange.close();
		});
		server.start();
		try {
			String error = new WebhookSender(this.properties, Clock.systemUTC()).send(
					"http://127.0.0.1:" + server.getAddress().getPort() + "/hook", "secret", "cursor",
					"{}".getBytes(StandardCharsets.UTF_8));
			assertThat(error).isNull();
		}
		finally {
			server.stop(0);
		}
		// the sender closed the connection instead of reading the gigabyte
		assertThat(hungUp.await(30, TimeUnit.SECONDS)).isTrue();
	}

}
