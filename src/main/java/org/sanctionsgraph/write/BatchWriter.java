package org.sanctionsgraph.write;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import com.mongodb.MongoException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.InsertManyOptions;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.sanctionsgraph.db.RequestDeadline;
import org.sanctionsgraph.model.RecordEvents;
import org.sanctionsgraph.paging.Sortable;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * The {@link RecordWriter}'s way for many new records at once: the same documents and
 * history entries, with the same guarantee, in a few round trips per batch rather than
 * several per record. Outside a request (an import at start-up) each step gets
 * {@link #BATCH_TIMEOUT} rather than the client-wide per-request time limit; within one
 * (a bulk request) it keeps what is left of the request's time.
 */
@Component
public class BatchWriter {

	/** Longest one step of a batch may take outside a request. */
	static final Duration BATCH_TIMEOUT = Duration.ofMinutes(5);

	private final RecordWriter writer;

	private final MongoTemplate mongo;

	private final RecordEvents events;

	BatchWriter(RecordWriter writer, MongoTemplate mongo, RecordEvents events) {
		this.writer = writer;
		this.mongo = mongo;
		this.events = events;
	}

	/**
	 * Inserts new records at revision 1, each with its "create" history entry, in a few
	 * round trips for the whole batch (a bulk import's path): each record carries its
	 * entry while the entries are copied, as {@link RecordWriter#create} does, so an
	 * interruption leaves them for {@link RecordWriter#drainAll}. Listeners hear of the
	 * batch at once.
	 */
	public <T extends Sortable> List<T> createAll(String recordType, Class<T> type, List<T> records, String operation) {
		if (records.isEmpty()) {
			return List.of();
		}
		List<T> created = this.writer.transactions().run(() -> {
			List<Document> docs = new ArrayList<>(records.size());
			List<Document> entries = new ArrayList<>(records.size());
			for (T record : records) {
				Document doc = this.writer.toDocument(record);
				doc.put(RecordWriter.REVISION, 1L);
				Document entry = this.writer.entry(recordType, record.id(), 1, operation, null, doc);
				doc.put(RecordWriter.PENDING, List.of(entry));
				docs.add(doc);
				entries.add(entry);
			}
			collection(type).insertMany(docs);
			try {
				bounded(this.mongo.getCollection(this.mongo.getCollectionName(HistoryEntry.class))).insertMany(entries,
						new InsertManyOptions().ordered(false));
			}
			catch (MongoException ex) {
				if (!RecordWriter.isDuplicateKey(ex)) {
					throw ex;
				}
			}
			List<String> ids = records.stream().map(Sortable::id).toList();
			List<String> entryIds = entries.stream().map(entry -> entry.getString("_id")).toList();
			collection(type).updateMany(Filters.in("_id", ids), Updates
				.pullByFilter(new Document(RecordWriter.PENDING, new Document("_id", new Document("$in", entryIds)))));
			List<T> stored = new ArrayList<>(docs.size());
			for (Document doc : docs) {
				doc.remove(RecordWriter.PENDING);
				stored.add(this.mongo.getConverter().read(type, doc));
			}
			return stored;
		});
		this.events.writtenAll(created);
		return created;
	}

	private MongoCollection<Document> collection(Class<?> type) {
		return bounded(this.writer.collection(type));
	}

	private static MongoCollection<Document> bounded(MongoCollection<Document> collection) {
		return RequestDeadline.current() == null
				? collection.withTimeout(BATCH_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS) : collection;
	}

}
