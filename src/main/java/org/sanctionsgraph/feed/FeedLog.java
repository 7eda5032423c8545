package org.sanctionsgraph.feed;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Pattern;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.sanctionsgraph.measure.Measure;
import org.sanctionsgraph.paging.Connection;
import org.sanctionsgraph.write.HistoryEntry;
import org.sanctionsgraph.write.HistoryReplay;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * Reads the feed from the change history, the one source of truth: the measures' history
 * entries in the order they were written, which is the order of their ids (ObjectIds,
 * made by the writer, so the default {@code _id} index serves every read here), each with
 * the measure rebuilt as it was right after that change.
 */
@Component
public class FeedLog {

	/** How many changes one page of {@code measureChanges} reads at most. */
	static final int SCAN_LIMIT = 2000;

	/** How many changes one read of the history returns at most. */
	public static final int BATCH = 100;

	private static final String RECORD_TYPE = "Measure";

	private static final Pattern MEASURES = Pattern.compile("^" + RECORD_TYPE + ":");

	private final MongoTemplate mongo;

	private final HistoryReplay replay;

	FeedLog(MongoTemplate mongo, HistoryReplay replay) {
		this.mongo = mongo;
		this.replay = replay;
	}

	/**
	 * Up to {@code limit} changes written after the entry {@code afterId} (all when
	 * null).
	 */
	public List<FeedEntry> after(String afterId, int limit) {
		Bson filter = afterId == null ? measures() : Filters.and(Filters.gt("_id", afterId), measures());
		List<FeedEntry> entries = new ArrayList<>();
		for (Document doc : history().find(filter).sort(Sorts.ascending("_id")).limit(limit)) {
			entries.add(entry(doc));
		}
		return entries;
	}

	/**
	 * What one read of the history after a position found: the feed's changes (at most
	 * the limit asked for), the position the next read goes on from (null when there is
	 * nothing new), and how many changes were read: fewer than the limit when the read
	 * reached the newest entry.
	 */
	public record Read(List<FeedEntry> changes, String position, int read) {
	}

	/**
	 * The next {@code limit} changes of the feed after {@code afterId}, among the entries
	 * written up to the newest one at the start of the read: the server looks for them (a
	 * bulk import's entries of other kinds are never sent), and a read that finds fewer
	 * than the limit moves the position to that newest entry, so a reader that follows
	 * the history as it grows reads past other kinds' entries once instead of at every
	 * write.
	 */
	public Read next(String afterId, int limit) {
		String newest = newestOfAll();
		if (newest == null || (afterId != null && newest.compareTo(afterId) <= 0)) {
			return new Read(List.of(), null, 0);
		}
		Bson upTo = Filters.lte("_id", newest);
		Bson range = afterId == null ? upTo : Filters.and(Filters.gt("_id", afterId), upTo);
		List<FeedEntry> changes = new ArrayList<>();
		for (Document doc : history().find(Filters.and(range, measures())).sort(Sorts.ascending("_id")).limit(limit)) {
			changes.add(entry(doc));
		}
		String position = changes.size() < limit ? newest : changes.get(changes.size() - 1).id();
		return new Read(changes, position, changes.size());
	}

	/**
	 * The id of the newest history entry of any record kind, or null when there is none:
	 * the feed's changes written later are all after it. (One read of the id's end, where
	 * the newest measure change could lie behind any number of other kinds' entries.)
	 */
	public String newestOfAll() {
		Document doc = history().find().sort(Sorts.descending("_id")).projection(new Document("_id", 1)).first();
		return doc == null ? null : doc.getString("_id");
	}

	/**
	 * One page of the feed: the first {@code size} matching changes after
	 * {@code afterId}, reading at most {@value #SCAN_LIMIT} changes.
	 */
	Connection<FeedEntry> page(Predicate<Measure> filter, String afterId, int size) {
		List<Connection.Edge<FeedEntry>> edges = new ArrayList<>();
		String position = afterId;
		int scanned = 0;
		scan: while (edges.size() < size && scanned < SCAN_LIMIT) {
			List<FeedEntry> batch = after(position, Math.min(BATCH, SCAN_LIMIT - scanned));
			for (FeedEntry entry : batch) {
				scanned++;
				position = entry.id();
				if (entry.measure() != null && filter.test(entry.measure())) {
					edges.add(new Connection.Edge<>(entry.cursor(), entry));
					if (edges.size() == size) {
						break scan;
					}
				}
			}
			if (batch.size() < BATCH) {
				break;
			}
		}
		boolean more = position != null && history().find(Filters.and(Filters.gt("_id", position), measures()))
			.projection(new Document("_id", 1))
			.first() != null;
		String end = position == null || position.equals(afterId) ? null : FeedCursor.encode(position);
		Connection.PageInfo info = new Connection.PageInfo(more, afterId != null,
				edges.isEmpty() ? null : edges.get(0).cursor(), end);
		return new Connection<>(edges, info, -1);
	}

	private static Bson measures() {
		return Filters.regex("record", MEASURES);
	}

	private FeedEntry entry(Document doc) {
		String record = doc.getString("record");
		String id = record.substring(RECORD_TYPE.length() + 1);
		Measure measure = this.replay.atRevision(Measure.class, RECORD_TYPE, id, doc.getLong("revision"));
		Date at = doc.getDate("at");
		String position = doc.getString("_id");
		return new FeedEntry(position, FeedCursor.encode(position), MeasureOperation.of(doc.getString("operation")),
				at == null ? null : at.toInstant(), doc.getString("actor"), measure);
	}

	private com.mongodb.client.MongoCollection<Document> history() {
		return this.mongo.getCollection(this.mongo.getCollectionName(HistoryEntry.class));
	}

}
