package org.sanctionsgraph.paging;

import org.sanctionsgraph.graphql.BadArgumentException;

/**
 * The Relay paging arguments of one connection field, validated: at most one of
 * {@code first} and {@code last}, each between 0 and {@value #MAX}; cursors that this API
 * issued.
 */
public record PageArgs(int size, boolean backward, Cursor after, Cursor before, SortDirection direction) {

	public static final int MAX = 100;

	public static final int DEFAULT = 20;

	public static PageArgs of(Integer first, String after, Integer last, String before, SortDirection direction) {
		if (first != null && last != null) {
			throw new BadArgumentException("last", "cannot be combined with 'first'; page forward or backward");
		}
		check("first", first);
		check("last", last);
		int size = first != null ? first : last != null ? last : DEFAULT;
		return new PageArgs(size, last != null, after == null ? null : Cursor.decode("after", after),
				before == null ? null : Cursor.decode("before", before),
				direction == null ? SortDirection.ASC : direction);
	}

	private static void check(String name, Integer value) {
		if (value != null && (value < 0 || value > MAX)) {
			throw new BadArgumentException(name, "must be between 0 and " + MAX + ", got " + value);
		}
	}

	/**
	 * Whether items are fetched in ascending key order (the display order, reversed for
	 * backward pages).
	 */
	boolean fetchAscending() {
		return (direction == SortDirection.ASC) != backward;
	}

}
