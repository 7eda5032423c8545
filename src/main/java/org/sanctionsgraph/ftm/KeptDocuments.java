package org.sanctionsgraph.ftm;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import org.bson.Document;

/**
 * The import's own collections of entities kept by FtM id (addresses, identifications,
 * positions, occupancies): a batch is compared with what is stored in one read and only
 * what changed is written, in one bulk write, so a second import of the same file writes
 * nothing and counts every entity unchanged.
 */
final class KeptDocuments {

	private KeptDocuments() {
	}

	/**
	 * Stores documents keyed by their {@code _id}, counting each new, changed or same.
	 */
	static void store(MongoCollection<Document> collection, Map<String, Document> docs, ImportSummary summary) {
		if (docs.isEmpty()) {
			return;
		}
		Map<String, Document> current = new HashMap<>();
		collection.find(Filters.in("_id", docs.keySet())).forEach(doc -> current.put(doc.getString("_id"), doc));
		List<ReplaceOneModel<Document>> writes = new ArrayList<>();
		docs.forEach((id, doc) -> {
			Document stored = current.get(id);
			if (doc.equals(stored)) {
				summary.count(ImportSummary.Outcome.UNCHANGED);
				return;
			}
			summary.count(stored == null ? ImportSummary.Outcome.CREATED : ImportSummary.Outcome.UPDATED);
			writes.add(new ReplaceOneModel<>(Filters.eq("_id", id), doc, new ReplaceOptions().upsert(true)));
		});
		if (!writes.isEmpty()) {
			collection.bulkWrite(writes);
		}
	}

}
