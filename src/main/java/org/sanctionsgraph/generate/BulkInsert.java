package org.sanctionsgraph.generate;

import java.util.ArrayList;
import java.util.List;

import org.bson.Document;

import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * Inserts records in batches through the application's own document mapping (no type
 * hints stored).
 */
final class BulkInsert {

	private BulkInsert() {
	}

	static void insert(MongoTemplate mongo, Class<?> type, List<?> records) {
		if (records.isEmpty()) {
			return;
		}
		List<Document> docs = new ArrayList<>(records.size());
		for (Object record : records) {
			Document doc = new Document();
			mongo.getConverter().write(record, doc);
			doc.remove("_class");
			docs.add(doc);
		}
		mongo.getCollection(mongo.getCollectionName(type)).insertMany(docs);
	}

}
