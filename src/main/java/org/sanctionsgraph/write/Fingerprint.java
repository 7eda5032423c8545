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

	/**
	 * A digest to copy: looking the algorithm up costs more than hashing a short text,
	 * and every read of a measure hashes one.
	 */
	private static final MessageDigest SHA_256;

	static {
		try {
			SHA_256 = MessageDigest.getInstance("SHA-256");
			SHA_256.clone();
		}
		catch (NoSuchAlgorithmException | CloneNotSupportedException ex) {
			throw new IllegalStateException("every Java runtime has a SHA-256 that can be copied", ex);
		}
	}

	private static final HexFormat HEX = HexFormat.of();

	private Fingerprint() {
	}

	/** The SHA-256 of the text's UTF-8 bytes, in hexadecimal. */
	public static String of(String text) {
		MessageDigest digest;
		try {
			digest = (MessageDigest) SHA_256.clone();
		}
		catch (CloneNotSupportedException ex) {
			throw new IllegalStateException("checked when the class was loaded", ex);
		}
		return HEX.formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
	}

}
