package org.sanctionsgraph.write;

import java.time.Instant;
import java.util.List;

import org.sanctionsgraph.paging.Sortable;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.mapping.FieldType;
import org.springframework.data.mongodb.core.mapping.MongoId;

/**
 * One change to one record: who made it (the key's or token's name), when, which
 * operation, and every field before and after. {@code record} is the changed record's
 * type and key ("Measure:m-1").
 */
@Document("history")
@CompoundIndex(name = "record_sort", def = "{'record': 1, 'sortKey': 1, '_id': 1}")
public record HistoryEntry(@MongoId(FieldType.STRING) String id, String record, long revision, String operation,
		String actor, Instant at, List<FieldChange> changes, String sortKey) implements Sortable {

	public HistoryEntry {
		sortKey = "%012d".formatted(revision);
	}

}
