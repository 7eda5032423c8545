package org.sanctionsgraph.designation;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

import org.sanctionsgraph.measure.Target;
import org.sanctionsgraph.model.Citation;
import org.sanctionsgraph.model.DatePrecision;
import org.sanctionsgraph.model.FtmOrigin;
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
 * One entry of a sanctions list: a measure naming one person, organisation or party, with
 * the entry's own dates. A measure says what is done; its designations say when each
 * target was put on the list and taken off it, so what applied to someone on a day can
 * differ from what applied to the measure.
 *
 * <p>
 * The listing applies from {@code startDay} (the earliest day of {@code listed}) through
 * {@code endDay}, the day before the delisting; a delisting known only to the month or
 * year keeps the listing through that month or year, as a measure's month-precise end
 * does. The target ids are derived into one-element lists named as a measure's are, so
 * the same indexes and history rules serve both. {@code ftm} is the FtM Sanction entity
 * the designation was imported from, when it was.
 */
@RecordBuilder
@Document("designations")
@CompoundIndexes({ @CompoundIndex(name = "measure_sort", def = "{'measureId': 1, 'sortKey': 1, '_id': 1}"),
		@CompoundIndex(name = "person_sort", def = "{'targetPersonIds': 1, 'sortKey': 1, '_id': 1}"),
		@CompoundIndex(name = "org_sort", def = "{'targetOrganizationIds': 1, 'sortKey': 1, '_id': 1}"),
		@CompoundIndex(name = "party_sort", def = "{'targetPartyIds': 1, 'sortKey': 1, '_id': 1}"),
		@CompoundIndex(name = "sort", def = "{'sortKey': 1, '_id': 1}"),
		@CompoundIndex(name = "ftm_id", def = "{'ftm._id': 1}") })
public record Designation(@MongoId(FieldType.STRING) String id, String measureId, Target target, FuzzyDate listed,
		FuzzyDate amended, FuzzyDate delisted, String authorityReference, String reason, String delistingReason,
		List<String> legalActIds, List<Citation> citations,
		// derived, and the revision (bookkeeping of the writer):
		String startDay, String endDay, String sortKey, List<String> targetPersonIds,
		List<String> targetOrganizationIds, List<String> targetPartyIds, long revision,
		FtmOrigin ftm) implements Sortable {

	public Designation {
		legalActIds = Lists.orEmpty(legalActIds);
		citations = Lists.orEmpty(citations);
		startDay = listed == null ? null : listed.earliest().toString();
		endDay = delisted == null ? null : lastListedDay(delisted).toString();
		sortKey = startDay == null ? "~" : startDay;
		targetPersonIds = one(target == null ? null : target.personId());
		targetOrganizationIds = one(target == null ? null : target.organizationId());
		targetPartyIds = one(target == null ? null : target.partyId());
	}

	private static LocalDate lastListedDay(FuzzyDate delisted) {
		return delisted.precision() == DatePrecision.DAY ? delisted.latest().minusDays(1) : delisted.latest();
	}

	private static List<String> one(String id) {
		return Stream.ofNullable(id).toList();
	}

	/**
	 * Whether a listing from {@code startDay} through {@code endDay} (null: still listed)
	 * applied on the day.
	 */
	static boolean listedOn(String startDay, String endDay, LocalDate day) {
		String d = day.toString();
		return startDay != null && startDay.compareTo(d) <= 0 && (endDay == null || endDay.compareTo(d) >= 0);
	}

	/**
	 * Hashes the identity only (as a measure does), so batch loaders keyed by designation
	 * stay cheap.
	 */
	@Override
	public int hashCode() {
		return 31 * Objects.hashCode(this.id) + Long.hashCode(this.revision);
	}

}
