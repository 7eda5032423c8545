package org.sanctionsgraph.graphql;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.regex.Pattern;

/**
 * Opaque global ids: the GraphQL type and the record's key, base64url-encoded, so clients
 * never see or depend on storage keys.
 */
public record GlobalId(String type, String key) {

	/**
	 * A type name as the features register them (Party, Measure); which ones exist is the
	 * registry's to say.
	 */
	private static final Pattern TYPE = Pattern.compile("[A-Z][A-Za-z]{0,39}");

	public static String encode(String type, String key) {
		return Base64.getUrlEncoder()
			.withoutPadding()
			.encodeToString((type + ":" + key).getBytes(StandardCharsets.UTF_8));
	}

	/** Decodes an id, naming the argument it came from when it is malformed. */
	public static GlobalId decode(String argument, String id) {
		String raw;
		try {
			raw = new String(Base64.getUrlDecoder().decode(id), StandardCharsets.UTF_8);
		}
		catch (IllegalArgumentException ex) {
			throw malformed(argument);
		}
		int split = raw.indexOf(':');
		if (split < 0 || split == raw.length() - 1 || !TYPE.matcher(raw.substring(0, split)).matches()) {
			throw malformed(argument);
		}
		return new GlobalId(raw.substring(0, split), raw.substring(split + 1));
	}

	/** Decodes an id that must refer to a record of the given type. */
	public static String decode(String argument, String id, String expectedType) {
		GlobalId global = decode(argument, id);
		if (!global.type().equals(expectedType)) {
			throw new BadArgumentException(argument,
					"refers to a " + global.type() + ", expected the id of a " + expectedType);
		}
		return global.key();
	}

	private static BadArgumentException malformed(String argument) {
		return new BadArgumentException(argument, "not an id issued by this API");
	}

}
