package org.sanctionsgraph.paging;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A page's cursors are signed when a query first asks for them, and read back as the same
 * cursors the list would have given out at once.
 */
class ConnectionTests {

	record Item(String id, String sortKey) implements Sortable {
	}

	private static final List<Item> FETCHED = List.of(new Item("a", "2021-01-01"), new Item("b", "2021-02-01"),
			new Item("c", "2021-03-01"));

	@Test
	void aKeysetPagesCursorsAreTheItemsSignedPositionsAndTheEndsAreTheFirstAndLastEdges() {
		Connection<Item> page = Connection.of(FETCHED, PageArgs.of(2, null, null, null, SortDirection.ASC), 3);

		assertThat(page.edges()).extracting(Connection.Edge::cursor)
			.containsExactly(Cursor.of(FETCHED.get(0)).encode(), Cursor.of(FETCHED.get(1)).encode());
		assertThat(Cursor.decode("after", page.pageInfo().endCursor())).isEqualTo(Cursor.of(FETCHED.get(1)));
		assertThat(page.pageInfo().startCursor()).isEqualTo(page.edges().get(0).cursor());
		assertThat(page.pageInfo().hasNextPage()).isTrue();
		assertThat(page.pageInfo().hasPreviousPage()).isFalse();
	}

	@Test
	void anOffsetPagesCursorsCountFromTheListsStart() {
		Connection<Item> page = Connection.atOffset(FETCHED, 10, 40, 's');

		assertThat(page.edges()).extracting(Connection.Edge::cursor)
			.containsExactly(OffsetCursor.encode('s', 11), OffsetCursor.encode('s', 12), OffsetCursor.encode('s', 13));
		assertThat(page.pageInfo().startCursor()).isEqualTo(OffsetCursor.encode('s', 11));
		assertThat(page.pageInfo().endCursor()).isEqualTo(OffsetCursor.encode('s', 13));
		assertThat(page.pageInfo().hasPreviousPage()).isTrue();
	}

	@Test
	void aCursorIsMadeOnlyWhenAskedForAndThenOnce() {
		AtomicInteger made = new AtomicInteger();
		Connection.Edge<Item> edge = new Connection.Edge<>(() -> "cursor-" + made.incrementAndGet(), FETCHED.get(0));
		Connection.PageInfo info = Connection.PageInfo.of(false, false, List.of(edge));

		assertThat(edge.node()).isEqualTo(FETCHED.get(0));
		assertThat(made).hasValue(0);
		assertThat(info.endCursor()).isEqualTo("cursor-1");
		assertThat(edge.cursor()).isEqualTo("cursor-1");
		assertThat(info.startCursor()).isEqualTo("cursor-1");
		assertThat(made).hasValue(1);
	}

	@Test
	void anEmptyPageHasNoCursors() {
		Connection<Item> page = Connection.of(List.of(), PageArgs.of(2, null, null, null, SortDirection.ASC), 0);

		assertThat(page.pageInfo().startCursor()).isNull();
		assertThat(page.pageInfo().endCursor()).isNull();
	}

}
