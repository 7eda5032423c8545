package org.sanctionsgraph.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.graphql.test.tester.HttpGraphQlTester;

/**
 * Who a caller is: only tokens minted for this API by the trusted issuer count, and a key
 * and a token can never pass for each other, in the audit trail or in idempotency scopes.
 * Who made a change is shown by name to analysts only.
 */
class IdentityTests extends SecuredDeployment {

	private static final String WHO_AM_I = "{\"query\":\"mutation { recordParty(input: { fields: { name: \\\"Probe\\\", kind: GROUP } }) { party { id } } }\"}";

	private static final String CHANGES = "query($id: ID!) { node(id: $id) { ... on Party { changes { nodes { actor } } } } }";

	@Test
	void aTokenForThisApiFromTheTrustedIssuerIsAccepted() throws Exception {
		HttpResponse<String> response = post(TestTokens.token("fine@idp", List.of("READER")),
				"{\"query\":\"{ __typename }\"}");
		assertThat(response.statusCode()).isEqualTo(200);
	}

	@Test
	void aTokenMintedForAnotherApplicationGetsNoRights() throws Exception {
		String otherAudience = TestTokens.token(TestTokens.ISSUER, "another-application", "admin@idp",
				List.of("ADMIN"));
		assertRefused(otherAudience);
		assertRefused(TestTokens.token(TestTokens.ISSUER, null, "admin@idp", List.of("ADMIN")));
	}

	@Test
	void aTokenFromAnotherIssuerGetsNoRights() throws Exception {
		// signed with the trusted key, so only the issuer check can refuse it
		assertRefused(TestTokens.token("https://evil.test/realms/sanctions", TestTokens.AUDIENCE, "admin@idp",
				List.of("ADMIN")));
		assertRefused(TestTokens.token(null, TestTokens.AUDIENCE, "admin@idp", List.of("ADMIN")));
	}

	private void assertRefused(String token) throws Exception {
		HttpResponse<String> response = post(token, WHO_AM_I);
		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(response.body()).doesNotContain("\"party\"");
	}

	@Test
	void aTokenUserNamedLikeAKeyIsAnotherActorWithAnotherIdempotencyScope() throws Exception {
		String name = "alice " + System.nanoTime();
		HttpGraphQlTester key = as(issue(name, "ANALYST"));
		HttpGraphQlTester token = asToken(name, "ANALYST");
		String byKey = recordParty(key, "Group recorded with a key", "same-key");
		String byToken = recordParty(token, "Group recorded with a token", "same-key");
		assertThat(byToken).isNotNull().isNotEqualTo(byKey);
		// each caller's own repeat still finds its own first answer
		assertThat(recordParty(key, "Group recorded with a key", "same-key")).isEqualTo(byKey);
		assertThat(recordParty(token, "Group recorded with a token", "same-key")).isEqualTo(byToken);

		HttpGraphQlTester analyst = as(issue("history reader " + System.nanoTime(), "ANALYST"));
		assertThat(actors(analyst, byKey)).containsExactly("key:" + name);
		assertThat(actors(analyst, byToken)).containsExactly("jwt:" + TestTokens.ISSUER + ":" + name);
	}

	@Test
	void aKeyNamedLikeATokenActorIsStillAKey() throws Exception {
		String user = "bob " + System.nanoTime();
		String tokenActor = "jwt:" + TestTokens.ISSUER + ":" + user;
		HttpGraphQlTester key = as(issue(tokenActor, "ANALYST"));
		String byKey = recordParty(key, "Group recorded by a key named like a token", "k-" + user);
		String byToken = recordParty(asToken(user, "ANALYST"), "Group recorded by the token", "k-" + user);
		assertThat(byToken).isNotEqualTo(byKey);
		HttpGraphQlTester analyst = asToken("auditor", "ANALYST");
		assertThat(actors(analyst, byKey)).containsExactly("key:" + tokenActor);
		assertThat(actors(analyst, byToken)).containsExactly(tokenActor);
	}

	@Test
	void onlyAnalystsAndAboveSeeWhoMadeAChange() throws Exception {
		String name = "carol " + System.nanoTime();
		String byKey = recordParty(as(issue(name, "ANALYST")), "Group whose author is private", null);
		String byToken = recordParty(asToken(name, "ANALYST"), "Another group whose author is private", null);

		for (HttpGraphQlTester unprivileged : List.of(this.graphQl, as(issue("reader " + name, "READER")),
				asToken("reader@idp", "READER"))) {
			assertThat(actors(unprivileged, byKey)).containsExactly("key");
			assertThat(actors(unprivileged, byToken)).containsExactly("jwt");
		}
		for (HttpGraphQlTester privileged : List.of(as(issue("analyst " + name, "ANALYST")),
				asToken("analyst@idp", "ANALYST"), admin())) {
			assertThat(actors(privileged, byKey)).containsExactly("key:" + name);
			assertThat(actors(privileged, byToken)).containsExactly("jwt:" + TestTokens.ISSUER + ":" + name);
		}
	}

	private static String recordParty(HttpGraphQlTester caller, String name, String idempotencyKey) {
		return caller.document("""
				mutation($name: String!, $key: String) {
				  recordParty(input: { fields: { name: $name, kind: GROUP }, idempotencyKey: $key }) {
				    party { id } userErrors { field message code } } }""")
			.variable("name", name)
			.variable("key", idempotencyKey)
			.execute()
			.path("recordParty.userErrors")
			.entityList(Object.class)
			.hasSize(0)
			.path("recordParty.party.id")
			.entity(String.class)
			.get();
	}

	private static List<String> actors(HttpGraphQlTester reader, String id) {
		return reader.document(CHANGES)
			.variable("id", id)
			.execute()
			.path("node.changes.nodes[*].actor")
			.entityList(String.class)
			.get();
	}

}
