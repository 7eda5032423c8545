package org.sanctionsgraph.generate;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.client.model.InsertManyOptions;
import org.bson.Document;
import org.sanctionsgraph.db.LongOperations;

import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * Inserts records in batches through the application's own document mapping (no type
 * hints stored). A bulk load is not a request: each batch gets
 * {@link LongOperations#BULK_BATCH} rather than the per-request time limit every other
 * MongoDB operation gets. Records already stored (a load that stopped midway and runs
 * again) are skipped, so a load resumes where it stopped instead of failing on their ids.
 */
final class BulkInsert {

	private BulkInsert() {
	}

	/** Inserts the records not stored yet; returns how many were new. */
	static int insert(MongoTemplate mongo, Class<?> type, List<?> records) {
		if (records.isEmpty()) {
			return 0;
		}
		List<Document> docs = new ArrayList<>(records.size());
		for (Object record : records) {
			Document doc = new Document();
			mongo.getConverter().write(record, doc);
			doc.remove("_class");
			docs.add(doc);
		}
		try {
			mongo.getCollection(mongo.getCollectionName(type))
				.withTimeout(LongOperations.BULK_BATCH.toMillis(), TimeUnit.MILLISECONDS)
				.insertMany(docs, new InsertManyOptions().ordered(false));
			return docs.size();
		}
		catch (MongoBulkWriteException ex) {
			boolean onlyStored = ex.getWriteErrors()
				.stream()
				.allMatch(error -> ErrorCategory.fromErrorCode(error.getCode()) == ErrorCategory.DUPLICATE_KEY);
			if (!onlyStored || ex.getWriteConcernError() != null) {
				throw ex;
			}
			return docs.size() - ex.getWriteErrors().size();
		}
	}

}
