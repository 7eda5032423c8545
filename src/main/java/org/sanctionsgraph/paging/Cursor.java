package org.sanctionsgraph.paging;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.sanctionsgraph.graphql.BadArgumentException;

/** A keyset position in a list: the sort key and id of one item, opaque to clients. */
public record Cursor(String sortKey, String id) {

	private static final char SEPARATOR = '\u0001';

	public static Cursor of(Sortable item) {
		return new Cursor(item.sortKey(), item.id());
	}

	public String encode() {
		String raw = "c" + sortKey + SEPARATOR + id;
		return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
	}

	static Cursor decode(String argument, String encoded) {
		String raw;
		try {
			raw = new String(Base64.getUrlDecoder().decode(encoded), StandardCharsets.UTF_8);
		}
		catch (IllegalArgumentException ex) {
			throw notACursor(argument);
		}
		int split = raw.indexOf(SEPARATOR);
		if (!raw.startsWith("c") || split < 0 || split == raw.length() - 1) {
			throw notACursor(argument);
		}
		return new Cursor(raw.substring(1, split), raw.substring(split + 1));
	}

	private static BadArgumentException notACursor(String argument) {
		return new BadArgumentException(argument, "not a cursor returned by this API");
	}

}
