package org.sanctionsgraph.paging;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.sanctionsgraph.graphql.BadArgumentException;

/**
 * Cursors for lists ranked or merged on the fly (search hits, timelines), where a position counts
 * from the start of the list. The kind letter keeps one list's cursors out of another.
 */
public final class OffsetCursor {

	private OffsetCursor() {
	}

	public static String encode(char kind, int position) {
		return Base64.getUrlEncoder()
			.withoutPadding()
			.encodeToString((kind + Integer.toString(position)).getBytes(StandardCharsets.UTF_8));
	}

	/** The position a cursor stands for; a BAD_REQUEST error naming the argument when it is not one of ours. */
	public static int decode(String argument, char kind, String cursor) {
		try {
			String raw = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
			if (!raw.isEmpty() && raw.charAt(0) == kind) {
				int position = Integer.parseInt(raw.substring(1));
				if (position >= 0) {
					return position;
				}
			}
		}
		catch (IllegalArgumentException ex) {
			// reported below
		}
		throw new BadArgumentException(argument, "not a cursor returned by this list");
	}

}
