package org.sanctionsgraph.tie;

import java.util.ArrayList;
import java.util.List;

import org.sanctionsgraph.model.Citation;
import org.sanctionsgraph.model.FuzzyDate;
import org.sanctionsgraph.model.Lists;
import org.sanctionsgraph.paging.Sortable;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.CompoundIndexes;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.mapping.FieldType;
import org.springframework.data.mongodb.core.mapping.MongoId;

import io.soabase.recordbuilder.core.RecordBuilder;

/**
 * A dated, cited tie between two records: family or associates (two people), an owner and
 * what it owns, or a person or organisation and an organisation it directs, holds a role
 * in or belongs to. Each end is read from both sides, so the ends are stored once each
 * and together ({@code endIds}), each with an index for its lists.
 *
 * @param id the key
 * @param kind what the tie says
 * @param fromId the first end: a relative or associate, the owner, the director, role
 * holder or member
 * @param fromKind whether the first end is a person or an organisation
 * @param toId the second end: the other relative or associate, the asset owned, the
 * organisation
 * @param toKind whether the second end is a person or an organisation
 * @param relationship the relationship or role in words: what the second end is to the
 * first in a family tie ("son"), the role in an organisation ("chairman")
 * @param percentage the share the owner holds, 0 to 100, when known (ownership only)
 * @param start when the tie began, as precisely as known
 * @param end when it ended; null while it lasts or when unknown
 * @param description context
 * @param citations where the tie is stated
 * @param endIds both ends' ids, derived
 * @param sortKey the start's first possible day, unknown starts last (derived)
 * @param revision the record's revision
 */
@RecordBuilder
@Document("ties")
@CompoundIndexes({ @CompoundIndex(name = "ends_sort", def = "{'endIds': 1, 'sortKey': 1, '_id': 1}"),
		@CompoundIndex(name = "from_sort", def = "{'fromId': 1, 'sortKey': 1, '_id': 1}"),
		@CompoundIndex(name = "to_sort", def = "{'toId': 1, 'sortKey': 1, '_id': 1}") })
public record Tie(@MongoId(FieldType.STRING) String id, TieKind kind, String fromId, TieEndKind fromKind, String toId,
		TieEndKind toKind, String relationship, Double percentage, FuzzyDate start, FuzzyDate end, String description,
		List<Citation> citations, List<String> endIds, String sortKey, long revision) implements Sortable {

	public Tie {
		citations = Lists.orEmpty(citations);
		List<String> ends = new ArrayList<>(2);
		if (fromId != null) {
			ends.add(fromId);
		}
		if (toId != null) {
			ends.add(toId);
		}
		endIds = List.copyOf(ends);
		sortKey = start == null ? "~" : start.earliest().toString();
	}

	/** Whether the given record is the second end (else it is the first). */
	boolean endsAt(String recordId) {
		return recordId.equals(this.toId);
	}

}
