package org.sanctionsgraph.webhook;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;

import org.springframework.stereotype.Component;

/**
 * POSTs one signed delivery. Hardened for URLs an attacker might have steered: redirects
 * are not followed (a 3xx is a failed attempt), connecting and waiting for the answer are
 * bounded, and at most {@value #READ_LIMIT} bytes of the answer are read before the
 * connection is dropped.
 */
@Component
class WebhookSender {

	static final int READ_LIMIT = 1024;

	private final HttpClient client;

	private final Duration readTimeout;

	private final Clock clock;

	WebhookSender(WebhookProperties properties, Clock clock) {
		this.client = HttpClient.newBuilder()
			.followRedirects(HttpClient.Redirect.NEVER)
			.connectTimeout(properties.connectTimeout())
			.version(HttpClient.Version.HTTP_1_1)
			.build();
		this.readTimeout = properties.readTimeout();
		this.clock = clock;
	}

	/** Why the delivery failed, or null when the receiver answered 2xx. */
	String send(String url, String secret, String cursor, byte[] body) throws InterruptedException {
		long timestamp = this.clock.instant().getEpochSecond();
		HttpRequest request = HttpRequest.newBuilder(URI.create(url))
			.timeout(this.readTimeout)
			.header("Content-Type", "application/json")
			.header("User-Agent", "sanctions-graph-webhooks")
			.header(WebhookSignature.TIMESTAMP_HEADER, Long.toString(timestamp))
			.header(WebhookSignature.SIGNATURE_HEADER, WebhookSignature.sign(secret, timestamp, body))
			.header(WebhookSignature.CURSOR_HEADER, cursor)
			.POST(HttpRequest.BodyPublishers.ofByteArray(body))
			.build();
		try {
			HttpResponse<InputStream> response = this.client.send(request, HttpResponse.BodyHandlers.ofInputStream());
			try (InputStream answer = response.body()) {
				answer.readNBytes(READ_LIMIT);
			}
			int status = response.statusCode();
			return status >= 200 && status < 300 ? null : "the receiver answered HTTP " + status;
		}
		catch (IOException ex) {
			return "could not deliver: " + ex.getClass().getSimpleName()
					+ (ex.getMessage() == null ? "" : " (" + ex.getMessage() + ")");
		}
	}

}
