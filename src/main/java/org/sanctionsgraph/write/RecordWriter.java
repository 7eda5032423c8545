package org.sanctionsgraph.write;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;

import com.mongodb.MongoException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.bson.json.JsonMode;
import org.bson.json.JsonWriterSettings;
import org.sanctionsgraph.db.LongOperations;
import org.sanctionsgraph.model.RecordEvents;
import org.sanctionsgraph.paging.Sortable;
import org.sanctionsgraph.security.Actor;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * Writes records so that a change and its history entry can never diverge, and no update
 * is lost.
 *
 * <p>
 * Every write is a single-document operation on the record that also appends the history
 * entry to the record's own {@code pendingHistory} array (atomic on any
 * MongoDB-compatible server), guarded by the revision the writer saw. The entry is then
 * copied to the {@code history} collection (insert if absent) and removed from the
 * record. On a replica set the whole sequence runs in one transaction, so the history
 * entry commits with the change; on the embedded server, which has no transactions, an
 * interruption between the steps leaves the entry in the record, and {@link #drainAll}
 * moves it at the next start. Either way a successful write always has its entry and a
 * failed one never does.
 */
@Component
public class RecordWriter {

	static final String PENDING = "pendingHistory";

	/** The sparse index on pending entries' ids, which finds interrupted writes. */
	static final String PENDING_INDEX = "pending_history";

	static final String REVISION = "revision";

	private static final int DUPLICATE_KEY = 11000;

	/**
	 * Fields computed from others or used for bookkeeping: not part of what a change
	 * shows.
	 */
	private static final Set<String> NOT_SHOWN = Set.of("_id", "_class", "sortKey", REVISION, PENDING, "startDay",
			"endDay", "timelineKey", "duplicateKey", "targetPartyIds", "targetCountryIds", "targetPersonIds",
			"targetOrganizationIds");

	private static final JsonWriterSettings JSON = JsonWriterSettings.builder().outputMode(JsonMode.RELAXED).build();

	private final MongoTemplate mongo;

	private final Transactions transactions;

	private final RecordEvents events;

	private final Clock clock;

	private final HistoryOrder order;

	RecordWriter(MongoTemplate mongo, Transactions transactions, RecordEvents events, Clock clock, HistoryOrder order) {
		this.mongo = mongo;
		this.transactions = transactions;
		this.events = events;
		this.clock = clock;
		this.order = order;
	}

	/** The outcome of an update: the new record, or why there is none. */
	public sealed interface Outcome<T> {

		record Written<T>(T record) implements Outcome<T> {
		}

		record NotFound<T>() implements Outcome<T> {
		}

		record Conflict<T>(long currentRevision) implements Outcome<T> {
		}

	}

	/** Inserts a new record at revision 1 with its "create" history entry. */
	public <T extends Sortable> T create(String recordType, Class<T> type, T record, String operation) {
		return announce(this.transactions.run(() -> {
			Document doc = toDocument(record);
			doc.put(REVISION, 1L);
			doc.put(PENDING, List.of(entry(recordType, record.id(), 1, operation, null, doc)));
			collection(type).insertOne(doc);
			drain(type, record.id());
			return this.mongo.findById(record.id(), type);
		}));
	}

	Transactions transactions() {
		return this.transactions;
	}

	private <T> T announce(T record) {
		this.events.written(record);
		return record;
	}

	/**
	 * Applies a change to the record if it is still at {@code expectedRevision};
	 * otherwise reports the conflict with the current revision. The change sees the
	 * current record.
	 */
	public <T extends Sortable> Outcome<T> update(String recordType, Class<T> type, String id, long expectedRevision,
			String operation, UnaryOperator<T> change) {
		try {
			Outcome<T> outcome = this.transactions.run(() -> {
				MongoCollection<Document> collection = collection(type);
				Document current = collection.find(Filters.eq("_id", id)).first();
				if (current == null) {
					return new Outcome.NotFound<>();
				}
				long revision = revisionOf(current);
				if (revision != expectedRevision) {
					return new Outcome.Conflict<>(revision);
				}
				T after = change.apply(this.mongo.getConverter().read(type, current));
				Document doc = toDocument(after);
				doc.put(REVISION, revision + 1);
				List<Document> pending = new ArrayList<>(current.getList(PENDING, Document.class, List.of()));
				pending.add(entry(recordType, id, revision + 1, operation, current, doc));
				doc.put(PENDING, pending);
				long matched = collection
					.replaceOne(Filters.and(Filters.eq("_id", id), Filters.eq(REVISION, revision)), doc)
					.getMatchedCount();
				if (matched == 0) {
					return new Outcome.Conflict<>(currentRevision(type, id));
				}
				drain(type, id);
				return new Outcome.Written<>(this.mongo.findById(id, type));
			});
			if (outcome instanceof Outcome.Written<T> written) {
				announce(written.record());
			}
			return outcome;
		}
		catch (RuntimeException ex) {
			// A concurrent transaction touched the same record (reported by the write or
			// at commit,
			// possibly wrapped by Spring): the loser learns the winner's revision.
			if (transientTransactionError(ex)) {
				return new Outcome.Conflict<>(currentRevision(type, id));
			}
			throw ex;
		}
	}

	/**
	 * Moves every pending history entry of every record of a type into the history
	 * collection, and returns how many records had some. Safe to repeat: an entry already
	 * copied is not copied again.
	 */
	public int drainAll(Class<?> type) {
		int records = 0;
		// not a request: building the index the first time reads the whole collection,
		// which the per-request time limit would stop at a million records
		MongoCollection<Document> all = collection(type).withTimeout(LongOperations.WHOLE_COLLECTION.toMillis(),
				TimeUnit.MILLISECONDS);
		// only the records holding an entry are read, through a sparse index on the
		// entries' ids (history ids are strings), instead of a pass over every record at
		// every start (40 s at a million measures on the embedded server)
		all.createIndex(Indexes.ascending(PENDING + "._id"), new IndexOptions().name(PENDING_INDEX).sparse(true));
		for (Document doc : all.find(Filters.gt(PENDING + "._id", "")).projection(new Document("_id", 1))) {
			drain(type, doc.getString("_id"));
			records++;
		}
		return records;
	}

	private void drain(Class<?> type, String id) {
		Document current = collection(type).find(Filters.eq("_id", id)).first();
		if (current == null) {
			return;
		}
		MongoCollection<Document> history = this.mongo.getCollection(this.mongo.getCollectionName(HistoryEntry.class));
		for (Document entry : current.getList(PENDING, Document.class, List.of())) {
			try {
				history.insertOne(entry);
			}
			catch (MongoException ex) {
				if (!isDuplicateKey(ex)) {
					throw ex;
				}
			}
			collection(type).updateOne(Filters.eq("_id", id),
					Updates.pull(PENDING, new Document("_id", entry.getString("_id"))));
		}
	}

	private long currentRevision(Class<?> type, String id) {
		Document current = collection(type).find(Filters.eq("_id", id)).projection(new Document(REVISION, 1)).first();
		return current == null ? 0 : revisionOf(current);
	}

	private static long revisionOf(Document doc) {
		Object revision = doc.get(REVISION);
		return revision instanceof Number number ? number.longValue() : 0;
	}

	Document entry(String recordType, String id, long revision, String operation, Document before, Document after) {
		Set<String> fields = new LinkedHashSet<>();
		if (before != null) {
			fields.addAll(before.keySet());
		}
		fields.addAll(after.keySet());
		List<Document> changes = new ArrayList<>();
		for (String field : fields) {
			if (NOT_SHOWN.contains(field)) {
				continue;
			}
			Object old = before == null ? null : before.get(field);
			Object now = after.get(field);
			if (!Objects.equals(old, now)) {
				changes.add(new Document("field", field).append("before", json(old)).append("after", json(now)));
			}
		}
		HistoryEntry entry = new HistoryEntry(this.order.next(), recordType + ":" + id, revision, operation,
				Actor.current(), this.clock.instant(), List.of(), null);
		Document doc = toDocument(entry);
		doc.put("changes", changes);
		return doc;
	}

	private static String json(Object value) {
		if (value == null) {
			return null;
		}
		String wrapped = new Document("v", shown(value)).toJson(JSON);
		return wrapped.substring(wrapped.indexOf(':') + 1, wrapped.length() - 1).trim();
	}

	/**
	 * The value without the derived fields of the records nested in it (a position's
	 * days).
	 */
	private static Object shown(Object value) {
		if (value instanceof Document nested) {
			Document shown = new Document();
			nested.forEach((field, inner) -> {
				if (!NOT_SHOWN.contains(field)) {
					shown.put(field, shown(inner));
				}
			});
			return shown;
		}
		if (value instanceof List<?> list) {
			return list.stream().map(RecordWriter::shown).toList();
		}
		return value;
	}

	Document toDocument(Object record) {
		Document doc = new Document();
		this.mongo.getConverter().write(record, doc);
		doc.remove("_class");
		return doc;
	}

	MongoCollection<Document> collection(Class<?> type) {
		return this.mongo.getCollection(this.mongo.getCollectionName(type));
	}

	static boolean transientTransactionError(Throwable ex) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause instanceof MongoException mongoException
					&& mongoException.hasErrorLabel(MongoException.TRANSIENT_TRANSACTION_ERROR_LABEL)) {
				return true;
			}
		}
		return false;
	}

	static boolean isDuplicateKey(MongoException ex) {
		return ex.getCode() == DUPLICATE_KEY;
	}

	/**
	 * Whether a write failed because a unique index already holds the same key (MongoDB's
	 * E11000).
	 */
	static boolean duplicateKey(Throwable ex) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause instanceof DuplicateKeyException
					|| cause instanceof MongoException mongoException && isDuplicateKey(mongoException)) {
				return true;
			}
		}
		return false;
	}

}
