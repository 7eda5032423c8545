package org.sanctionsgraph;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A graphql-transport-ws client by hand, on the JDK's WebSocket client, for tests that
 * look at what the server does to the connection itself: the messages received, in order,
 * and the close code and reason once closed.
 *
 * <p>
 * Give it an {@link HttpClient} the test instance holds: a client nothing refers to any
 * more may be collected while a test waits for a close code (a local variable is not
 * enough, the compiler may drop it after its last use), and its collection closes its
 * connections abruptly (1006).
 */
public final class TransportWsClient implements WebSocket.Listener {

	/** How the server closed the connection. */
	public record Close(int code, String reason) {
	}

	public final BlockingQueue<String> messages = new LinkedBlockingQueue<>();

	public final CompletableFuture<Close> closed = new CompletableFuture<>();

	private final StringBuilder partial = new StringBuilder();

	private final long waitSeconds;

	private WebSocket socket;

	private TransportWsClient(long waitSeconds) {
		this.waitSeconds = waitSeconds;
	}

	/** Opens a connection to the app's GraphQL WebSocket. */
	public static TransportWsClient connect(HttpClient http, int port, long waitSeconds) throws Exception {
		TransportWsClient client = new TransportWsClient(waitSeconds);
		client.socket = http.newWebSocketBuilder()
			.subprotocols("graphql-transport-ws")
			.buildAsync(URI.create("ws://127.0.0.1:" + port + "/graphql"), client)
			.get(waitSeconds, TimeUnit.SECONDS);
		return client;
	}

	public void send(String text) throws Exception {
		this.socket.sendText(text, true).get(this.waitSeconds, TimeUnit.SECONDS);
	}

	/** The next message, which must come within the wait. */
	public String next() throws InterruptedException {
		String message = this.messages.poll(this.waitSeconds, TimeUnit.SECONDS);
		assertThat(message).as("a message within " + this.waitSeconds + " s").isNotNull();
		return message;
	}

	/** How the server closed the connection, which it must do within the wait. */
	public Close awaitClose() throws Exception {
		return this.closed.get(this.waitSeconds, TimeUnit.SECONDS);
	}

	public void close() throws Exception {
		this.socket.sendClose(WebSocket.NORMAL_CLOSURE, "done").get(this.waitSeconds, TimeUnit.SECONDS);
	}

	@Override
	public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
		this.partial.append(data);
		if (last) {
			this.messages.add(this.partial.toString());
			this.partial.setLength(0);
		}
		webSocket.request(1);
		return null;
	}

	@Override
	public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
		this.closed.complete(new Close(statusCode, reason));
		return null;
	}

	@Override
	public void onError(WebSocket webSocket, Throwable error) {
		this.closed.completeExceptionally(error);
	}

}
