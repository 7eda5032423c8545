package org.sanctionsgraph.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.sanctionsgraph.ApiTest;

import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Every scenario on the embedded default (the app starts its own mongo-java-server on an
 * H2 store in a fresh data directory), in the context the API tests share.
 */
@ApiTest
class EmbeddedScenarioTests {

	@LocalServerPort
	int port;

	@Test
	void healthIsUpOnTheEmbeddedServer() throws Exception {
		// the health check speaks hello and lists databases, which the embedded server
		// answers
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

	@Nested
	class Seed extends SeedScenarios {

	}

	@Nested
	class Parties extends PartyScenarios {

	}

	@Nested
	class People extends PersonScenarios {

	}

	@Nested
	class Countries extends CountryScenarios {

	}

	@Nested
	class Organizations extends OrganizationScenarios {

	}

	@Nested
	class Measures extends MeasureScenarios {

	}

	@Nested
	class MeasureWrites extends MeasureWriteScenarios {

	}

	@Nested
	class Programs extends ProgramScenarios {

	}

	@Nested
	class Designations extends DesignationScenarios {

	}

	@Nested
	class Events extends EventScenarios {

	}

	@Nested
	class Search extends SearchScenarios {

	}

	@Nested
	class Timeline extends TimelineScenarios {

	}

	@Nested
	class History extends HistoryScenarios {

	}

	@Nested
	class Security extends SecurityScenarios {

	}

	@Nested
	class Errors extends ErrorScenarios {

	}

	@Nested
	class RoundTrips extends RoundTripScenarios {

	}

	@Nested
	class Ties extends TieScenarios {

	}

}
