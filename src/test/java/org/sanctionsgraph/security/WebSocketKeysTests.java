package org.sanctionsgraph.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.util.List;

import org.sanctionsgraph.TransportWsClient;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.graphql.test.autoconfigure.tester.AutoConfigureHttpGraphQlTester;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

/**
 * Read rules on the GraphQL WebSocket of a deployment that requires a key to read (the
 * same settings as {@link JwtAndClosedReadTests}, so the context is shared): the key
 * comes in the connection_init payload, since browsers cannot send headers on a
 * WebSocket; without one, or with an unknown one, the connection is closed with 4401.
 * Spoken in the graphql-transport-ws protocol by the JDK's own WebSocket client.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "spring.security.oauth2.resourceserver.jwt.public-key-location=classpath:jwt/test-public.pem",
				"spring.security.oauth2.resourceserver.jwt.audiences=" + TestTokens.AUDIENCE,
				"sanctions.security.jwt-issuer=" + TestTokens.ISSUER, "sanctions.security.require-key-for-reads=true" })
@AutoConfigureHttpGraphQlTester
class WebSocketKeysTests {

	private static final long WAIT_SECONDS = 10;

	private static final String QUERY = """
			{"id":"1","type":"subscribe","payload":{"query":"{ party(code: \\"BY\\") { name } }"}}""";

	@Autowired
	HttpGraphQlTester graphQl;

	@LocalServerPort
	int port;

	/** Held by the test instance (see {@link TransportWsClient}). */
	private final HttpClient http = HttpClient.newHttpClient();

	@Test
	void aKeyInTheInitPayloadOpensTheConnectionForReads() throws Exception {
		String key = this.graphQl.mutate()
			.header("Authorization", "Bearer " + TestTokens.token("admin@idp", List.of("ADMIN")))
			.build()
			.document("mutation { issueApiKey(input: { name: \"socket reader\", roles: [READER] }) { secret } }")
			.execute()
			.path("issueApiKey.secret")
			.entity(String.class)
			.get();
		TransportWsClient socket = connect();
		socket.send("{\"type\":\"connection_init\",\"payload\":{\"Authorization\":\"Bearer " + key + "\"}}");
		assertThat(socket.next()).contains("\"connection_ack\"");
		socket.send(QUERY);
		assertThat(socket.next()).contains("\"next\"").contains("Belarus");
		assertThat(socket.next()).contains("\"complete\"");
		socket.close();
	}

	@Test
	void withoutAKeyTheConnectionIsClosedUnauthorized() throws Exception {
		TransportWsClient socket = connect();
		socket.send("{\"type\":\"connection_init\",\"payload\":{}}");
		assertThat(socket.awaitClose().code()).isEqualTo(4401);
		assertThat(socket.messages).noneMatch(message -> message.contains("connection_ack"));
	}

	@Test
	void anUnknownKeyIsClosedUnauthorized() throws Exception {
		TransportWsClient socket = connect();
		socket.send("{\"type\":\"connection_init\",\"payload\":{\"Authorization\":\"Bearer sgk_unknown\"}}");
		assertThat(socket.awaitClose().code()).isEqualTo(4401);
	}

	private TransportWsClient connect() throws Exception {
		return TransportWsClient.connect(this.http, this.port, WAIT_SECONDS);
	}

}
