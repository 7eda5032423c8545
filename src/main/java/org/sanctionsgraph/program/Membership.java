package org.sanctionsgraph.program;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.ArrayList;
import java.util.List;

import org.sanctionsgraph.model.Citation;
import org.sanctionsgraph.model.Lists;
import org.sanctionsgraph.paging.Sortable;
import org.springframework.data.mongodb.core.mapping.FieldType;
import org.springframework.data.mongodb.core.mapping.MongoId;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.CompoundIndexes;
import org.springframework.data.mongodb.core.mapping.Document;

import io.soabase.recordbuilder.core.RecordBuilder;

/** A party's membership of a programme, with its status over time. */
@RecordBuilder
@Document("memberships")
@CompoundIndexes({ @CompoundIndex(name = "member_sort", def = "{'memberId': 1, 'sortKey': 1, '_id': 1}"),
		@CompoundIndex(name = "program_sort", def = "{'programId': 1, 'sortKey': 1, '_id': 1}"),
		@CompoundIndex(name = "cause", def = "{'history.causeMeasureId': 1}"),
		// A party is a member of a programme once: two writers recording it at once
		// cannot both insert.
		@CompoundIndex(name = "member_program", def = "{'memberId': 1, 'programId': 1}", unique = true) })
public record Membership(@MongoId(FieldType.STRING) String id, String memberId, String programId,
		List<StatusPeriod> history, List<Citation> citations, String sortKey, long revision) implements Sortable {

	public Membership {
		history = Lists.orEmpty(history)
			.stream()
			.sorted(Comparator.comparing(period -> period.from().earliest()))
			.toList();
		citations = Lists.orEmpty(citations);
		sortKey = history.isEmpty() ? "~" : history.get(0).from().earliest().toString();
	}

	/**
	 * The period of a history (oldest first) in effect on a day, or null before the first
	 * began.
	 */
	public static StatusPeriod periodOn(List<StatusPeriod> history, LocalDate day) {
		StatusPeriod current = null;
		for (StatusPeriod period : history) {
			if (!period.from().earliest().isAfter(day)) {
				current = period;
			}
		}
		return current;
	}

	/** The stored history merged with the periods that measures bring, oldest first. */
	public static List<StatusPeriod> merge(List<StatusPeriod> stored, List<StatusPeriod> fromMeasures) {
		List<StatusPeriod> all = new ArrayList<>(stored);
		all.addAll(fromMeasures);
		all.sort(Comparator.comparing(period -> period.from().earliest()));
		return List.copyOf(all);
	}

}
