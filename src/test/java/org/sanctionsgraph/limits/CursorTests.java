package org.sanctionsgraph.limits;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Collections;
import java.util.List;

import org.sanctionsgraph.ApiTest;
import org.junit.jupiter.api.Test;
import org.sanctionsgraph.paging.Connection;
import org.sanctionsgraph.paging.OffsetCursor;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

/**
 * Cursors are signed and bounded: a made-up, altered, cut-short or foreign cursor is a
 * BAD_REQUEST naming the argument, and no cursor reaches deeper than the bound of a
 * ranked or merged list.
 */
@ApiTest
class CursorTests {

	private static final String PARTIES = "query($after: String, $before: String) { parties(first: 2, after: $after, before: $before) { edges { node { code } } pageInfo { endCursor } } }";

	private static final String SEARCH = "query($after: String) { search(query: \"Lukashenka\", first: 1, after: $after) { pageInfo { endCursor } } }";

	private static final String TIMELINE = "query($after: String) { timeline(parties: [\"BY\"], first: 2, after: $after) { pageInfo { endCursor } } }";

	@Autowired
	HttpGraphQlTester graphQl;

	@Test
	void aCursorTheApiGaveOutContinuesTheList() {
		List<String> first = codes(null);
		List<String> second = this.graphQl.document(PARTIES)
			.variable("after", cursor(PARTIES, "parties"))
			.execute()
			.path("parties.edges[*].node.code")
			.entityList(String.class)
			.get();
		assertThat(first).hasSize(2);
		assertThat(second).hasSize(2).doesNotContainAnyElementsOf(first);
	}

	@Test
	void madeUpCursorsAreRefused() {
		// the unsigned forms cursors had before: a sort key and id, or a position
		refused(PARTIES, "after", encode("cBY\u0001by"));
		refused(SEARCH, "after", encode("s5000"));
		refused(TIMELINE, "after", encode("t100000000"));
		refused(PARTIES, "after", "not a cursor at all");
		refused(PARTIES, "before", encode("c\u0001"));
	}

	@Test
	void alteredAndTruncatedCursorsAreRefused() {
		for (String[] list : new String[][] { { PARTIES, "parties" }, { SEARCH, "search" },
				{ TIMELINE, "timeline" } }) {
			String real = cursor(list[0], list[1]);
			char[] altered = real.toCharArray();
			altered[1] = altered[1] == 'A' ? 'B' : 'A';
			refused(list[0], "after", new String(altered));
			refused(list[0], "after", real.substring(0, real.length() - 2));
			refused(list[0], "after", real.substring(2));
		}
	}

	@Test
	void aCursorFromOneKindOfListIsRefusedByAnother() {
		String search = cursor(SEARCH, "search");
		String timeline = cursor(TIMELINE, "timeline");
		String parties = cursor(PARTIES, "parties");
		refused(TIMELINE, "after", search);
		refused(SEARCH, "after", timeline);
		refused(SEARCH, "after", parties);
		refused(PARTIES, "after", search);
		refused(PARTIES, "before", timeline);
	}

	@Test
	void aSignedPositionBeyondTheBoundIsRefused() {
		// signed with this process's key, as only the API could, yet deeper than any page
		// reaches
		refused(SEARCH, "after", OffsetCursor.encode('s', OffsetCursor.MAX_POSITION + 1));
		refused(TIMELINE, "after", OffsetCursor.encode('t', Integer.MAX_VALUE));
		this.graphQl.document(TIMELINE)
			.variable("after", OffsetCursor.encode('t', OffsetCursor.MAX_POSITION))
			.execute()
			.errors()
			.verify();
	}

	@Test
	void rankedListsGiveOutNoCursorBeyondTheBound() {
		List<Integer> items = Collections.nCopies(100, 1);
		Connection<Integer> nearEnd = Connection.atOffset(items, OffsetCursor.MAX_POSITION - 30, 5000, 's');
		assertThat(nearEnd.edges()).hasSize(30);
		assertThat(nearEnd.pageInfo().hasNextPage()).isFalse();
		assertThat(OffsetCursor.decode("after", 's', nearEnd.pageInfo().endCursor()))
			.isEqualTo(OffsetCursor.MAX_POSITION);
		Connection<Integer> before = Connection.atOffset(items, 0, 5000, 's');
		assertThat(before.edges()).hasSize(100);
		assertThat(before.pageInfo().hasNextPage()).isTrue();
	}

	private List<String> codes(String after) {
		return this.graphQl.document(PARTIES)
			.variable("after", after)
			.execute()
			.path("parties.edges[*].node.code")
			.entityList(String.class)
			.get();
	}

	private String cursor(String document, String field) {
		return this.graphQl.document(document).execute().path(field + ".pageInfo.endCursor").entity(String.class).get();
	}

	private void refused(String document, String argument, String cursor) {
		this.graphQl.document(document).variable(argument, cursor).execute().errors().satisfy(errors -> {
			assertThat(errors).as(cursor).singleElement().satisfies(error -> {
				assertThat(error.getErrorType().toString()).isEqualTo("BAD_REQUEST");
				assertThat(error.getMessage()).contains("'" + argument + "'");
				assertThat(error.getExtensions()).containsEntry("argument", argument);
			});
		});
	}

	private static String encode(String raw) {
		return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
	}

}
