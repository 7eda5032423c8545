package org.sanctionsgraph.write;

import java.time.Instant;
import java.util.Date;
import java.util.List;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import org.bson.Document;
import org.bson.conversions.Bson;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * What the database said about a record at an earlier moment ("as known on"), rebuilt
 * from the current record by undoing, newest first, every change recorded after that
 * moment. A record created through the API after the moment was not known then. Records
 * loaded from the seed story have no history and count as known all along.
 */
@Component
public class HistoryReplay {

	private final MongoTemplate mongo;

	HistoryReplay(MongoTemplate mongo) {
		this.mongo = mongo;
	}

	/**
	 * The record as stored at {@code at}, or null when it did not exist yet (or does not
	 * exist).
	 */
	public <T> T asKnownOn(Class<T> type, String recordType, String id, Instant at) {
		return rebuilt(type, recordType, id, Filters.gt("at", Date.from(at)));
	}

	/**
	 * The record as it was right after the change that gave it {@code revision}, or null
	 * when it does not exist.
	 */
	public <T> T atRevision(Class<T> type, String recordType, String id, long revision) {
		return rebuilt(type, recordType, id, Filters.gt("revision", revision));
	}

	private <T> T rebuilt(Class<T> type, String recordType, String id, Bson undone) {
		Document doc = this.mongo.getCollection(this.mongo.getCollectionName(type)).find(Filters.eq("_id", id)).first();
		if (doc == null) {
			return null;
		}
		List<Document> later = this.mongo.getCollection(this.mongo.getCollectionName(HistoryEntry.class))
			.find(Filters.and(Filters.eq("record", recordType + ":" + id), undone))
			.sort(Sorts.descending("revision"))
			.into(new java.util.ArrayList<>());
		for (Document entry : later) {
			if (entry.getLong("revision") == 1L) {
				return null;
			}
			for (Document change : entry.getList("changes", Document.class, List.of())) {
				String before = change.getString("before");
				if (before == null) {
					doc.remove(change.getString("field"));
				}
				else {
					doc.put(change.getString("field"), Document.parse("{\"v\": " + before + "}").get("v"));
				}
			}
			doc.put(RecordWriter.REVISION, entry.getLong("revision") - 1);
		}
		doc.remove(RecordWriter.PENDING);
		return this.mongo.getConverter().read(type, doc);
	}

}
