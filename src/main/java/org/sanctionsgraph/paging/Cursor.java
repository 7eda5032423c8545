package org.sanctionsgraph.paging;

import org.sanctionsgraph.graphql.BadArgumentException;

/**
 * A keyset position in a list: the sort key and id of one item, opaque to clients and
 * signed ({@link CursorSignature}), so a client can only continue from a position the API
 * gave out. A cursor moved to another list still reads at most one page.
 */
public record Cursor(String sortKey, String id) {

	private static final char SEPARATOR = '\u0001';

	public static Cursor of(Sortable item) {
		return new Cursor(item.sortKey(), item.id());
	}

	public String encode() {
		return CursorSignature.sign("c" + this.sortKey + SEPARATOR + this.id);
	}

	static Cursor decode(String argument, String encoded) {
		String raw = CursorSignature.verify(encoded);
		int split = raw == null ? -1 : raw.indexOf(SEPARATOR);
		if (split < 0 || !raw.startsWith("c") || split == raw.length() - 1) {
			throw new BadArgumentException(argument, "not a cursor returned by this API for this kind of list");
		}
		return new Cursor(raw.substring(1, split), raw.substring(split + 1));
	}

}
