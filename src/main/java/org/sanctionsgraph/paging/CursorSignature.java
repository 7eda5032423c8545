package org.sanctionsgraph.paging;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.stereotype.Component;

/**
 * Signs cursors (HMAC-SHA256) so clients cannot make up positions: a cursor is its
 * content and a signature, base64url-encoded. The key is
 * {@code sanctions.paging.cursor-secret} (at least 32 characters; set the same one on
 * every instance behind one address), or else one generated at start, in which case
 * cursors do not outlive the process.
 */
@Component
public class CursorSignature {

	static final int MIN_SECRET = 32;

	private static final int SIGNATURE_BYTES = 16;

	private static volatile SecretKeySpec key = generated();

	CursorSignature(PagingProperties properties) {
		String secret = properties.cursorSecret();
		if (secret != null && !secret.isEmpty()) {
			if (secret.length() < MIN_SECRET) {
				throw new IllegalStateException("sanctions.paging.cursor-secret must be at least " + MIN_SECRET
						+ " characters, got " + secret.length());
			}
			key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
		}
	}

	private static SecretKeySpec generated() {
		byte[] secret = new byte[32];
		new SecureRandom().nextBytes(secret);
		return new SecretKeySpec(secret, "HmacSHA256");
	}

	static String sign(String content) {
		byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
		byte[] signed = Arrays.copyOf(bytes, bytes.length + SIGNATURE_BYTES);
		System.arraycopy(signature(bytes), 0, signed, bytes.length, SIGNATURE_BYTES);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(signed);
	}

	/**
	 * The content of a cursor signed here, or null when it is not one (forged, altered,
	 * cut short).
	 */
	static String verify(String cursor) {
		byte[] signed;
		try {
			signed = Base64.getUrlDecoder().decode(cursor);
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
		if (signed.length <= SIGNATURE_BYTES) {
			return null;
		}
		byte[] content = Arrays.copyOf(signed, signed.length - SIGNATURE_BYTES);
		byte[] expected = signature(content);
		byte[] given = Arrays.copyOfRange(signed, content.length, signed.length);
		return MessageDigest.isEqual(expected, given) ? new String(content, StandardCharsets.UTF_8) : null;
	}

	private static byte[] signature(byte[] content) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(key);
			return Arrays.copyOf(mac.doFinal(content), SIGNATURE_BYTES);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HmacSHA256 is part of every Java runtime", ex);
		}
	}

}
