package org.sanctionsgraph.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.bson.Document;
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
				inOrder.add(OrderedIndex.Entry.of(new Object[] { "c" + (day % 3), "2021-%02d".formatted(49 - day) },
						"m" + day + "-" + id));
			}
		}
		// the index's order: country ascending, day descending, then position
		inOrder.sort(Comparator.comparing((OrderedIndex.Entry e) -> (String) e.value(0))
			.thenComparing(e -> (String) e.value(1), Comparator.reverseOrder())
			.thenComparing(e -> (String) e.position()));
		List<OrderedIndex.Entry> shuffled = new ArrayList<>(inOrder);
		Collections.shuffle(shuffled, new Random(7));
		shuffled.add(shuffled.get(0));

		// in order but for the very end: the order is checked while the tree is built,
		// so these find out after building nearly all of it
		List<OrderedIndex.Entry> lastTwoSwapped = new ArrayList<>(inOrder);
		Collections.swap(lastTwoSwapped, lastTwoSwapped.size() - 2, lastTwoSwapped.size() - 1);
		List<OrderedIndex.Entry> lastRepeated = new ArrayList<>(inOrder);
		lastRepeated.add(inOrder.get(inOrder.size() - 1));

		for (List<OrderedIndex.Entry> snapshot : List.of(inOrder, shuffled, lastTwoSwapped, lastRepeated)) {
			OrderedIndex index = restored(snapshot);
			assertThat(all(index)).containsExactlyElementsOf(inOrder);
			assertThat(index.getCount()).isEqualTo(inOrder.size());
			for (String country : List.of("c0", "c1", "c2")) {
				assertThat(index.entriesFor(country))
					.isEqualTo(inOrder.stream().filter(e -> e.value(0).equals(country)).count());
			}
			assertThat(index.entriesFor("c3")).isZero();
			// read backwards from the end of one country
			assertThat(index.range(probe("c1", OrderedIndex.LOW), probe("c1", OrderedIndex.HIGH), true)).first()
				.extracting(OrderedIndex.Entry::position)
				.isEqualTo(inOrder.stream().filter(e -> e.value(0).equals("c1")).reduce((a, b) -> b).get().position());
		}
	}

	/**
	 * An index whose snapshot is still being read waits for it at its first use, in every
	 * method that reads or changes its entries (one that did not would answer as if the
	 * index were empty), and then holds the snapshot's entries.
	 */
	@Test
	void everyUseOfAnIndexWaitsForItsSnapshot() throws Exception {
		Document doc = new Document("_id", "x").append("country", "c9").append("day", "2022-01");
		Map<String, Consumer<OrderedIndex>> uses = new LinkedHashMap<>();
		uses.put("getCount", OrderedIndex::getCount);
		uses.put("getDataSize", OrderedIndex::getDataSize);
		uses.put("isEmpty", OrderedIndex::isEmpty);
		uses.put("entriesFor", index -> index.entriesFor("c1"));
		uses.put("isMultikey", index -> index.isMultikey(1));
		uses.put("anyMultikeyAfterFirst", OrderedIndex::anyMultikeyAfterFirst);
		uses.put("range", index -> all(index));
		uses.put("add", index -> index.add(doc, "x", null));
		uses.put("remove", index -> index.remove(doc));
		uses.put("updateInPlace", index -> index.updateInPlace(doc, doc, "x", null));
		uses.put("writeTo", index -> {
			try {
				index.writeTo("i", new DataOutputStream(new ByteArrayOutputStream()), new HashMap<>());
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		});
		List<OrderedIndex.Entry> entries = List.of(OrderedIndex.Entry.of(new Object[] { "c1", "2021-01" }, "a"),
				OrderedIndex.Entry.of(new Object[] { "c2", "2021-01" }, "b"));
		for (Map.Entry<String, Consumer<OrderedIndex>> use : uses.entrySet()) {
			OrderedIndex index = index();
			CompletableFuture<IndexSnapshot.Saved> snapshot = new CompletableFuture<>();
			List<OrderedIndex> told = new ArrayList<>();
			index.restoreFrom(snapshot, told::add);
			assertThat(index.restored()).isTrue();
			Thread using = new Thread(() -> use.getValue().accept(index));
			using.start();
			while (using.isAlive() && using.getState() != Thread.State.WAITING) {
				Thread.onSpinWait();
			}
			assertThat(using.isAlive()).as(use.getKey() + " waits for the snapshot").isTrue();
			snapshot.complete(new IndexSnapshot.Saved(index.definition(), new boolean[2], entries));
			using.join();
			assertThat(told).containsExactly(index);
			if (!use.getKey().equals("add")) {
				assertThat(all(index)).as(use.getKey()).containsExactlyElementsOf(entries);
			}
		}
	}

	/**
	 * A snapshot that turns out not to hold the index (cut short, or taken before the
	 * index existed): the index is built from the documents at its first use.
	 */
	@Test
	void anIndexTheSnapshotDoesNotHoldIsBuiltAtItsFirstUse() {
		OrderedIndex index = index();
		List<OrderedIndex> told = new ArrayList<>();
		index.restoreFrom(CompletableFuture.completedFuture(null), told::add);
		index.buildWith(building -> building
			.add(new Document("_id", "x").append("country", "c1").append("day", "2022-01"), "x", null));
		assertThat(index.entriesFor("c1")).isEqualTo(1);
		assertThat(index.getCount()).isEqualTo(1);
		assertThat(told).isEmpty();
		assertThat(index.restored()).isFalse();
	}

	/** An index dropped while its snapshot is read goes, without waiting or a build. */
	@Test
	void anIndexDroppedBeforeItsSnapshotCameIsNeitherWaitedForNorBuilt() {
		OrderedIndex index = index();
		index.restoreFrom(new CompletableFuture<>(), restored -> {
			throw new AssertionError("not restored");
		});
		index.buildWith(building -> {
			throw new AssertionError("not built");
		});
		index.drop();
		assertThat(index.getCount()).isZero();
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
		return OrderedIndex.Entry.of(new Object[] { country, day }, day);
	}

}
