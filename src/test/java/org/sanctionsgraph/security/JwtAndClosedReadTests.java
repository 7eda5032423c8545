package org.sanctionsgraph.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.graphql.test.autoconfigure.tester.AutoConfigureHttpGraphQlTester;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.graphql.ResponseError;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

/**
 * A deployment that trusts an identity provider's JWTs (here: a test key pair standing in
 * for the provider) and requires a key or token even to read.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "spring.security.oauth2.resourceserver.jwt.public-key-location=classpath:jwt/test-public.pem",
				"spring.security.oauth2.resourceserver.jwt.audiences=" + TestTokens.AUDIENCE,
				"sanctions.security.jwt-issuer=" + TestTokens.ISSUER, "sanctions.security.require-key-for-reads=true" })
@AutoConfigureHttpGraphQlTester
class JwtAndClosedReadTests {

	@Autowired
	HttpGraphQlTester graphQl;

	@LocalServerPort
	int port;

	@Test
	void anonymousReadsAreRefusedWhenAKeyIsRequired() throws Exception {
		HttpResponse<String> response = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/graphql"))
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString("{\"query\":\"{ party(code: \\\"BY\\\") { name } }\"}"))
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(response.body()).doesNotContain("Belarus");
	}

	@Test
	void aReaderTokenReadsButCannotWrite() throws Exception {
		HttpGraphQlTester reader = withToken("reader@idp", List.of("READER"));
		reader.document("{ party(code: \"BY\") { name } }")
			.execute()
			.path("party.name")
			.entity(String.class)
			.isEqualTo("Belarus");
		reader.document("mutation { recordParty(input: { fields: { name: \"X\", kind: GROUP } }) { party { id } } }")
			.execute()
			.errors()
			.satisfy(errors -> assertThat(errors).singleElement()
				.extracting(ResponseError::getErrorType)
				.isEqualTo(ErrorType.FORBIDDEN));
	}

	@Test
	void anAnalystTokenWritesUnderItsUserName() throws Exception {
		HttpGraphQlTester analyst = withToken("analyst@idp", List.of("ANALYST"));
		String id = analyst.document("""
				mutation { recordParty(input: { fields: { name: "Group named by a token", kind: GROUP } }) {
				  party { id } userErrors { message } } }""")
			.execute()
			.path("recordParty.party.id")
			.entity(String.class)
			.get();
		analyst.document("query($id: ID!) { node(id: $id) { ... on Party { changes { edges { node { actor } } } } } }")
			.variable("id", id)
			.execute()
			.path("node.changes.edges[0].node.actor")
			.entity(String.class)
			.isEqualTo("jwt:" + TestTokens.ISSUER + ":analyst@idp");
	}

	@Test
	void aTokenFromAnotherIssuerKeyIsRejected() throws Exception {
		HttpResponse<String> response = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/graphql"))
				.header("Content-Type", "application/json")
				.header("Authorization", "Bearer " + tampered(token("x", List.of("ADMIN"))))
				.POST(HttpRequest.BodyPublishers.ofString("{\"query\":\"{ __typename }\"}"))
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).isEqualTo(401);
	}

	/** The token with one character of its signature changed. */
	private static String tampered(String token) {
		int at = token.lastIndexOf('.') + 10;
		char changed = token.charAt(at) == 'A' ? 'B' : 'A';
		return token.substring(0, at) + changed + token.substring(at + 1);
	}

	private HttpGraphQlTester withToken(String user, List<String> roles) throws Exception {
		return this.graphQl.mutate().header("Authorization", "Bearer " + token(user, roles)).build();
	}

	private static String token(String user, List<String> roles) throws Exception {
		return TestTokens.token(user, roles);
	}

}
