package org.sanctionsgraph.feed;

import org.sanctionsgraph.graphql.BadArgumentException;
import org.sanctionsgraph.paging.Cursor;
import org.sanctionsgraph.paging.PageArgs;
import org.sanctionsgraph.paging.SortDirection;

/**
 * The feed's cursors: a history entry's id, signed like every other cursor, and marked so
 * a cursor of another list is refused rather than read as a position in the feed.
 */
public final class FeedCursor {

	private static final String MARK = "feed";

	private FeedCursor() {
	}

	public static String encode(String historyId) {
		return new Cursor(MARK, historyId).encode();
	}

	/** The history entry id in a cursor, or null when there is none. */
	static String decode(String argument, String cursor) {
		if (cursor == null) {
			return null;
		}
		Cursor decoded = PageArgs.of(null, cursor, null, null, SortDirection.ASC).after();
		if (!MARK.equals(decoded.sortKey())) {
			throw new BadArgumentException(argument, "is a cursor of another list, not of the measure feed");
		}
		return decoded.id();
	}

}
