package org.sanctionsgraph.generate;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

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
		if (records.isEmpty()) {
			return new Inserted(0, List.of());
		}
		List<Document> docs = new ArrayList<>(records.size());
		for (Object record : records) {
			Document doc = new Document();
			mongo.getConverter().write(record, doc);
			doc.remove("_class");
			docs.add(doc);
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

}
