package org.sanctionsgraph.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import com.mongodb.MongoException;
import com.mongodb.client.model.IndexOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.sanctionsgraph.MemoryMongo;
import org.sanctionsgraph.MovableClock;
import org.sanctionsgraph.measure.Measure;
import org.sanctionsgraph.measure.MeasureKind;
import org.sanctionsgraph.measure.MeasureType;
import org.sanctionsgraph.measure.Target;
import org.sanctionsgraph.measure.TargetKind;
import org.sanctionsgraph.model.FuzzyDate;
import org.sanctionsgraph.source.Source;
import org.sanctionsgraph.source.SourceKind;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * Bulk loads that stop midway run again without failing or repeating a record, and say
 * how far they are while they run.
 */
@ExtendWith(OutputCaptureExtension.class)
class BulkLoadTests {

	private static Source source(int n) {
		return new Source("bulk-" + n, SourceKind.REFERENCE, "Source " + n, null, null, null, null, null, 1);
	}

	@Test
	void aBatchPartlyStoredBeforeIsCompletedWithoutRepeats() {
		try (MemoryMongo mongo = new MemoryMongo()) {
			// a load stopped after storing the first two of its records
			assertThat(BulkInsert.insert(mongo.template(), Source.class, List.of(source(1), source(2))))
				.isEqualTo(new BulkInsert.Inserted(2, List.of()));
			// runs again from the start: only the missing ones are new, none refused
			assertThat(BulkInsert.insert(mongo.template(), Source.class,
					List.of(source(1), source(2), source(3), source(4))))
				.isEqualTo(new BulkInsert.Inserted(2, List.of()));
			assertThat(BulkInsert.insert(mongo.template(), Source.class, List.of(source(3))))
				.isEqualTo(new BulkInsert.Inserted(0, List.of()));
			assertThat(mongo.template().findAll(Source.class)).extracting(Source::id)
				.containsExactlyInAnyOrder("bulk-1", "bulk-2", "bulk-3", "bulk-4");
		}
	}

	/**
	 * A record the same as another one stored (a unique key besides the id) is not
	 * stored, and is named, not counted as stored; run again, it is named again, while
	 * the records stored before are not.
	 */
	@Test
	void aRecordTheSameAsAnotherStoredIsRefusedAndNamedNeverCountedAsStored() {
		try (MemoryMongo mongo = new MemoryMongo()) {
			mongo.template()
				.getCollection("measures")
				.createIndex(new org.bson.Document("duplicateKey", 1), new IndexOptions().unique(true).sparse(true));
			List<Measure> batch = List.of(measure("csv-m1", "BY"), measure("csv-m2", "RU"), measure("csv-m3", "BY"));
			assertThat(BulkInsert.insert(mongo.template(), Measure.class, batch))
				.isEqualTo(new BulkInsert.Inserted(2, List.of("csv-m3")));
			assertThat(BulkInsert.insert(mongo.template(), Measure.class, batch))
				.isEqualTo(new BulkInsert.Inserted(0, List.of("csv-m3")));
			assertThat(mongo.template().findAll(Measure.class)).extracting(Measure::id)
				.containsExactlyInAnyOrder("csv-m1", "csv-m2");
		}
	}

	private static Measure measure(String id, String target) {
		return Measure.of(id, MeasureKind.SANCTION, "Measure " + id, null, List.of(MeasureType.ASSET_FREEZE),
				List.of("eu"), List.of(new Target(TargetKind.PARTY, target.toLowerCase(), null, null, null, null)),
				null, null, null, List.of(), List.of(), null, null, FuzzyDate.of("2021-06-24"), null, null, null,
				List.of());
	}

	/**
	 * Batches handed to the pipeline are stored while the next is made, in order, the
	 * caller's list reused at once; each batch's result reaches the caller in the order
	 * of the batches.
	 */
	@Test
	void aPipelineStoresEveryBatchAndTellsEachInOrder() {
		try (MemoryMongo mongo = new MemoryMongo()) {
			BulkInsert.insert(mongo.template(), Source.class, List.of(source(2)));
			List<BulkInsert.Inserted> told = new ArrayList<>();
			List<Object> batch = new ArrayList<>();
			try (BulkInsert.Pipeline pipeline = new BulkInsert.Pipeline(mongo.template())) {
				for (int n = 0; n < 9; n++) {
					batch.add(source(n));
					if (batch.size() == 3) {
						pipeline.insert(Source.class, batch, told::add);
						batch.clear();
					}
				}
			}
			// the first batch holds one record stored before the load
			assertThat(told).extracting(BulkInsert.Inserted::added).containsExactly(2, 3, 3);
			assertThat(mongo.template().findAll(Source.class)).hasSize(9);
		}
	}

	/**
	 * A batch the store fails stops the load: the failure reaches the caller at its next
	 * call, and the batch handed over with that call is not stored.
	 */
	@Test
	void aBatchThatFailsStopsThePipelineBeforeTheNext() {
		try (MemoryMongo mongo = new MemoryMongo()) {
			List<BulkInsert.Inserted> told = new ArrayList<>();
			try (BulkInsert.Pipeline pipeline = new BulkInsert.Pipeline(mongo.template())) {
				pipeline.insert(Source.class, List.of(source(1)), told::add);
				// an array as id: refused for a reason other than a duplicate
				pipeline.insert(Source.class, List.of(new org.bson.Document("_id", List.of(1, 2))), told::add);
				assertThatThrownBy(() -> pipeline.insert(Source.class, List.of(source(3)), told::add))
					.isInstanceOf(MongoException.class);
			}
			assertThat(told).extracting(BulkInsert.Inserted::added).containsExactly(1);
			assertThat(mongo.template().findAll(Source.class)).extracting(Source::id).containsExactly("bulk-1");
		}
	}

	/** A last batch the store fails fails the load's end, and is not told as done. */
	@Test
	void aLastBatchThatFailsFailsTheFinish() {
		try (MemoryMongo mongo = new MemoryMongo()) {
			List<BulkInsert.Inserted> told = new ArrayList<>();
			try (BulkInsert.Pipeline pipeline = new BulkInsert.Pipeline(mongo.template())) {
				pipeline.insert(Source.class, List.of(new org.bson.Document("_id", List.of(1, 2))), told::add);
				assertThatThrownBy(pipeline::finish).isInstanceOf(MongoException.class);
			}
			assertThat(told).isEmpty();
		}
	}

	@Test
	void progressIsLoggedOnceTenSecondsHavePassed(CapturedOutput output) {
		MovableClock clock = new MovableClock(Instant.parse("2026-01-01T00:00:00Z"));
		LoadProgress progress = new LoadProgress("CSV data set large", clock);
		progress.stored("people", 5000);
		clock.advance(Duration.ofSeconds(9));
		progress.stored("people", 5000);
		assertThat(output.getOut()).doesNotContain("records stored so far");
		clock.advance(Duration.ofSeconds(1));
		progress.stored("people", 10000);
		assertThat(output.getOut()).contains(
				"CSV data set large: people, 0 rows read and 20000 records stored so far (2000 records a second)");
		// reading rows counts too, looked at every thousand rows
		clock.advance(Duration.ofSeconds(10));
		for (int i = 0; i < 1000; i++) {
			progress.read("measure_imposer.csv");
		}
		assertThat(output.getOut()).contains("CSV data set large: measure_imposer.csv, 1000 rows read");
	}

}
