package org.sanctionsgraph.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Random;
import java.util.Set;

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
