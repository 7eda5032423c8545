package org.sanctionsgraph.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

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

	/**
	 * Held by the test instance, which lives as long as the test: a client nothing refers
	 * to any more may be collected while a test waits for a close code (a local variable
	 * is not enough, the compiler may drop it after its last use), and its collection
	 * closes its connections abruptly (1006).
	 */
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
		Socket socket = connect();
		socket.send("{\"type\":\"connection_init\",\"payload\":{\"Authorization\":\"Bearer " + key + "\"}}");
		assertThat(socket.next()).contains("\"connection_ack\"");
		socket.send(QUERY);
		assertThat(socket.next()).contains("\"next\"").contains("Belarus");
		assertThat(socket.next()).contains("\"complete\"");
		socket.socket.sendClose(WebSocket.NORMAL_CLOSURE, "done").get(WAIT_SECONDS, TimeUnit.SECONDS);
	}

	@Test
	void withoutAKeyTheConnectionIsClosedUnauthorized() throws Exception {
		Socket socket = connect();
		socket.send("{\"type\":\"connection_init\",\"payload\":{}}");
		assertThat(socket.closed.get(WAIT_SECONDS, TimeUnit.SECONDS)).isEqualTo(4401);
		assertThat(socket.received).noneMatch(message -> message.contains("connection_ack"));
	}

	@Test
	void anUnknownKeyIsClosedUnauthorized() throws Exception {
		Socket socket = connect();
		socket.send("{\"type\":\"connection_init\",\"payload\":{\"Authorization\":\"Bearer sgk_unknown\"}}");
		assertThat(socket.closed.get(WAIT_SECONDS, TimeUnit.SECONDS)).isEqualTo(4401);
	}

	private Socket connect() throws Exception {
		Socket socket = new Socket();
		socket.socket = this.http.newWebSocketBuilder()
			.subprotocols("graphql-transport-ws")
			.buildAsync(URI.create("ws://127.0.0.1:" + this.port + "/graphql"), socket)
			.get(WAIT_SECONDS, TimeUnit.SECONDS);
		return socket;
	}

	/** One connection: the messages received, and the close code once closed. */
	static final class Socket implements WebSocket.Listener {

		final BlockingQueue<String> received = new LinkedBlockingQueue<>();

		final CompletableFuture<Integer> closed = new CompletableFuture<>();

		WebSocket socket;

		private final StringBuilder partial = new StringBuilder();

		void send(String text) throws Exception {
			this.socket.sendText(text, true).get(WAIT_SECONDS, TimeUnit.SECONDS);
		}

		String next() throws InterruptedException {
			String message = this.received.poll(WAIT_SECONDS, TimeUnit.SECONDS);
			assertThat(message).as("a message within " + WAIT_SECONDS + " s").isNotNull();
			return message;
		}

		@Override
		public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
			this.partial.append(data);
			if (last) {
				this.received.add(this.partial.toString());
				this.partial.setLength(0);
			}
			webSocket.request(1);
			return null;
		}

		@Override
		public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
			this.closed.complete(statusCode);
			return null;
		}

		@Override
		public void onError(WebSocket webSocket, Throwable error) {
			this.closed.completeExceptionally(error);
		}

	}

}
