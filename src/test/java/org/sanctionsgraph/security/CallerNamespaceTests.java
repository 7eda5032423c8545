package org.sanctionsgraph.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.sanctionsgraph.limits.LimitsProperties;
import org.sanctionsgraph.limits.RateBuckets;
import org.sanctionsgraph.limits.RateLimitFilter;

import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * A key and a token user of the same name are different callers, rate-limit buckets
 * included.
 */
class CallerNamespaceTests {

	private static final String ISSUER = "https://idp.test";

	private static final SecurityProperties PROPERTIES = new SecurityProperties(false, null, "roles", ISSUER);

	@AfterEach
	void signOut() {
		SecurityContextHolder.clearContext();
	}

	@Test
	void namesSayHowTheCallerSignedIn() {
		assertThat(key("alice").getName()).isEqualTo("key:alice");
		assertThat(token("alice", true).getName()).isEqualTo("jwt:https://idp.test:alice");
		// without a user name the subject stands in
		assertThat(token("alice", false).getName()).isEqualTo("jwt:https://idp.test:subject-alice");
		assertThat(Actor.kind("key:alice")).isEqualTo("key");
		assertThat(Actor.kind("jwt:https://idp.test:alice")).isEqualTo("jwt");
		assertThat(Actor.kind("alice")).isNull();
		assertThat(Actor.kind("keyring:alice")).isNull();
	}

	@Test
	void aKeyAndATokenOfTheSameNameHaveTheirOwnRateLimitBuckets() throws Exception {
		RateLimitFilter filter = new RateLimitFilter(
				new LimitsProperties(10, 10, 10, 10, 10, 10, 10, Duration.ofSeconds(1), false, 1, 1, 1),
				RateBuckets.inMemory());
		assertThat(call(filter, key("alice"))).isEqualTo(200);
		assertThat(call(filter, key("alice"))).isEqualTo(429);
		assertThat(call(filter, token("alice", true))).isEqualTo(200);
		assertThat(call(filter, token("alice", true))).isEqualTo(429);
	}

	private static int call(RateLimitFilter filter, Authentication caller) throws Exception {
		SecurityContextHolder.getContext().setAuthentication(caller);
		MockHttpServletRequest request = new MockHttpServletRequest("POST", "/graphql");
		MockHttpServletResponse response = new MockHttpServletResponse();
		filter.doFilter(request, response, new MockFilterChain());
		return response.getStatus();
	}

	private static Authentication key(String name) {
		return new ApiKeyAuthentication(new ApiKey("id-" + name, name, List.of(Role.READER), "hash-" + name, "test",
				Instant.now(), null, null, null, null));
	}

	private static Authentication token(String user, boolean withUserName) {
		Jwt.Builder jwt = Jwt.withTokenValue("t")
			.header("alg", "RS256")
			.issuer(ISSUER)
			.subject("subject-" + user)
			.claim("roles", List.of("READER"));
		if (withUserName) {
			jwt.claim("preferred_username", user);
		}
		return SecurityConfiguration.authentication(jwt.build(), PROPERTIES);
	}

}
