package org.sanctionsgraph.paging;

import org.sanctionsgraph.graphql.BadArgumentException;

/**
 * Cursors for lists ranked or merged on the fly (search hits, timelines), where a
 * position counts from the start of the list. Signed ({@link CursorSignature}); the kind
 * letter keeps one list's cursors out of another, and no position lies beyond
 * {@value #MAX_POSITION}, so no cursor asks for a read deeper than that.
 */
public final class OffsetCursor {

	/** How far into a ranked or merged list pages reach. */
	public static final int MAX_POSITION = 1000;

	private OffsetCursor() {
	}

	public static String encode(char kind, int position) {
		return CursorSignature.sign(kind + Integer.toString(position));
	}

	/**
	 * The position a cursor stands for; a BAD_REQUEST error naming the argument when it
	 * is not one of ours.
	 */
	public static int decode(String argument, char kind, String cursor) {
		String raw = CursorSignature.verify(cursor);
		if (raw != null && !raw.isEmpty() && raw.charAt(0) == kind) {
			try {
				int position = Integer.parseInt(raw.substring(1));
				if (position >= 0 && position <= MAX_POSITION) {
					return position;
				}
			}
			catch (NumberFormatException ex) {
				// reported below
			}
		}
		throw new BadArgumentException(argument, "not a cursor returned by this list");
	}

}
