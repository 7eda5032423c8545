package org.sanctionsgraph.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Random;

import de.bwaldvogel.mongo.backend.IndexKey;
import org.junit.jupiter.api.Test;

/**
 * An index restored from a snapshot holds exactly the snapshot's entries in index order,
 * with the same counts, whether the snapshot came in order (taken in one pass) or not
 * (added one by one, repeats dropped).
 */
class OrderedIndexRestoreTests {

	@Test
	void aSnapshotInOrderAndTheSameEntriesShuffledRestoreTheSameIndex() {
		List<OrderedIndex.Entry> inOrder = new ArrayList<>();
		for (int day = 0; day < 50; day++) {
			for (int id = 0; id < 20; id++) {
				// descending on the day, then by position
				inOrder.add(new OrderedIndex.Entry(new Object[] { "c" + (day % 3), "2021-%02d".formatted(49 - day) },
						"m" + day + "-" + id));
			}
		}
		// the index's order: country ascending, day descending, then position
		inOrder.sort(Comparator.comparing((OrderedIndex.Entry e) -> (String) e.values()[0])
			.thenComparing(e -> (String) e.values()[1], Comparator.reverseOrder())
			.thenComparing(e -> (String) e.position()));
		List<OrderedIndex.Entry> shuffled = new ArrayList<>(inOrder);
		Collections.shuffle(shuffled, new Random(7));
		shuffled.add(shuffled.get(0));

		OrderedIndex fromOrdered = restored(inOrder);
		OrderedIndex fromShuffled = restored(shuffled);

		for (OrderedIndex index : List.of(fromOrdered, fromShuffled)) {
			assertThat(all(index)).containsExactlyElementsOf(inOrder);
			assertThat(index.entriesFor("c1"))
				.isEqualTo(inOrder.stream().filter(e -> e.values()[0].equals("c1")).count());
			// read backwards from the end of one country
			assertThat(index.range(probe("c1", OrderedIndex.LOW), probe("c1", OrderedIndex.HIGH), true)).first()
				.extracting(OrderedIndex.Entry::position)
				.isEqualTo(
						inOrder.stream().filter(e -> e.values()[0].equals("c1")).reduce((a, b) -> b).get().position());
		}
	}

	private static OrderedIndex index() {
		return new OrderedIndex("by_country_day", List.of(new IndexKey("country", true), new IndexKey("day", false)),
				false);
	}

	private static OrderedIndex restored(List<OrderedIndex.Entry> entries) {
		OrderedIndex index = index();
		assertThat(index.restore(new IndexSnapshot.Saved(index.definition(), new boolean[2], entries))).isTrue();
		return index;
	}

	private static List<OrderedIndex.Entry> all(OrderedIndex index) {
		return new ArrayList<>(index.range(probe(OrderedIndex.LOW, OrderedIndex.LOW),
				probe(OrderedIndex.HIGH, OrderedIndex.HIGH), false));
	}

	private static OrderedIndex.Entry probe(Object country, Object day) {
		return new OrderedIndex.Entry(new Object[] { country, day }, day);
	}

}
