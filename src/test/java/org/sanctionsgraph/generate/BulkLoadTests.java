package org.sanctionsgraph.generate;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.sanctionsgraph.MemoryMongo;
import org.sanctionsgraph.MovableClock;
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
			assertThat(BulkInsert.insert(mongo.template(), Source.class, List.of(source(1), source(2)))).isEqualTo(2);
			// runs again from the start: only the missing ones are new
			assertThat(BulkInsert.insert(mongo.template(), Source.class,
					List.of(source(1), source(2), source(3), source(4))))
				.isEqualTo(2);
			assertThat(BulkInsert.insert(mongo.template(), Source.class, List.of(source(3)))).isZero();
			assertThat(mongo.template().findAll(Source.class)).extracting(Source::id)
				.containsExactlyInAnyOrder("bulk-1", "bulk-2", "bulk-3", "bulk-4");
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
