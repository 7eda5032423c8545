package org.sanctionsgraph.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sanctionsgraph.MemoryMongo;
import org.sanctionsgraph.person.Person;
import org.sanctionsgraph.person.PersonBuilder;
import org.sanctionsgraph.person.PersonRecords;
import org.sanctionsgraph.records.RecordType;
import org.sanctionsgraph.records.RecordTypes;
import org.sanctionsgraph.records.SearchNames;

/**
 * A rebuild never leaves searches with an empty or half-built index: until the new index
 * is complete, searches answer from the previous one. The rebuild is held half-way on a
 * latch, so nothing depends on timing.
 */
class SearchIndexRebuildTests {

	private final CountDownLatch halfWay = new CountDownLatch(1);

	private final CountDownLatch release = new CountDownLatch(1);

	private volatile boolean hold;

	/**
	 * People, as the application indexes them, except that a held rebuild stops at Raman
	 * Pratasevich.
	 */
	private final RecordType<Person> people = PersonRecords.TYPE.searchable(person -> {
		if (this.hold && person.name().startsWith("Raman")) {
			this.halfWay.countDown();
			try {
				this.release.await(60, TimeUnit.SECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
		return new SearchNames(person.name(), person.aliases(), person.nationalityIds());
	});

	@Test
	void searchesUseThePreviousIndexUntilTheNewOneIsComplete(@TempDir Path dir) throws Exception {
		try (MemoryMongo store = new MemoryMongo()) {
			store.template().insert(person("p-1", "Alyaksandr Lukashenka"));
			SearchIndex index = new SearchIndex(store.template(), new RecordTypes(List.of(this.people)), dir);
			try {
				index.rebuild();
				assertThat(names(index, "Lukashenko")).containsExactly("p-1");

				store.template().insert(person("p-2", "Raman Pratasevich"));
				this.hold = true;
				CompletableFuture<Void> rebuild = CompletableFuture.runAsync(index::rebuild);
				assertThat(this.halfWay.await(60, TimeUnit.SECONDS)).as("the rebuild reached its second record")
					.isTrue();
				assertThat(names(index, "Lukashenko")).as("mid-rebuild: the previous index answers")
					.containsExactly("p-1");
				assertThat(names(index, "Pratasevich")).as("mid-rebuild: nothing half-built is seen").isEmpty();

				this.release.countDown();
				rebuild.get(60, TimeUnit.SECONDS);
				assertThat(names(index, "Lukashenko")).containsExactly("p-1");
				assertThat(names(index, "Pratasevich")).containsExactly("p-2");
			}
			finally {
				this.release.countDown();
				index.destroy();
			}
		}
	}

	@Test
	void aBulkBatchIsSearchableAtOnceAndCommittedWhenTheIndexCloses(@TempDir Path dir) throws Exception {
		try (MemoryMongo store = new MemoryMongo()) {
			RecordTypes types = new RecordTypes(List.of(this.people));
			SearchIndex index = new SearchIndex(store.template(), types, dir);
			index.rebuild();
			Person raman = person("p-2", "Raman Pratasevich");
			store.template().insert(raman);
			index.writtenAll(List.of(raman));
			assertThat(names(index, "Pratasevich")).as("searchable before any commit").containsExactly("p-2");
			index.destroy();

			// opened again on the same data: the batch was committed with the data's
			// fingerprint, so nothing is rebuilt, and the name is found
			SearchIndex reopened = new SearchIndex(store.template(), types, dir);
			try {
				this.hold = true;
				reopened.ensureCurrent();
				assertThat(this.halfWay.getCount()).as("no rebuild read the records").isEqualTo(1);
				assertThat(names(reopened, "Pratasevich")).containsExactly("p-2");
			}
			finally {
				this.release.countDown();
				reopened.destroy();
			}
		}
	}

	@Test
	void aRebuildThatFailedIsNotCommittedAtCloseAndIsRebuiltAtTheNextStart(@TempDir Path dir) throws Exception {
		try (MemoryMongo store = new MemoryMongo()) {
			store.template().insert(person("p-1", "Alyaksandr Lukashenka"));
			store.template().insert(person("p-2", "Raman Pratasevich"));
			RecordType<Person> failing = PersonRecords.TYPE.searchable(person -> {
				if (person.name().startsWith("Raman")) {
					throw new IllegalStateException("the store went away mid-rebuild");
				}
				return new SearchNames(person.name(), person.aliases(), person.nationalityIds());
			});
			SearchIndex index = new SearchIndex(store.template(), new RecordTypes(List.of(failing)), dir);
			assertThatThrownBy(index::rebuild).hasMessageContaining("went away");
			index.destroy();

			SearchIndex reopened = new SearchIndex(store.template(), new RecordTypes(List.of(this.people)), dir);
			try {
				reopened.ensureCurrent();
				assertThat(names(reopened, "Pratasevich")).as("rebuilt in full").containsExactly("p-2");
				assertThat(names(reopened, "Lukashenko")).containsExactly("p-1");
			}
			finally {
				reopened.destroy();
			}
		}
	}

	private static Person person(String id, String name) {
		return PersonBuilder.builder().id(id).name(name).revision(1).build();
	}

	private static List<String> names(SearchIndex index, String query) {
		return index.search(query, null, null, 0, 10).hits().stream().map(SearchHit::recordId).toList();
	}

}
