package org.sanctionsgraph.write;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;

import com.mongodb.MongoBulkWriteException;
import com.mongodb.MongoException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.InsertManyOptions;
import org.bson.Document;
import org.sanctionsgraph.db.LongOperations;
import org.sanctionsgraph.db.RequestDeadline;
import org.sanctionsgraph.model.RecordEvents;
import org.sanctionsgraph.paging.Sortable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * The {@link RecordWriter}'s way for many new records at once: the same documents and
 * history entries, with the same guarantee, in a few round trips per batch rather than
 * several per record. Outside a request (an import at start-up) each step gets
 * {@link LongOperations#BULK_BATCH} rather than the client-wide per-request time limit;
 * within one (a bulk request) it keeps what is left of the request's time.
 */
@Component
public class BatchWriter implements DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(BatchWriter.class);

	private final RecordWriter writer;

	private final MongoTemplate mongo;

	private final RecordEvents events;

	/**
	 * Tells the listeners of one batch while the caller makes and stores the next (the
	 * search index's analysis of names, above all, then costs the import no time of its
	 * own on a second core).
	 */
	private final ExecutorService listening = Executors.newSingleThreadExecutor(runnable -> {
		Thread thread = new Thread(runnable, "batch-listeners");
		thread.setDaemon(true);
		return thread;
	});

	/** Longest a stop waits for the listeners to hear of the last batch. */
	static final Duration HEARING_AT_STOP = Duration.ofMinutes(2);

	/** The telling of the last batch; guarded by this. */
	private Future<?> heard = CompletableFuture.completedFuture(null);

	/** How long a stop waits for the listeners to hear of the last batch. */
	private final Duration hearingAtStop;

	@Autowired
	BatchWriter(RecordWriter writer, MongoTemplate mongo, RecordEvents events) {
		this(writer, mongo, events, HEARING_AT_STOP);
	}

	BatchWriter(RecordWriter writer, MongoTemplate mongo, RecordEvents events, Duration hearingAtStop) {
		this.writer = writer;
		this.mongo = mongo;
		this.events = events;
		this.hearingAtStop = hearingAtStop;
	}

	/**
	 * Inserts new records at revision 1, each with its "create" history entry, in two
	 * round trips for the whole batch (a bulk import's path): the entries first, then the
	 * records, so every record stored has its entry without being written a second time
	 * (the single-record path parks the entry on the record and removes it after). When
	 * the records cannot be inserted their entries are removed again; only an
	 * interruption between the two steps can leave entries naming records that were never
	 * stored (no record has their ids, so no record's changes show them).
	 *
	 * <p>
	 * Listeners hear of the batch (the records as given) on a thread of their own, while
	 * the caller goes on: at most one batch behind, since each call first waits for the
	 * previous batch to be heard, and not at all once {@link #settle} returns, which an
	 * import calls before it answers. A listener's failure is thrown by the next call or
	 * by {@code settle}.
	 */
	public <T extends Sortable> void createAll(String recordType, Class<T> type, List<T> records, String operation) {
		if (records.isEmpty()) {
			return;
		}
		this.writer.transactions().run(() -> {
			List<Document> docs = new ArrayList<>(records.size());
			List<Document> entries = new ArrayList<>(records.size());
			for (T record : records) {
				Document doc = this.writer.toDocument(record);
				doc.put(RecordWriter.REVISION, 1L);
				entries.add(this.writer.entry(recordType, record.id(), 1, operation, null, doc));
				docs.add(doc);
			}
			MongoCollection<Document> history = bounded(
					this.mongo.getCollection(this.mongo.getCollectionName(HistoryEntry.class)));
			try {
				history.insertMany(entries, new InsertManyOptions().ordered(false));
			}
			catch (MongoException ex) {
				if (!RecordWriter.isDuplicateKey(ex)) {
					throw ex;
				}
			}
			try {
				collection(type).insertMany(docs);
			}
			catch (RuntimeException ex) {
				history.deleteMany(Filters.in("_id", notStored(type, docs, entries, ex)));
				throw ex;
			}
			return null;
		});
		tell(List.copyOf(records));
	}

	/**
	 * Has the listeners hear of a batch stored, on their thread, once they have heard of
	 * the one before.
	 */
	synchronized void tell(List<?> stored) {
		awaitHeard();
		try {
			this.heard = this.listening.submit(() -> this.events.writtenAll(stored));
		}
		catch (RejectedExecutionException ex) {
			// stored after the stop began: no listener will hear of it
			this.events.missed();
			throw ex;
		}
	}

	/**
	 * Waits until the listeners have heard of every batch stored so far (so what was
	 * imported is searchable); throws a listener's failure.
	 */
	public synchronized void settle() {
		awaitHeard();
	}

	/**
	 * Waits for the last batch to be heard; a listener's failure is thrown once, to this
	 * caller, and not again to the next.
	 */
	private void awaitHeard() {
		Future<?> last = this.heard;
		this.heard = CompletableFuture.completedFuture(null);
		try {
			last.get();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while the listeners heard of a batch", ex);
		}
		catch (ExecutionException ex) {
			throw ex.getCause() instanceof RuntimeException runtime ? runtime
					: new IllegalStateException("A listener failed on a batch", ex.getCause());
		}
	}

	/**
	 * Lets the listeners hear of the last batch stored before the store closes (what they
	 * keep in the store, the list bounds, must cover every record it holds at a clean
	 * stop). A batch still unheard after {@link #HEARING_AT_STOP} is given up, and the
	 * listeners are told they missed records.
	 */
	@Override
	public void destroy() {
		this.listening.shutdown();
		boolean heard;
		try {
			heard = this.listening.awaitTermination(this.hearingAtStop.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			heard = false;
		}
		if (!heard) {
			this.listening.shutdownNow();
			log.warn("Stopping before the listeners heard of the last batch stored");
			this.events.missed();
		}
	}

	/**
	 * The ids of the entries whose records a failed insert did not store: an ordered
	 * insert stores the records before the first that failed and none after; otherwise
	 * the records not found now.
	 */
	private List<String> notStored(Class<?> type, List<Document> docs, List<Document> entries, RuntimeException ex) {
		int first = ex instanceof MongoBulkWriteException bulk && !bulk.getWriteErrors().isEmpty()
				? bulk.getWriteErrors().get(0).getIndex() : -1;
		List<String> found = new ArrayList<>();
		if (first < 0) {
			collection(type).find(Filters.in("_id", docs.stream().map(doc -> doc.get("_id")).toList()))
				.projection(new Document("_id", 1))
				.forEach(doc -> found.add(String.valueOf(doc.get("_id"))));
		}
		List<String> ids = new ArrayList<>();
		for (int i = 0; i < docs.size(); i++) {
			boolean stored = first >= 0 ? i < first : found.contains(String.valueOf(docs.get(i).get("_id")));
			if (!stored) {
				ids.add(entries.get(i).getString("_id"));
			}
		}
		return ids;
	}

	private MongoCollection<Document> collection(Class<?> type) {
		return bounded(this.writer.collection(type));
	}

	private static MongoCollection<Document> bounded(MongoCollection<Document> collection) {
		return RequestDeadline.current() == null
				? collection.withTimeout(LongOperations.BULK_BATCH.toMillis(), TimeUnit.MILLISECONDS) : collection;
	}

}
