package org.sanctionsgraph.limits;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sanctionsgraph.SanctionsGraphApplication;

import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;

/**
 * While the application is still starting (a start-up runner such as the seed loader or
 * the search index build has not finished), GraphQL answers 503 with Retry-After and
 * readiness says so; once ready, both answer normally. A runner here waits on a latch the
 * test releases, so nothing depends on timing.
 */
class ReadinessGateTests {

	static final CountDownLatch RELEASE = new CountDownLatch(1);

	@Configuration(proxyBeanMethods = false)
	static class HeldStart {

		/**
		 * Runs after the application's own runners and holds the start until the test
		 * lets it go.
		 */
		@Bean
		@Order(Ordered.LOWEST_PRECEDENCE)
		ApplicationRunner holdStart() {
			return args -> {
				if (!RELEASE.await(120, TimeUnit.SECONDS)) {
					throw new IllegalStateException("the test never released the start");
				}
			};
		}

	}

	private final HttpClient http = HttpClient.newHttpClient();

	@Test
	void nothingIsAnsweredBeforeTheDataAndIndexAreReady(@TempDir Path data) throws Exception {
		CompletableFuture<Integer> port = new CompletableFuture<>();
		CompletableFuture<Void> ready = new CompletableFuture<>();
		SpringApplicationBuilder builder = new SpringApplicationBuilder(SanctionsGraphApplication.class,
				HeldStart.class)
			.properties("sanctions.data-dir=" + data, "sanctions.embedded.data-dir=" + data)
			.listeners(event -> {
				if (event instanceof WebServerInitializedEvent initialized) {
					port.complete(initialized.getWebServer().getPort());
				}
				// Boot publishes the readiness change just after ApplicationReadyEvent:
				// wait for the change itself
				if (event instanceof AvailabilityChangeEvent<?> change
						&& change.getState() == ReadinessState.ACCEPTING_TRAFFIC) {
					ready.complete(null);
				}
			});
		CompletableFuture<ConfigurableApplicationContext> started = CompletableFuture
			// a command-line argument: application.yml's server.port outranks builder
			// defaults
			.supplyAsync(() -> builder.run("--server.port=0"));
		started.whenComplete((context, failure) -> {
			if (failure != null) {
				port.completeExceptionally(failure);
				ready.completeExceptionally(failure);
			}
		});
		try {
			int p = port.get(120, TimeUnit.SECONDS);
			HttpResponse<String> early = search(p);
			assertThat(early.statusCode()).isEqualTo(503);
			assertThat(early.headers().firstValue("Retry-After")).contains(ReadinessGate.RETRY_AFTER_SECONDS);
			assertThat(early.body()).contains("\"classification\":\"NOT_READY\"").contains("The service is starting");
			assertThat(get(p, "/graphql?query=%7B__typename%7D").statusCode()).as("a query by GET").isEqualTo(503);
			assertThat(get(p, "/").statusCode()).as("the front-end").isEqualTo(503);
			assertThat(get(p, "/actuator/health/readiness").statusCode()).isEqualTo(503);
			assertThat(get(p, "/actuator/health/liveness").statusCode()).isEqualTo(200);

			RELEASE.countDown();
			ready.get(120, TimeUnit.SECONDS);
			HttpResponse<String> later = search(p);
			assertThat(later.statusCode()).isEqualTo(200);
			assertThat(later.body()).contains("Alyaksandr Lukashenka");
			assertThat(get(p, "/actuator/health/readiness").statusCode()).isEqualTo(200);
			assertThat(get(p, "/graphql?query=%7B__typename%7D").statusCode()).isEqualTo(200);
		}
		finally {
			RELEASE.countDown();
			started.get(120, TimeUnit.SECONDS).close();
		}
	}

	private HttpResponse<String> search(int port) throws IOException, InterruptedException {
		String body = "{\"query\":\"{ search(query: \\\"Lukashenko\\\") { edges { node { record { ... on Person { name } } } } } }\"}";
		return this.http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/graphql"))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	private HttpResponse<String> get(int port, String path) throws IOException, InterruptedException {
		return this.http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
				HttpResponse.BodyHandlers.ofString());
	}

}
