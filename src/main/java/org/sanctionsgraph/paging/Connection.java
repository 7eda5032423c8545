package org.sanctionsgraph.paging;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A Relay connection: one page of a list, with cursors and the size of the whole list.
 */
public record Connection<T>(List<Edge<T>> edges, PageInfo pageInfo, long totalCount) {

	/** One item with its cursor. */
	public record Edge<T>(String cursor, T node) {
	}

	/** Where the page sits in the list. */
	public record PageInfo(boolean hasNextPage, boolean hasPreviousPage, String startCursor, String endCursor) {
	}

	public List<T> nodes() {
		return edges.stream().map(Edge::node).toList();
	}

	/**
	 * A page of a list ranked or merged on the fly: the items from {@code offset} on,
	 * with offset cursors, up to the {@value OffsetCursor#MAX_POSITION}th item of the
	 * list.
	 */
	public static <T> Connection<T> atOffset(List<T> page, int offset, long total, char kind) {
		List<Edge<T>> edges = new ArrayList<>();
		for (int i = 0; i < page.size() && offset + i < OffsetCursor.MAX_POSITION; i++) {
			edges.add(new Edge<>(OffsetCursor.encode(kind, offset + i + 1), page.get(i)));
		}
		int end = offset + edges.size();
		PageInfo info = new PageInfo(end < total && end < OffsetCursor.MAX_POSITION, offset > 0,
				edges.isEmpty() ? null : edges.get(0).cursor(),
				edges.isEmpty() ? null : edges.get(edges.size() - 1).cursor());
		return new Connection<>(edges, info, total);
	}

	static <T extends Sortable> Connection<T> of(List<T> fetched, PageArgs args, long totalCount) {
		boolean more = fetched.size() > args.size();
		List<T> page = more ? fetched.subList(0, args.size()) : fetched;
		if (args.backward()) {
			page = new ArrayList<>(page);
			Collections.reverse(page);
		}
		List<Edge<T>> edges = page.stream().map(item -> new Edge<>(Cursor.of(item).encode(), item)).toList();
		boolean hasNext = args.backward() ? args.before() != null : more;
		boolean hasPrevious = args.backward() ? more : args.after() != null;
		PageInfo info = new PageInfo(hasNext, hasPrevious, edges.isEmpty() ? null : edges.get(0).cursor(),
				edges.isEmpty() ? null : edges.get(edges.size() - 1).cursor());
		return new Connection<>(edges, info, totalCount);
	}

}
