package org.sanctionsgraph.write;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A short, fixed-length digest of a canonical text, for unique keys and for comparing
 * inputs.
 */
public final class Fingerprint {

	private Fingerprint() {
	}

	/** The SHA-256 of the text's UTF-8 bytes, in hexadecimal. */
	public static String of(String text) {
		try {
			byte[] hash = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(hash);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("every Java runtime has SHA-256", ex);
		}
	}

}
