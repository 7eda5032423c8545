package org.sanctionsgraph.webhook;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A webhook receiver on loopback for the tests: it answers the first {@code failFirst}
 * requests with 503 and accepts the rest, keeping every request it got.
 */
final class Receiver implements AutoCloseable {

	/** One request as received: its signature headers and body. */
	record Request(String signature, String timestamp, String cursor, String contentType, byte[] body) {

		String text() {
			return new String(this.body, java.nio.charset.StandardCharsets.UTF_8);
		}

	}

	final List<Request> all = new CopyOnWriteArrayList<>();

	final BlockingQueue<Request> accepted = new LinkedBlockingQueue<>();

	private final AtomicInteger failuresLeft;

	private final HttpServer server;

	Receiver(int failFirst) throws IOException {
		this.failuresLeft = new AtomicInteger(failFirst);
		this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		this.server.createContext("/hook", this::handle);
		this.server.start();
	}

	String url() {
		return "http://127.0.0.1:" + this.server.getAddress().getPort() + "/hook";
	}

	private void handle(HttpExchange exchange) throws IOException {
		Map<String, List<String>> headers = exchange.getRequestHeaders();
		Request request = new Request(first(headers, "X-Sanctions-Signature"), first(headers, "X-Sanctions-Timestamp"),
				first(headers, "X-Sanctions-Cursor"), first(headers, "Content-Type"),
				exchange.getRequestBody().readAllBytes());
		this.all.add(request);
		boolean fail = this.failuresLeft.getAndDecrement() > 0;
		exchange.sendResponseHeaders(fail ? 503 : 204, -1);
		exchange.close();
		if (!fail) {
			this.accepted.add(request);
		}
	}

	/** The next accepted request, waited for at most 30 s. */
	Request next() throws InterruptedException {
		return this.accepted.poll(30, TimeUnit.SECONDS);
	}

	private static String first(Map<String, List<String>> headers, String name) {
		List<String> values = headers.get(name);
		return values == null || values.isEmpty() ? null : values.get(0);
	}

	@Override
	public void close() {
		this.server.stop(0);
	}

}
