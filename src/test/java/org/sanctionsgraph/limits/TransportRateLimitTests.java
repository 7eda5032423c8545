package org.sanctionsgraph.limits;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The rate limit counts every request that reaches GraphQL, however it is sent, and a
 * batch counts each of its operations; spellings of the path that would pass the limiter
 * are refused before it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "sanctions.limits.anonymous-per-minute=6", "sanctions.limits.batching=true" })
class TransportRateLimitTests {

	private static final String QUERY = HttpClients.body("{ __typename }");

	@LocalServerPort
	int port;

	@Test
	void everyRouteToGraphQlSpendsTheSameAllowance() throws Exception {
		// refused spellings spend nothing and run nothing
		for (String path : TransportTests.SPELLINGS) {
			assertThat(send("POST", path, QUERY).statusCode()).as(path).isEqualTo(400);
		}
		// 6 a minute: one POST, one GET, a batch of three, then one more POST
		assertThat(send("POST", "/graphql", QUERY).statusCode()).isEqualTo(200);
		assertThat(send("GET", HttpClients.query("{ __typename }"), null).statusCode()).isEqualTo(200);
		assertThat(send("POST", "/graphql", "[" + QUERY + "," + QUERY + "," + QUERY + "]").statusCode()).isEqualTo(200);
		assertThat(send("POST", "/graphql", QUERY).statusCode()).isEqualTo(200);
		HttpResponse<String> over = send("GET", HttpClients.query("{ __typename }"), null);
		assertThat(over.statusCode()).isEqualTo(429);
		assertThat(over.body()).contains("RATE_LIMITED");
		assertThat(send("POST", "/graphql", QUERY).statusCode()).isEqualTo(429);
	}

	private HttpResponse<String> send(String method, String path, String body) throws Exception {
		return HttpClients.request(this.port, method, path, body);
	}

}
