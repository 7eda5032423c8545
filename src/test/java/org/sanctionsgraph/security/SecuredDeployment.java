package org.sanctionsgraph.security;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.sanctionsgraph.MovableClock;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.graphql.test.autoconfigure.tester.AutoConfigureHttpGraphQlTester;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

/**
 * One running deployment shared by the identity tests: a bootstrap ADMIN key, JWTs from
 * the test identity provider (audience and issuer required), and a clock the tests move
 * by hand.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "sanctions.security.bootstrap-admin-key=" + SecuredDeployment.ADMIN_SECRET,
				"spring.security.oauth2.resourceserver.jwt.public-key-location=classpath:jwt/test-public.pem",
				"spring.security.oauth2.resourceserver.jwt.audiences=" + TestTokens.AUDIENCE,
				"sanctions.security.jwt-issuer=" + TestTokens.ISSUER, "sanctions.limits.anonymous-per-minute=1000000",
				"sanctions.limits.reader-per-minute=1000000", "sanctions.limits.analyst-per-minute=1000000" })
@AutoConfigureHttpGraphQlTester
@Import(SecuredDeployment.Clocks.class)
abstract class SecuredDeployment {

	static final String ADMIN_SECRET = "sgk_identity-test-bootstrap-admin-0123456789abcdef";

	@Autowired
	HttpGraphQlTester graphQl;

	@Autowired
	MovableClock clock;

	@LocalServerPort
	int port;

	HttpGraphQlTester as(String bearer) {
		return this.graphQl.mutate().header("Authorization", "Bearer " + bearer).build();
	}

	HttpGraphQlTester asToken(String user, String... roles) throws Exception {
		return as(TestTokens.token(user, List.of(roles)));
	}

	HttpGraphQlTester admin() {
		return as(ADMIN_SECRET);
	}

	/** Issues a key with the bootstrap admin key and returns its secret. */
	String issue(String name, String role) {
		return admin().document(
				"mutation($name: String!, $role: Role!) { issueApiKey(input: { name: $name, roles: [$role] }) { secret } }")
			.variable("name", name)
			.variable("role", role)
			.execute()
			.path("issueApiKey.secret")
			.entity(String.class)
			.get();
	}

	HttpResponse<String> post(String bearer, String body) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/graphql"))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body));
		if (bearer != null) {
			request.header("Authorization", "Bearer " + bearer);
		}
		return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class Clocks {

		@Bean
		@Primary
		MovableClock movableClock() {
			// to the millisecond, as MongoDB stores times
			return new MovableClock(Instant.now().truncatedTo(ChronoUnit.MILLIS));
		}

	}

}
