package org.sanctionsgraph.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.bson.Document;
import org.junit.jupiter.api.Test;

/**
 * Entries of every width (one to four keys, each held its own way) keep the index's
 * order: each key ascending or descending as declared, then the position; and an index
 * restored from those entries holds the same.
 */
class OrderedIndexTests {

	@Test
	void entriesOfEveryWidthKeepTheIndexOrderThroughAddsRemovesAndARestore() {
		Random random = new Random(11);
		for (int width = 1; width <= 4; width++) {
			List<IndexKey> keys = new ArrayList<>();
			for (int k = 0; k < width; k++) {
				// alternate directions, so that a key read in the wrong slot shows
				keys.add(new IndexKey("k" + k, k % 2 == 0));
			}
			OrderedIndex index = new OrderedIndex("w" + width, keys, false);
			List<Document> documents = new ArrayList<>();
			for (int i = 0; i < 300; i++) {
				// few values per key, so that ties on the first keys are common
				Document document = new Document("_id", "d%03d".formatted(i));
				for (int k = 0; k < width; k++) {
					document.append("k" + k, "v" + random.nextInt(3 + k));
				}
				documents.add(document);
				index.add(document, document.get("_id"), null);
			}
			List<Document> kept = new ArrayList<>();
			for (Document document : documents) {
				if (random.nextBoolean()) {
					index.remove(document);
				}
				else {
					kept.add(document);
				}
			}
			kept.sort(indexOrder(width));
			List<OrderedIndex.Entry> entries = all(index, width);
			assertThat(entries).as("width %d", width).hasSize(kept.size());
			for (int i = 0; i < kept.size(); i++) {
				OrderedIndex.Entry entry = entries.get(i);
				assertThat(entry.width()).isEqualTo(width);
				assertThat(entry.position()).as("width %d, entry %d", width, i).isEqualTo(kept.get(i).get("_id"));
				for (int k = 0; k < width; k++) {
					assertThat(entry.value(k)).isEqualTo(kept.get(i).get("k" + k));
				}
			}
			assertThat(index.entriesFor("v0")).isEqualTo(kept.stream().filter(d -> d.get("k0").equals("v0")).count());

			// the same entries, shuffled, taken back as from a snapshot
			List<OrderedIndex.Entry> shuffled = new ArrayList<>();
			for (OrderedIndex.Entry entry : entries) {
				Object[] values = new Object[width];
				Arrays.setAll(values, entry::value);
				shuffled.add(OrderedIndex.Entry.of(values, entry.position()));
			}
			Collections.shuffle(shuffled, random);
			OrderedIndex restored = new OrderedIndex("w" + width, keys, false);
			assertThat(restored.restore(new IndexSnapshot.Saved(restored.definition(), new boolean[width], shuffled)))
				.isTrue();
			assertThat(all(restored, width)).extracting(OrderedIndex.Entry::position)
				.containsExactlyElementsOf(kept.stream().map(d -> d.get("_id")).toList());
		}
	}

	/**
	 * Entries of equal string values hold one instance of it, not each its document's own
	 * copy: what keeps a freshly loaded store's index about the size of one read back
	 * from its snapshot.
	 */
	@Test
	void entriesOfEqualStringsShareOneInstance() {
		OrderedIndex index = new OrderedIndex("by_country_kind",
				List.of(new IndexKey("country", true), new IndexKey("kind", true)), false);
		for (int i = 0; i < 50; i++) {
			// new String: every document decoded brings copies of its own
			index.add(new Document("_id", "m" + i).append("country", new String("BY"))
				.append("kind", new String((i % 2 == 0) ? "SECTORAL" : "TRAVEL_BAN")), "m" + i, null);
		}
		List<OrderedIndex.Entry> entries = all(index, 2);
		assertThat(entries).hasSize(50);
		assertThat(entries.stream().map(e -> e.value(0)).distinct()).containsExactly("BY");
		assertThat(instances(entries, 0)).hasSize(1);
		assertThat(instances(entries, 1)).hasSize(2);
	}

	/**
	 * Adds are held apart from the sorted set and put in when the index is next read,
	 * removed from or updated, or once enough are held: one by one when few, by a merge
	 * into a new set when many. Whichever way, every read sees exactly the entries of the
	 * documents added and not removed, in order and counted once, a document added twice
	 * included.
	 */
	@Test
	void heldAddsAreInEveryRead() {
		Random random = new Random(5);
		OrderedIndex index = new OrderedIndex("country_day",
				List.of(new IndexKey("country", true), new IndexKey("day", false)), false);
		Map<String, Document> live = new HashMap<>();
		int next = 0;
		for (int round = 0; round < 30; round++) {
			// sizes on both sides of the held entries' bounds: a few against a large set,
			// thousands against a small one, more than the set holds
			int adds = switch (random.nextInt(4)) {
				case 0 -> random.nextInt(20);
				case 1 -> 200 + random.nextInt(2_000);
				case 2 -> 4_000 + random.nextInt(8_000);
				default -> 0;
			};
			for (int i = 0; i < adds; i++) {
				String id = "d%06d".formatted(next++);
				// a fifth hold two countries: two entries, or one when both are the same
				Object country = (random.nextInt(5) == 0) ? List.of("c" + random.nextInt(8), "c" + random.nextInt(8))
						: "c" + random.nextInt(8);
				Document document = new Document("_id", id).append("country", country)
					.append("day", "2026-%02d".formatted(1 + random.nextInt(12)));
				index.add(document, id, null);
				live.put(id, document);
			}
			List<Document> documents = new ArrayList<>(live.values());
			if (!documents.isEmpty() && random.nextInt(3) == 0) {
				Document again = documents.get(random.nextInt(documents.size()));
				long before = index.getCount();
				index.add(again, again.get("_id"), null);
				assertThat(index.getCount()).as("round %d, added again", round).isEqualTo(before);
			}
			if (!documents.isEmpty() && random.nextBoolean()) {
				for (int i = 0; i < documents.size() / 4; i++) {
					Document gone = live.remove(documents.get(random.nextInt(documents.size())).get("_id"));
					if (gone != null) {
						index.remove(gone);
					}
				}
			}
			List<List<Object>> expected = new ArrayList<>();
			for (Document document : live.values()) {
				Object country = document.get("country");
				for (Object c : (country instanceof List<?> list) ? Set.copyOf(list) : Set.of(country)) {
					expected.add(List.of(c, document.get("day"), document.get("_id")));
				}
			}
			expected.sort(Comparator.comparing((List<Object> e) -> (String) e.get(0))
				.thenComparing((List<Object> e) -> (String) e.get(1), Comparator.reverseOrder())
				.thenComparing((List<Object> e) -> (String) e.get(2)));
			List<List<Object>> actual = new ArrayList<>();
			for (OrderedIndex.Entry entry : all(index, 2)) {
				actual.add(List.of(entry.value(0), entry.value(1), entry.position()));
			}
			assertThat(actual).as("round %d", round).isEqualTo(expected);
			assertThat(index.getCount()).as("round %d", round).isEqualTo(expected.size());
			assertThat(index.entriesFor("c3")).as("round %d", round)
				.isEqualTo(expected.stream().filter(e -> e.get(0).equals("c3")).count());
		}
	}

	/**
	 * A held entry the server's order cannot place against the others (a value of a type
	 * it cannot sort) fails the read that puts it in, as it failed the insert before
	 * entries were held; every other held entry goes in, the count leaves it out, and the
	 * next read answers.
	 */
	@Test
	void anEntryTheOrderCannotPlaceFailsOneReadAndLosesNoOther() {
		OrderedIndex index = new OrderedIndex("by_k", List.of(new IndexKey("k", true)), false);
		for (int i = 0; i < 30; i++) {
			index.add(new Document("_id", "d" + i).append("k", "v" + (i % 7)), "d" + i, null);
		}
		index.add(new Document("_id", "odd").append("k", new Object()), "odd", null);
		assertThatThrownBy(() -> all(index, 1)).isInstanceOf(UnsupportedOperationException.class);
		assertThat(all(index, 1)).extracting(OrderedIndex.Entry::position).hasSize(30).doesNotContain("odd");
		assertThat(index.getCount()).isEqualTo(30);
		assertThat(index.entriesFor("v0")).isEqualTo(5);
	}

	/**
	 * The index makes the key values of documents of strings itself, without the server's
	 * path parsing; for every kind of document, strings or not, they must be the server's
	 * own: the same values, the same order, one per distinct list element, none for an
	 * empty list, and the same refusal of two lists in one document.
	 */
	@Test
	void keyValuesAreTheServersOwn() {
		Random random = new Random(3);
		List<List<IndexKey>> definitions = List.of(List.of(new IndexKey("a", true)),
				List.of(new IndexKey("a", true), new IndexKey("b", false), new IndexKey("_id", true)),
				List.of(new IndexKey("b", true), new IndexKey("a", true)),
				List.of(new IndexKey("a", true), new IndexKey("n.x", true)));
		for (List<IndexKey> keys : definitions) {
			OrderedIndex index = new OrderedIndex("i", keys, false);
			ServerKeys server = new ServerKeys(keys);
			for (int i = 0; i < 2_000; i++) {
				Document document = new Document("_id", "d" + i);
				for (String field : List.of("a", "b", "n")) {
					Object value = anyValue(random);
					if (value != ABSENT) {
						document.append(field, value);
					}
				}
				Object expected;
				Object actual;
				try {
					expected = List.copyOf(server.getKeyValues(document));
				}
				catch (RuntimeException ex) {
					expected = ex.getClass();
				}
				try {
					actual = List.copyOf(index.getKeyValues(document));
				}
				catch (RuntimeException ex) {
					actual = ex.getClass();
				}
				assertThat(actual).as("%s of %s", keys, document).isEqualTo(expected);
			}
		}
	}

	private static final Object ABSENT = new Object();

	private static Object anyValue(Random random) {
		return switch (random.nextInt(12)) {
			case 0 -> ABSENT;
			case 1 -> null;
			case 2 -> List.of();
			case 3 -> List.of("x", "y", "x");
			case 4 -> List.of("y", 1);
			case 5 -> random.nextInt(3);
			case 6 -> -0.0;
			case 7 -> new Document("x", "s" + random.nextInt(3));
			case 8 -> List.of(new Document("x", "s1"), new Document("x", "s2"));
			case 9 -> Arrays.asList("z", null);
			default -> "s" + random.nextInt(3);
		};
	}

	/** The server's own key values: an index that adds nothing to its base class. */
	private static final class ServerKeys extends Index<Object> {

		ServerKeys(List<IndexKey> keys) {
			super("server", keys, false);
		}

		@Override
		public Object getPosition(Document document) {
			throw new UnsupportedOperationException();
		}

		@Override
		public void checkAdd(Document document, MongoCollection<Object> collection) {
			throw new UnsupportedOperationException();
		}

		@Override
		public void add(Document document, Object position, MongoCollection<Object> collection) {
			throw new UnsupportedOperationException();
		}

		@Override
		public Object remove(Document document) {
			throw new UnsupportedOperationException();
		}

		@Override
		public boolean canHandle(Document query) {
			return false;
		}

		@Override
		public Iterable<Object> getPositions(Document query) {
			throw new UnsupportedOperationException();
		}

		@Override
		public long getCount() {
			return 0;
		}

		@Override
		public long getDataSize() {
			return 0;
		}

		@Override
		public void checkUpdate(Document oldDocument, Document newDocument, MongoCollection<Object> collection) {
			throw new UnsupportedOperationException();
		}

		@Override
		public void updateInPlace(Document oldDocument, Document newDocument, Object position,
				MongoCollection<Object> collection) {
			throw new UnsupportedOperationException();
		}

		@Override
		public void drop() {
			throw new UnsupportedOperationException();
		}

	}

	private static Set<Object> instances(List<OrderedIndex.Entry> entries, int key) {
		Set<Object> instances = Collections.newSetFromMap(new IdentityHashMap<>());
		entries.forEach(entry -> instances.add(entry.value(key)));
		return instances;
	}

	private static Comparator<Document> indexOrder(int width) {
		Comparator<Document> order = null;
		for (int k = 0; k < width; k++) {
			String key = "k" + k;
			Comparator<Document> byKey = Comparator.comparing((Document d) -> (String) d.get(key));
			if (k % 2 == 1) {
				byKey = byKey.reversed();
			}
			order = (order == null) ? byKey : order.thenComparing(byKey);
		}
		return order.thenComparing(d -> (String) d.get("_id"));
	}

	private static List<OrderedIndex.Entry> all(OrderedIndex index, int width) {
		Object[] low = new Object[width];
		Object[] high = new Object[width];
		Arrays.fill(low, OrderedIndex.LOW);
		Arrays.fill(high, OrderedIndex.HIGH);
		return new ArrayList<>(index.range(OrderedIndex.Entry.of(low, OrderedIndex.LOW),
				OrderedIndex.Entry.of(high, OrderedIndex.HIGH), false));
	}

}
