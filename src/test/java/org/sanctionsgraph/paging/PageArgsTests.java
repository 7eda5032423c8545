package org.sanctionsgraph.paging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.sanctionsgraph.graphql.BadArgumentException;

class PageArgsTests {

	@Test
	void defaultsToTwentyForward() {
		PageArgs args = PageArgs.of(null, null, null, null, null);
		assertThat(args.size()).isEqualTo(20);
		assertThat(args.backward()).isFalse();
		assertThat(args.fetchAscending()).isTrue();
	}

	@Test
	void backwardPagesFetchInReverse() {
		assertThat(PageArgs.of(null, null, 5, null, SortDirection.ASC).fetchAscending()).isFalse();
		assertThat(PageArgs.of(null, null, 5, null, SortDirection.DESC).fetchAscending()).isTrue();
	}

	@Test
	void limitsAndCursorsAreChecked() {
		assertThatThrownBy(() -> PageArgs.of(101, null, null, null, null)).isInstanceOf(BadArgumentException.class)
			.hasMessageContaining("'first'")
			.hasMessageContaining("101");
		assertThatThrownBy(() -> PageArgs.of(1, null, 1, null, null)).hasMessageContaining("'last'");
		assertThatThrownBy(() -> PageArgs.of(1, "%%%", null, null, null)).hasMessageContaining("'after'");
		assertThatThrownBy(() -> PageArgs.of(1, "bm9wZQ", null, null, null)).hasMessageContaining("'after'");
	}

	@Test
	void cursorsRoundTrip() {
		Cursor cursor = new Cursor("2021-06-24", "m-eu-sectoral-2021");
		assertThat(Cursor.decode("after", cursor.encode())).isEqualTo(cursor);
	}

}
