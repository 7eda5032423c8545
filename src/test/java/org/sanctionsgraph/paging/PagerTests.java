package org.sanctionsgraph.paging;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Criteria;

/**
 * Keyset paging and nested paging without a Spring context: a hand-built MongoTemplate on
 * an in-memory mongo-java-server. Sort keys repeat on purpose (five items share each
 * key), so every page boundary falls inside a tie that only the id can break. The
 * expected orders are sorted here from the fixture, independently of the pager.
 */
class PagerTests {

	/**
	 * A pageable document; {@code parents} holds the ids of the parents it is listed
	 * under.
	 */
	@Document("items")
	record Item(@Id String id, String sortKey, List<String> parents, String colour) implements Sortable {
	}

	private static final Comparator<Item> DISPLAY_ORDER = Comparator.comparing(Item::sortKey).thenComparing(Item::id);

	private static MongoServer server;

	private static MongoClient client;

	private static Pager pager;

	/**
	 * 30 items: keys k0..k5 five times each; parents p1 (all), p2 (even numbers), p3
	 * (every third).
	 */
	private static final List<Item> ITEMS = new ArrayList<>();

	@BeforeAll
	static void start() {
		server = new MongoServer(new MemoryBackend());
		client = MongoClients.create("mongodb://" + hostAndPort(server));
		MongoTemplate mongo = new MongoTemplate(client, "paging");
		for (int i = 0; i < 30; i++) {
			List<String> parents = new ArrayList<>(List.of("p1"));
			if (i % 2 == 0) {
				parents.add("p2");
			}
			if (i % 3 == 0) {
				parents.add("p3");
			}
			// ids not in key order, so the id order inside a tie differs from the
			// insertion order
			Item item = new Item("item-%02d".formatted((i * 7) % 30), "k" + (i % 6), parents, i < 10 ? "red" : "blue");
			ITEMS.add(item);
			mongo.insert(item);
		}
		pager = new Pager(mongo, List.of());
	}

	@AfterAll
	static void stop() {
		client.close();
		server.shutdownNow();
	}

	private static String hostAndPort(MongoServer server) {
		var address = server.bind();
		return address.getHostString() + ":" + address.getPort();
	}

	// --- top-level pages
	// ----------------------------------------------------------------------

	@Test
	void forwardPagesCoverTheListInOrderWithNoGapsOrRepeats() {
		List<String> expected = ids(ITEMS.stream().sorted(DISPLAY_ORDER).toList());
		List<String> seen = new ArrayList<>();
		String after = null;
		int pages = 0;
		while (true) {
			assertThat(pages).as("pages so far").isLessThan(8);
			Connection<Item> page = pager.page(Item.class, null, PageArgs.of(4, after, null, null, null), true);
			assertThat(page.totalCount()).isEqualTo(30);
			assertThat(page.pageInfo().hasPreviousPage()).isEqualTo(after != null);
			assertCursorsNameTheirItems(page);
			seen.addAll(ids(page.nodes()));
			pages++;
			if (!page.pageInfo().hasNextPage()) {
				break;
			}
			after = page.pageInfo().endCursor();
		}
		assertThat(pages).isEqualTo(8);
		assertThat(seen).isEqualTo(expected);
	}

	@Test
	void backwardPagesFromTheEndGiveTheSameListInDisplayOrder() {
		List<String> expected = ids(ITEMS.stream().sorted(DISPLAY_ORDER).toList());
		List<String> seen = new ArrayList<>();
		String before = null;
		for (int pages = 0;; pages++) {
			assertThat(pages).as("pages so far").isLessThan(5);
			Connection<Item> page = pager.page(Item.class, null, PageArgs.of(null, null, 7, before, null), false);
			assertThat(page.totalCount()).isEqualTo(-1);
			assertThat(page.pageInfo().hasNextPage()).isEqualTo(before != null);
			seen.addAll(0, ids(page.nodes()));
			if (!page.pageInfo().hasPreviousPage()) {
				break;
			}
			before = page.pageInfo().startCursor();
		}
		assertThat(seen).isEqualTo(expected);
	}

	@Test
	void descendingOrderPagesForwardAndBackward() {
		List<String> expected = ids(ITEMS.stream().sorted(DISPLAY_ORDER.reversed()).toList());
		Connection<Item> first = pager.page(Item.class, null, PageArgs.of(5, null, null, null, SortDirection.DESC),
				false);
		assertThat(ids(first.nodes())).isEqualTo(expected.subList(0, 5));
		Connection<Item> second = pager.page(Item.class, null,
				PageArgs.of(5, first.pageInfo().endCursor(), null, null, SortDirection.DESC), false);
		assertThat(ids(second.nodes())).isEqualTo(expected.subList(5, 10));
		// and back from the second page's start: the first page again
		Connection<Item> back = pager.page(Item.class, null,
				PageArgs.of(null, null, 5, second.pageInfo().startCursor(), SortDirection.DESC), false);
		assertThat(ids(back.nodes())).isEqualTo(expected.subList(0, 5));
		assertThat(back.pageInfo().hasPreviousPage()).isFalse();
		assertThat(back.pageInfo().hasNextPage()).isTrue();
	}

	@Test
	void afterAndBeforeTogetherGiveTheItemsStrictlyBetween() {
		List<Item> sorted = ITEMS.stream().sorted(DISPLAY_ORDER).toList();
		String after = Cursor.of(sorted.get(3)).encode();
		String before = Cursor.of(sorted.get(11)).encode();
		Connection<Item> window = pager.page(Item.class, null, PageArgs.of(100, after, null, before, null), false);
		assertThat(ids(window.nodes())).isEqualTo(ids(sorted.subList(4, 11)));
		Connection<Item> lastTwo = pager.page(Item.class, null, PageArgs.of(null, after, 2, before, null), false);
		assertThat(ids(lastTwo.nodes())).isEqualTo(ids(sorted.subList(9, 11)));
		assertThat(lastTwo.pageInfo().hasPreviousPage()).isTrue();
	}

	@Test
	void aFilterNarrowsThePageAndTheTotal() {
		List<String> red = ids(ITEMS.stream().filter(i -> i.colour().equals("red")).sorted(DISPLAY_ORDER).toList());
		Connection<Item> page = pager.page(Item.class, Criteria.where("colour").is("red"),
				PageArgs.of(3, null, null, null, null), true);
		assertThat(ids(page.nodes())).isEqualTo(red.subList(0, 3));
		assertThat(page.totalCount()).isEqualTo(10);
	}

	@Test
	void anEmptyPageStillCounts() {
		Connection<Item> none = pager.page(Item.class, null, PageArgs.of(0, null, null, null, null), true);
		assertThat(none.edges()).isEmpty();
		assertThat(none.totalCount()).isEqualTo(30);
		assertThat(none.pageInfo().startCursor()).isNull();
		assertThat(none.pageInfo().endCursor()).isNull();
	}

	// --- nested pages
	// ---------------------------------------------------------------------------

	@Test
	void nestedPagesFromTheSmallBatchFind() {
		// 30 + 15 + 10 documents at most, within 3 parents x (20 + 1): one plain find
		// serves all
		Map<String, Connection<Item>> pages = pager.pageByParent(Item.class, "parents", List.of("p1", "p2", "p3", "p4"),
				null, PageArgs.of(20, null, null, null, null), true);
		assertNestedFirstPages(pages, 20);
	}

	@Test
	void nestedPagesFromTheGroupingAggregation() {
		// page size 3: far more documents than 4 x (3 + 1), so each parent's page is
		// bounded by grouping
		Map<String, Connection<Item>> pages = pager.pageByParent(Item.class, "parents", List.of("p1", "p2", "p3", "p4"),
				null, PageArgs.of(3, null, null, null, null), true);
		assertNestedFirstPages(pages, 3);
		Map<String, Connection<Item>> uncounted = pager.pageByParent(Item.class, "parents", List.of("p1", "p2"), null,
				PageArgs.of(3, null, null, null, null), false);
		assertThat(uncounted.get("p1").totalCount()).isEqualTo(-1);
		assertThat(ids(uncounted.get("p2").nodes())).isEqualTo(expectedUnder("p2").subList(0, 3));
	}

	@Test
	void eachParentPagesThroughItsOwnListWithNoGapsOrRepeats() {
		for (String parent : List.of("p1", "p2", "p3")) {
			for (int size : List.of(1, 4, 9)) {
				List<String> seen = new ArrayList<>();
				String after = null;
				boolean more = true;
				for (int calls = 0; more; calls++) {
					assertThat(calls).as("pages so far").isLessThanOrEqualTo(30 / size);
					// a second parent in every call keeps the batched paths (not the
					// single-parent find) in play
					Map<String, Connection<Item>> pages = pager.pageByParent(Item.class, "parents",
							List.of(parent, "p4"), null, PageArgs.of(size, after, null, null, null), true);
					Connection<Item> page = pages.get(parent);
					assertThat(page.totalCount()).as("%s by %d", parent, size)
						.isEqualTo((long) expectedUnder(parent).size());
					seen.addAll(ids(page.nodes()));
					more = page.pageInfo().hasNextPage();
					after = page.pageInfo().endCursor();
				}
				assertThat(seen).as("%s by %d", parent, size).isEqualTo(expectedUnder(parent));
			}
		}
	}

	@Test
	void nestedPagesBackwardAndWithAFilter() {
		Map<String, Connection<Item>> last = pager.pageByParent(Item.class, "parents", List.of("p2", "p3"), null,
				PageArgs.of(null, null, 4, null, null), false);
		List<String> p2 = expectedUnder("p2");
		List<String> p3 = expectedUnder("p3");
		assertThat(ids(last.get("p2").nodes())).isEqualTo(p2.subList(p2.size() - 4, p2.size()));
		assertThat(ids(last.get("p3").nodes())).isEqualTo(p3.subList(p3.size() - 4, p3.size()));
		assertThat(last.get("p2").pageInfo().hasPreviousPage()).isTrue();
		assertThat(last.get("p2").pageInfo().hasNextPage()).isFalse();
		Map<String, Connection<Item>> red = pager.pageByParent(Item.class, "parents", List.of("p2", "p3"),
				Criteria.where("colour").is("red"), PageArgs.of(100, null, null, null, null), true);
		List<String> redUnderP3 = ids(ITEMS.stream()
			.filter(i -> i.parents().contains("p3") && i.colour().equals("red"))
			.sorted(DISPLAY_ORDER)
			.toList());
		assertThat(ids(red.get("p3").nodes())).isEqualTo(redUnderP3);
		assertThat(red.get("p3").totalCount()).isEqualTo(4);
	}

	@Test
	void aSingleParentAndNoParents() {
		Map<String, Connection<Item>> one = pager.pageByParent(Item.class, "parents", List.of("p3", "p3"), null,
				PageArgs.of(2, null, null, null, null), true);
		assertThat(one).containsOnlyKeys("p3");
		assertThat(ids(one.get("p3").nodes())).isEqualTo(expectedUnder("p3").subList(0, 2));
		assertThat(one.get("p3").totalCount()).isEqualTo(10);
		assertThat(pager.pageByParent(Item.class, "parents", List.of(), null, PageArgs.of(2, null, null, null, null),
				true))
			.isEmpty();
	}

	// --- helpers
	// ------------------------------------------------------------------------------

	private static void assertNestedFirstPages(Map<String, Connection<Item>> pages, int size) {
		assertThat(pages).containsOnlyKeys("p1", "p2", "p3", "p4");
		Map<String, Integer> totals = Map.of("p1", 30, "p2", 15, "p3", 10, "p4", 0);
		totals.forEach((parent, total) -> {
			Connection<Item> page = pages.get(parent);
			List<String> expected = expectedUnder(parent);
			assertThat(expected).hasSize(total);
			assertThat(page.totalCount()).as(parent).isEqualTo(total.longValue());
			assertThat(ids(page.nodes())).as(parent).isEqualTo(expected.subList(0, Math.min(size, total)));
			assertThat(page.pageInfo().hasNextPage()).as(parent).isEqualTo(total > size);
			assertThat(page.pageInfo().hasPreviousPage()).as(parent).isFalse();
			assertCursorsNameTheirItems(page);
		});
	}

	private static List<String> expectedUnder(String parent) {
		return ids(ITEMS.stream().filter(i -> i.parents().contains(parent)).sorted(DISPLAY_ORDER).toList());
	}

	private static void assertCursorsNameTheirItems(Connection<Item> page) {
		for (Connection.Edge<Item> edge : page.edges()) {
			assertThat(Cursor.decode("after", edge.cursor()))
				.isEqualTo(new Cursor(edge.node().sortKey(), edge.node().id()));
		}
		if (!page.edges().isEmpty()) {
			assertThat(page.pageInfo().startCursor()).isEqualTo(page.edges().get(0).cursor());
			assertThat(page.pageInfo().endCursor()).isEqualTo(page.edges().get(page.edges().size() - 1).cursor());
		}
	}

	private static List<String> ids(List<Item> items) {
		return items.stream().map(Item::id).toList();
	}

}
