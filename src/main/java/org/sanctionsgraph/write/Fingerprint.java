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
	 * A digest to copy, or null where the runtime's SHA-256 cannot be copied: looking the
	 * algorithm up costs more than hashing a short text, and every read of a measure
	 * hashes one.
	 */
	private static final MessageDigest PROTOTYPE = prototype();

	private static final HexFormat HEX = HexFormat.of();

	private Fingerprint() {
	}

	/** The SHA-256 of the text's UTF-8 bytes, in hexadecimal. */
	public static String of(String text) {
		return HEX.formatHex(digest().digest(text.getBytes(StandardCharsets.UTF_8)));
	}

	private static MessageDigest digest() {
		try {
			return (PROTOTYPE != null) ? (MessageDigest) PROTOTYPE.clone() : MessageDigest.getInstance("SHA-256");
		}
		catch (CloneNotSupportedException | NoSuchAlgorithmException ex) {
			throw new IllegalStateException("every Java runtime has SHA-256", ex);
		}
	}

	private static MessageDigest prototype() {
		try {
			MessageDigest digest = MessageDigest.getInstance("SHA-256");
			digest.clone();
			return digest;
		}
		catch (CloneNotSupportedException | NoSuchAlgorithmException ex) {
			// some security providers' digests cannot be copied: look it up each time
			return null;
		}
	}

}
