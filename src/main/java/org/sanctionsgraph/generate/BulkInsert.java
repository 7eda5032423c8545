package org.sanctionsgraph.generate;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.InsertManyOptions;
import com.mongodb.client.model.Projections;
import org.bson.Document;
import org.sanctionsgraph.db.LongOperations;

import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * Inserts records in batches through the application's own document mapping (no type
 * hints stored). A bulk load is not a request: each batch gets
 * {@link LongOperations#BULK_BATCH} rather than the per-request time limit every other
 * MongoDB operation gets. Records already stored (a load that stopped midway and runs
 * again) are skipped, so a load resumes where it stopped instead of failing on their ids.
 * A record refused for another unique key (a measure the same as one stored: same kind,
 * imposers, targets, types and start) is not stored either, and is named in the result,
 * never counted as stored.
 */
final class BulkInsert {

	private BulkInsert() {
	}

	/**
	 * What a batch did: how many of its records it stored, and the ids of those refused
	 * as the same as another record stored (a unique key besides the id).
	 */
	record Inserted(int added, List<Object> refused) {
	}

	/** Inserts the records not stored yet. */
	static Inserted insert(MongoTemplate mongo, Class<?> type, List<?> records) {
		return insertDocuments(mongo, type, documents(mongo, records));
	}

	private static List<Document> documents(MongoTemplate mongo, List<?> records) {
		List<Document> docs = new ArrayList<>(records.size());
		for (Object record : records) {
			Document doc = new Document();
			mongo.getConverter().write(record, doc);
			doc.remove("_class");
			docs.add(doc);
		}
		return docs;
	}

	private static Inserted insertDocuments(MongoTemplate mongo, Class<?> type, List<Document> docs) {
		if (docs.isEmpty()) {
			return new Inserted(0, List.of());
		}
		MongoCollection<Document> collection = mongo.getCollection(mongo.getCollectionName(type))
			.withTimeout(LongOperations.BULK_BATCH.toMillis(), TimeUnit.MILLISECONDS);
		try {
			collection.insertMany(docs, new InsertManyOptions().ordered(false));
			return new Inserted(docs.size(), List.of());
		}
		catch (MongoBulkWriteException ex) {
			boolean onlyDuplicates = ex.getWriteErrors()
				.stream()
				.allMatch(error -> ErrorCategory.fromErrorCode(error.getCode()) == ErrorCategory.DUPLICATE_KEY);
			if (!onlyDuplicates || ex.getWriteConcernError() != null) {
				throw ex;
			}
			// a duplicate of its own id is the record stored before; of another key, a
			// different record refused
			List<Object> failed = new ArrayList<>();
			ex.getWriteErrors().forEach(error -> failed.add(docs.get(error.getIndex()).get("_id")));
			Set<Object> stored = new HashSet<>();
			collection.find(Filters.in("_id", failed))
				.projection(Projections.include("_id"))
				.forEach(doc -> stored.add(doc.get("_id")));
			List<Object> refused = failed.stream().filter(id -> !stored.contains(id)).toList();
			return new Inserted(docs.size() - failed.size(), refused);
		}
	}

	/**
	 * Inserts batches one after the other on a thread of its own, while the caller makes
	 * the next: a load's reading and mapping of records and the store's work on them take
	 * turns no more, each on a core. One batch is stored at a time and at most one waits
	 * made; what each did is told to the caller, on the caller's thread, in the order of
	 * the batches, before the next is handed over or when the caller waits for all
	 * ({@link #finish}). A batch that fails stops the load there: the failure is thrown
	 * at the caller's next call, and nothing after it is stored.
	 */
	static final class Pipeline implements AutoCloseable {

		private final MongoTemplate mongo;

		private final ExecutorService thread;

		private Future<Inserted> storing;

		private Consumer<Inserted> then;

		Pipeline(MongoTemplate mongo) {
			this.mongo = mongo;
			this.thread = Executors.newSingleThreadExecutor(task -> {
				Thread inserting = new Thread(task, "bulk-insert");
				inserting.setDaemon(true);
				return inserting;
			});
		}

		/**
		 * Maps the records to documents here, then has them inserted once the batch
		 * before is stored; {@code then} hears what the batch did. The list may be reused
		 * as soon as this returns.
		 */
		void insert(Class<?> type, List<?> records, Consumer<Inserted> then) {
			List<Document> docs = documents(this.mongo, records);
			finish();
			this.storing = this.thread.submit(() -> insertDocuments(this.mongo, type, docs));
			this.then = then;
		}

		/** Waits for the batch being stored, if any, and tells what it did. */
		void finish() {
			Future<Inserted> batch = this.storing;
			if (batch == null) {
				return;
			}
			this.storing = null;
			Inserted inserted;
			try {
				inserted = batch.get();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				batch.cancel(true);
				throw new IllegalStateException("Interrupted while a batch was being stored", ex);
			}
			catch (ExecutionException ex) {
				if (ex.getCause() instanceof RuntimeException runtime) {
					throw runtime;
				}
				if (ex.getCause() instanceof Error error) {
					throw error;
				}
				throw new IllegalStateException(ex.getCause());
			}
			this.then.accept(inserted);
		}

		/**
		 * Stops the thread, waiting for the batch being stored (a failure of a load
		 * midway leaves it stored, as a load resumes).
		 */
		@Override
		public void close() {
			try {
				finish();
			}
			finally {
				this.thread.shutdown();
			}
		}

	}

}
