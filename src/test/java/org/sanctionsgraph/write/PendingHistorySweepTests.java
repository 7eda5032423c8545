package org.sanctionsgraph.write;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sanctionsgraph.MemoryMongo;
import org.sanctionsgraph.model.RecordEvents;
import org.sanctionsgraph.model.RecordListener;
import org.sanctionsgraph.records.RecordType;
import org.sanctionsgraph.records.RecordTypes;
import org.sanctionsgraph.source.Source;
import org.sanctionsgraph.source.SourceKind;

import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * A write interrupted between its two steps (the record stored with its history entry in
 * {@code pendingHistory}, the entry not yet moved to the history collection) is finished
 * by the sweep that runs at start-up: the entry ends up in the history exactly once and
 * leaves the record.
 */
class PendingHistorySweepTests {

	private MemoryMongo store;

	private MongoTemplate mongo;

	private PendingHistorySweep sweep;

	@BeforeEach
	void store() {
		this.store = new MemoryMongo();
		this.mongo = this.store.template();
		RecordEvents events = new RecordEvents(new StaticListableBeanFactory().getBeanProvider(RecordListener.class));
		HistoryOrder order = new HistoryOrder();
		RecordWriter writer = new RecordWriter(this.mongo, new Transactions(this.mongo, this.store.factory(), order),
				events, Clock.fixed(Instant.parse("2026-12-01T12:00:00Z"), ZoneOffset.UTC), order);
		RecordTypes types = new RecordTypes(List.of(RecordType.of("Source", Source.class, "source")));
		this.sweep = new PendingHistorySweep(types, writer);
	}

	@AfterEach
	void stop() {
		this.store.close();
	}

	@Test
	void anEntryLeftInTheRecordIsMovedToTheHistoryOnce() {
		storeInterruptedWrite("src-1", "h-1");

		this.sweep.afterSingletonsInstantiated();

		assertThat(historyIds("src-1")).containsExactly("h-1");
		assertThat(pending("src-1")).isEmpty();
		assertThat(this.mongo.findById("src-1", Source.class)).extracting(Source::title).isEqualTo("A report");

		this.sweep.afterSingletonsInstantiated();
		assertThat(historyIds("src-1")).as("a second sweep finds nothing to move").containsExactly("h-1");
	}

	@Test
	void anEntryAlreadyCopiedBeforeTheCrashIsNotCopiedAgain() {
		Document entry = storeInterruptedWrite("src-2", "h-2");
		// The crash came after the copy to the history and before the entry left the
		// record.
		this.mongo.getCollection("history").insertOne(entry);

		this.sweep.afterSingletonsInstantiated();

		assertThat(historyIds("src-2")).containsExactly("h-2");
		assertThat(pending("src-2")).isEmpty();
	}

	/**
	 * Among records with no pending entry (never had one, or had it moved: an empty
	 * list), the one holding an entry is found, through a sparse index the sweep makes,
	 * so a start does not read every record to find none.
	 */
	@Test
	void theRecordsHoldingAnEntryAreFoundThroughASparseIndexOnTheEntries() {
		for (int i = 0; i < 20; i++) {
			Document plain = new Document("_id", "src-plain-" + i).append("title", "Plain " + i);
			if (i % 2 == 0) {
				plain.append("pendingHistory", List.of());
			}
			this.mongo.getCollection("sources").insertOne(plain);
		}
		storeInterruptedWrite("src-3", "h-3");

		this.sweep.afterSingletonsInstantiated();

		assertThat(historyIds("src-3")).containsExactly("h-3");
		assertThat(this.mongo.getCollection("history").countDocuments()).isEqualTo(1);
		Document index = this.mongo.getCollection("sources")
			.listIndexes()
			.into(new ArrayList<>())
			.stream()
			.filter(doc -> RecordWriter.PENDING_INDEX.equals(doc.getString("name")))
			.findFirst()
			.orElseThrow();
		assertThat(index.get("key", Document.class)).isEqualTo(new Document("pendingHistory._id", 1));
		assertThat(index.getBoolean("sparse")).isTrue();
	}

	/**
	 * What the first step of a "create" leaves: the record at revision 1 holding its
	 * entry.
	 */
	private Document storeInterruptedWrite(String id, String entryId) {
		Document entry = new Document("_id", entryId).append("record", "Source:" + id)
			.append("revision", 1L)
			.append("operation", "recordSource")
			.append("actor", "key:analyst")
			.append("at", Date.from(Instant.parse("2026-11-30T08:00:00Z")))
			.append("changes", List.of(new Document("field", "title").append("after", "\"A report\"")))
			.append("sortKey", "000000000001");
		Document record = new Document();
		this.mongo.getConverter()
			.write(new Source(id, SourceKind.NEWS_REPORT, "A report", null, null, null, null, null, 1), record);
		record.remove("_class");
		record.put("revision", 1L);
		record.put("pendingHistory", List.of(entry));
		this.mongo.getCollection("sources").insertOne(record);
		return entry;
	}

	private List<String> historyIds(String id) {
		return this.mongo.getCollection("history")
			.find(new Document("record", "Source:" + id))
			.map(doc -> doc.getString("_id"))
			.into(new ArrayList<>());
	}

	private List<Document> pending(String id) {
		Document record = this.mongo.getCollection("sources").find(new Document("_id", id)).first();
		return record.getList("pendingHistory", Document.class, List.of());
	}

}
