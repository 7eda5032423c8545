package org.sanctionsgraph.event;

import java.util.List;

import org.sanctionsgraph.model.Citation;
import org.sanctionsgraph.model.FuzzyDate;
import org.sanctionsgraph.model.Lists;
import org.sanctionsgraph.paging.Sortable;
import org.springframework.data.mongodb.core.mapping.FieldType;
import org.springframework.data.mongodb.core.mapping.MongoId;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.CompoundIndexes;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

import io.soabase.recordbuilder.core.RecordBuilder;

/**
 * Something that happened: an election, a crackdown, a diverted flight, a pledge.
 * Measures point at the events that triggered them; an event may in turn concern measures
 * (a pledge of support against sanctions).
 */
@RecordBuilder
@Document("events")
@CompoundIndexes({ @CompoundIndex(name = "party_sort", def = "{'partyIds': 1, 'sortKey': 1, '_id': 1}"),
		@CompoundIndex(name = "person_sort", def = "{'personIds': 1, 'sortKey': 1, '_id': 1}"),
		@CompoundIndex(name = "kind_sort", def = "{'kind': 1, 'sortKey': 1, '_id': 1}"),
		@CompoundIndex(name = "party_timeline", def = "{'partyIds': 1, 'timelineKey': 1, '_id': 1}"),
		@CompoundIndex(name = "concerns_sort", def = "{'concernsMeasureIds': 1, 'sortKey': 1, '_id': 1}") })
public record Event(@MongoId(FieldType.STRING) String id, EventKind kind, String name, String description,
		FuzzyDate date, FuzzyDate endDate, String location, List<String> partyIds, List<String> personIds,
		List<String> organizationIds, List<String> concernsMeasureIds, List<Citation> citations,
		@Indexed String sortKey, String timelineKey, long revision) implements Sortable {

	public Event {
		partyIds = Lists.orEmpty(partyIds);
		personIds = Lists.orEmpty(personIds);
		organizationIds = Lists.orEmpty(organizationIds);
		concernsMeasureIds = Lists.orEmpty(concernsMeasureIds);
		citations = Lists.orEmpty(citations);
		sortKey = date == null ? "~" : date.earliest().toString();
		timelineKey = date == null ? "~" : date.latest().toString();
	}

}
