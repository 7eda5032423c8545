package org.sanctionsgraph.paging;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * A Relay connection: one page of a list, with cursors and the size of the whole list.
 * Cursors are signed, which costs more than the rest of a small item, and most queries
 * ask for none, so a page's cursors are made when a query first asks for them.
 */
public record Connection<T>(List<Edge<T>> edges, PageInfo pageInfo, long totalCount) {

	/** One item with its cursor. */
	public static final class Edge<T> {

		private final T node;

		private final Supplier<String> encoder;

		private volatile String cursor;

		public Edge(String cursor, T node) {
			this.cursor = cursor;
			this.node = node;
			this.encoder = null;
		}

		/** An item whose cursor {@code encoder} makes when it is first asked for. */
		Edge(Supplier<String> encoder, T node) {
			this.node = node;
			this.encoder = encoder;
		}

		public String cursor() {
			String value = this.cursor;
			if (value == null && this.encoder != null) {
				// two threads may both make it: the value is the same
				value = this.encoder.get();
				this.cursor = value;
			}
			return value;
		}

		public T node() {
			return this.node;
		}

		@Override
		public boolean equals(Object other) {
			return other instanceof Edge<?> edge && Objects.equals(cursor(), edge.cursor())
					&& Objects.equals(this.node, edge.node);
		}

		@Override
		public int hashCode() {
			return Objects.hash(cursor(), this.node);
		}

		@Override
		public String toString() {
			return "Edge[cursor=" + cursor() + ", node=" + this.node + "]";
		}

	}

	/**
	 * Where the page sits in the list. Its cursors are those of the page's first and last
	 * edges, or given.
	 */
	public static final class PageInfo {

		private final boolean hasNextPage;

		private final boolean hasPreviousPage;

		private final Supplier<String> startCursor;

		private final Supplier<String> endCursor;

		public PageInfo(boolean hasNextPage, boolean hasPreviousPage, String startCursor, String endCursor) {
			this(hasNextPage, hasPreviousPage, () -> startCursor, () -> endCursor);
		}

		private PageInfo(boolean hasNextPage, boolean hasPreviousPage, Supplier<String> startCursor,
				Supplier<String> endCursor) {
			this.hasNextPage = hasNextPage;
			this.hasPreviousPage = hasPreviousPage;
			this.startCursor = startCursor;
			this.endCursor = endCursor;
		}

		/** The page info of {@code edges}, its cursors theirs. */
		static PageInfo of(boolean hasNextPage, boolean hasPreviousPage, List<? extends Edge<?>> edges) {
			return edges.isEmpty() ? new PageInfo(hasNextPage, hasPreviousPage, (String) null, null) : new PageInfo(
					hasNextPage, hasPreviousPage, edges.get(0)::cursor, edges.get(edges.size() - 1)::cursor);
		}

		public boolean hasNextPage() {
			return this.hasNextPage;
		}

		public boolean hasPreviousPage() {
			return this.hasPreviousPage;
		}

		public String startCursor() {
			return this.startCursor.get();
		}

		public String endCursor() {
			return this.endCursor.get();
		}

		@Override
		public boolean equals(Object other) {
			return other instanceof PageInfo info && this.hasNextPage == info.hasNextPage
					&& this.hasPreviousPage == info.hasPreviousPage && Objects.equals(startCursor(), info.startCursor())
					&& Objects.equals(endCursor(), info.endCursor());
		}

		@Override
		public int hashCode() {
			return Objects.hash(this.hasNextPage, this.hasPreviousPage, startCursor(), endCursor());
		}

		@Override
		public String toString() {
			return "PageInfo[hasNextPage=" + this.hasNextPage + ", hasPreviousPage=" + this.hasPreviousPage
					+ ", startCursor=" + startCursor() + ", endCursor=" + endCursor() + "]";
		}

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
			int position = offset + i + 1;
			edges.add(new Edge<>(() -> OffsetCursor.encode(kind, position), page.get(i)));
		}
		int end = offset + edges.size();
		return new Connection<>(edges, PageInfo.of(end < total && end < OffsetCursor.MAX_POSITION, offset > 0, edges),
				total);
	}

	static <T extends Sortable> Connection<T> of(List<T> fetched, PageArgs args, long totalCount) {
		boolean more = fetched.size() > args.size();
		List<T> page = more ? fetched.subList(0, args.size()) : fetched;
		if (args.backward()) {
			page = new ArrayList<>(page);
			Collections.reverse(page);
		}
		List<Edge<T>> edges = page.stream().map(item -> new Edge<>(() -> Cursor.of(item).encode(), item)).toList();
		boolean hasNext = args.backward() ? args.before() != null : more;
		boolean hasPrevious = args.backward() ? more : args.after() != null;
		return new Connection<>(edges, PageInfo.of(hasNext, hasPrevious, edges), totalCount);
	}

}
