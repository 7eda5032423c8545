package org.sanctionsgraph.webhook;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Webhook secrets and the signature of a delivery: HMAC-SHA256, keyed with the secret,
 * over the timestamp header's value, a full stop and the body's bytes, sent as
 * {@code sha256=<lower-case hex>}. Signing the timestamp with the body lets a receiver
 * refuse an old delivery replayed with a fresh timestamp.
 */
final class WebhookSignature {

	static final String SIGNATURE_HEADER = "X-Sanctions-Signature";

	static final String TIMESTAMP_HEADER = "X-Sanctions-Timestamp";

	static final String CURSOR_HEADER = "X-Sanctions-Cursor";

	private static final String PREFIX = "whsec_";

	private static final SecureRandom RANDOM = new SecureRandom();

	private WebhookSignature() {
	}

	/** A new secret: 256 random bits, URL-safe. */
	static String newSecret() {
		byte[] bytes = new byte[32];
		RANDOM.nextBytes(bytes);
		return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	static String sign(String secret, long timestamp, byte[] body) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
			mac.update((timestamp + ".").getBytes(StandardCharsets.US_ASCII));
			return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body));
		}
		catch (GeneralSecurityException ex) {
			// every Java runtime has HmacSHA256
			throw new IllegalStateException(ex);
		}
	}

}
