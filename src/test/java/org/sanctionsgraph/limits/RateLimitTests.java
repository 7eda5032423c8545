package org.sanctionsgraph.limits;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Per-client allowances: anonymous callers by address, analysts by key with a higher
 * allowance.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "sanctions.limits.anonymous-per-minute=5", "sanctions.limits.reader-per-minute=5",
				"sanctions.limits.analyst-per-minute=12",
				"sanctions.security.bootstrap-admin-key=" + RateLimitTests.ADMIN })
class RateLimitTests {

	static final String ADMIN = "sgk_rate-limit-test-admin-0123456789abcdefgh";

	private static final String QUERY = HttpClients.body("{ __typename }");

	@LocalServerPort
	int port;

	@Test
	void anonymousCallersGetTheirAllowanceThen429WithRetryAfter() throws Exception {
		for (int i = 0; i < 5; i++) {
			assertThat(HttpClients.postJson(this.port, QUERY).statusCode()).as("request %d", i + 1).isEqualTo(200);
		}
		HttpResponse<String> refused = HttpClients.postJson(this.port, QUERY);
		assertThat(refused.statusCode()).isEqualTo(429);
		assertThat(refused.headers().firstValue("Retry-After"))
			.hasValueSatisfying(seconds -> assertThat(Integer.parseInt(seconds)).isBetween(1, 60));
		assertThat(refused.body()).contains("RATE_LIMITED").contains("5 a minute");
	}

	@Test
	void anAnalystKeyHasAHigherAllowanceOfItsOwn() throws Exception {
		// the admin key (which includes ANALYST) is counted by key, apart from anonymous
		// callers
		for (int i = 0; i < 12; i++) {
			assertThat(HttpClients.postJson(this.port, QUERY, "Authorization", "Bearer " + ADMIN).statusCode())
				.as("request %d", i + 1)
				.isEqualTo(200);
		}
		assertThat(HttpClients.postJson(this.port, QUERY, "Authorization", "Bearer " + ADMIN).statusCode())
			.isEqualTo(429);
	}

}
