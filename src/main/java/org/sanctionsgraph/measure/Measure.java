package org.sanctionsgraph.measure;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

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
 * A sanction or a countermeasure. The fields after {@code citations} are derived from the
 * others in the constructor, so they can never disagree with them; they exist so MongoDB
 * can index them.
 *
 * <p>
 * The measure applies from {@code startDay} (the earliest day of its in-force date, else
 * of its listing, else of its announcement) through {@code endDay} (the latest day of its
 * end date) inclusive. Timelines order measures by {@code timelineKey}, the latest day
 * the start can mean, so a measure known only to the month follows the dated measures of
 * that month. {@code duplicateKey} names what makes two measures the same (see
 * {@link DuplicateKey}); a unique index on it makes the duplicate rule hold even for
 * writes racing each other.
 */
@RecordBuilder
@Document("measures")
@CompoundIndexes({ @CompoundIndex(name = "imposer_sort", def = "{'imposerIds': 1, 'sortKey': 1, '_id': 1}"),
		@CompoundIndex(name = "target_country_sort", def = "{'targetCountryIds': 1, 'sortKey': 1, '_id': 1}"),
		@CompoundIndex(name = "target_party_sort", def = "{'targetPartyIds': 1, 'sortKey': 1, '_id': 1}"),
		@CompoundIndex(name = "target_person_sort", def = "{'targetPersonIds': 1, 'sortKey': 1, '_id': 1}"),
		@CompoundIndex(name = "target_org_sort", def = "{'targetOrganizationIds': 1, 'sortKey': 1, '_id': 1}"),
		@CompoundIndex(name = "responds_sort", def = "{'respondsToIds': 1, 'sortKey': 1, '_id': 1}"),
		@CompoundIndex(name = "trigger_sort", def = "{'triggeringEventIds': 1, 'sortKey': 1, '_id': 1}"),
		@CompoundIndex(name = "program_sort", def = "{'programId': 1, 'sortKey': 1, '_id': 1}"),
		@CompoundIndex(name = "kind_sort", def = "{'kind': 1, 'sortKey': 1, '_id': 1}"),
		@CompoundIndex(name = "type_sort", def = "{'measureTypes': 1, 'sortKey': 1, '_id': 1}"),
		@CompoundIndex(name = "sort", def = "{'sortKey': 1, '_id': 1}"),
		@CompoundIndex(name = "membership_change", def = "{'membershipChange.membershipId': 1}"),
		@CompoundIndex(name = "imposer_timeline", def = "{'imposerIds': 1, 'timelineKey': 1, '_id': 1}"),
		@CompoundIndex(name = "target_country_timeline", def = "{'targetCountryIds': 1, 'timelineKey': 1, '_id': 1}"),
		// Two writers recording the same measure at once: the index lets only one insert
		// through.
		@CompoundIndex(name = "duplicate", def = "{'duplicateKey': 1}", unique = true, sparse = true) })
public record Measure(@MongoId(FieldType.STRING) String id, MeasureKind kind, String title, String description,
		List<MeasureType> measureTypes, List<String> imposerIds, List<Target> targets, String programId,
		String legalBasis, String reason, List<String> triggeringEventIds, List<String> respondsToIds,
		FuzzyDate announced, FuzzyDate listed, FuzzyDate inForce, FuzzyDate ended, String endReason,
		MembershipChange membershipChange, List<Citation> citations, List<String> legalActIds,
		// derived, and the revision (bookkeeping of the writer):
		String startDay, @Indexed String endDay, String sortKey, String timelineKey, List<String> targetPartyIds,
		List<String> targetCountryIds, List<String> targetPersonIds, List<String> targetOrganizationIds,
		String duplicateKey, long revision) implements Sortable {

	/** Sorts after every ISO date, so measures with no known start come last. */
	static final String UNKNOWN_START = "~";

	public Measure {
		measureTypes = Lists.orEmpty(measureTypes);
		imposerIds = Lists.orEmpty(imposerIds);
		targets = Lists.orEmpty(targets);
		triggeringEventIds = Lists.orEmpty(triggeringEventIds);
		respondsToIds = Lists.orEmpty(respondsToIds);
		citations = Lists.orEmpty(citations);
		legalActIds = Lists.orEmpty(legalActIds);
		FuzzyDate start = start(inForce, listed, announced);
		if (membershipChange != null && membershipChange.from() == null && start != null) {
			membershipChange = new MembershipChange(membershipChange.membershipId(), membershipChange.status(), start,
					membershipChange.note());
		}
		startDay = start == null ? null : start.earliest().toString();
		endDay = ended == null ? null : ended.latest().toString();
		sortKey = startDay == null ? UNKNOWN_START : startDay;
		timelineKey = start == null ? UNKNOWN_START : start.latest().toString();
		targetPartyIds = distinct(targets, Target::partyId);
		targetCountryIds = distinct(targets, Target::countryId);
		targetPersonIds = distinct(targets, Target::personId);
		targetOrganizationIds = distinct(targets, Target::organizationId);
		duplicateKey = DuplicateKey.of(kind, imposerIds, targets, measureTypes, startDay);
	}

	/**
	 * The targets' values of one field, each once, in the targets' order. A loop rather
	 * than a stream: every read of a measure makes four of these.
	 */
	private static List<String> distinct(List<Target> targets, Function<Target, String> field) {
		ArrayList<String> values = new ArrayList<>();
		// a long list (an imported programme's designations) is checked through a set
		Set<String> seen = (targets.size() > 8) ? new HashSet<>() : null;
		for (Target target : targets) {
			String value = field.apply(target);
			if (value != null && ((seen != null) ? seen.add(value) : !values.contains(value))) {
				values.add(value);
			}
		}
		values.trimToSize();
		return Collections.unmodifiableList(values);
	}

	/**
	 * A new measure (revision 1) from its recorded fields; the derived ones are computed.
	 */
	public static Measure of(String id, MeasureKind kind, String title, String description,
			List<MeasureType> measureTypes, List<String> imposerIds, List<Target> targets, String programId,
			String legalBasis, String reason, List<String> triggeringEventIds, List<String> respondsToIds,
			FuzzyDate announced, FuzzyDate listed, FuzzyDate inForce, FuzzyDate ended, String endReason,
			MembershipChange membershipChange, List<Citation> citations) {
		return new Measure(id, kind, title, description, measureTypes, imposerIds, targets, programId, legalBasis,
				reason, triggeringEventIds, respondsToIds, announced, listed, inForce, ended, endReason,
				membershipChange, citations, null, null, null, null, null, null, null, null, null, null, 1);
	}

	/** A measure citing no legal act (the fields as they were before legal acts). */
	public Measure(String id, MeasureKind kind, String title, String description, List<MeasureType> measureTypes,
			List<String> imposerIds, List<Target> targets, String programId, String legalBasis, String reason,
			List<String> triggeringEventIds, List<String> respondsToIds, FuzzyDate announced, FuzzyDate listed,
			FuzzyDate inForce, FuzzyDate ended, String endReason, MembershipChange membershipChange,
			List<Citation> citations, String startDay, String endDay, String sortKey, String timelineKey,
			List<String> targetPartyIds, List<String> targetCountryIds, List<String> targetPersonIds,
			List<String> targetOrganizationIds, String duplicateKey, long revision) {
		this(id, kind, title, description, measureTypes, imposerIds, targets, programId, legalBasis, reason,
				triggeringEventIds, respondsToIds, announced, listed, inForce, ended, endReason, membershipChange,
				citations, null, startDay, endDay, sortKey, timelineKey, targetPartyIds, targetCountryIds,
				targetPersonIds, targetOrganizationIds, duplicateKey, revision);
	}

	/**
	 * When the measure started: in force, else listed, else announced (null when none is
	 * known).
	 */
	public FuzzyDate start() {
		return start(this.inForce, this.listed, this.announced);
	}

	private static FuzzyDate start(FuzzyDate inForce, FuzzyDate listed, FuzzyDate announced) {
		return inForce != null ? inForce : listed != null ? listed : announced;
	}

	/**
	 * Hashes the identity only: records equal in every field have the same id and
	 * revision, so this keeps the contract with the generated {@code equals}, and batch
	 * loaders that key maps by measure no longer hash every title, target and citation.
	 */
	@Override
	public int hashCode() {
		return 31 * Objects.hashCode(this.id) + Long.hashCode(this.revision);
	}

	/** Whether the measure applied on the given day; false when its start is unknown. */
	public boolean inForceOn(LocalDate day) {
		String d = day.toString();
		return startDay != null && startDay.compareTo(d) <= 0 && (endDay == null || endDay.compareTo(d) >= 0);
	}

}
