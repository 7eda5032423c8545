package org.sanctionsgraph;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;

import org.springframework.boot.graphql.test.autoconfigure.tester.AutoConfigureHttpGraphQlTester;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The API's scenarios on the embedded default, with a fresh data directory. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = ApiScenarios.UNLIMITED)
@AutoConfigureHttpGraphQlTester
class EmbeddedApiTests extends ApiScenarios {

	@DynamicPropertySource
	static void dataDirectory(DynamicPropertyRegistry registry) {
		TestDataDirectory.register(registry, "embedded-test");
	}

	@LocalServerPort
	int port;

	@Test
	void healthIsUpOnTheEmbeddedServer() throws Exception {
		// the health check speaks hello and lists databases, which the embedded server answers
		HttpResponse<String> health = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/actuator/health")).build(),
					HttpResponse.BodyHandlers.ofString());
		assertThat(health.statusCode()).isEqualTo(200);
		assertThat(health.body()).contains("\"status\":\"UP\"");
	}

	@Test
	void graphiqlIsServedByDefault() throws Exception {
		HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL).build();
		HttpResponse<String> page = http.send(
				HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/graphiql")).build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).containsIgnoringCase("graphiql");
	}

}
