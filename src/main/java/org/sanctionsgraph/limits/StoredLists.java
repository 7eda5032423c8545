package org.sanctionsgraph.limits;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where each plain list of the schema (a list that is not a connection) gets its items
 * from in the stored data, so {@link ListSizes} can bound it by the largest such list
 * stored. Keyed by {@code Type.field}, the type being a record kind's name (its object
 * types share the entry: {@code Measure.targets} also serves {@code Sanction.targets}) or
 * a type of its own. A list served from several sources counts the sum of their largest
 * sizes. A list missing here counts {@link ListSizes#MOST}; a path that does not exist on
 * its record fails the start ({@link ListSizes} checks each against the record class), so
 * a renamed field cannot silently count 0.
 */
final class StoredLists {

	/** One source of a list's items. */
	sealed interface Part {

		/** The record kind whose stored data it reads, or null when it reads none. */
		default String recordType() {
			return null;
		}

		/** The stored field it reads, or null. */
		default String path() {
			return null;
		}

	}

	/**
	 * The items of an array stored on each record of a kind; a dotted path goes through
	 * arrays on its way (each element of {@code history} holds its own
	 * {@code citations}).
	 */
	record Stored(String recordType, String path) implements Part {

	}

	/**
	 * The records of a kind that name the same record in the field at {@code path}: a
	 * reverse lookup, as large as the most records naming any one record.
	 */
	record Referencing(String recordType, String path) implements Part {

	}

	/** A fixed number of items (a list made of one optional value). */
	record Fixed(long items) implements Part {

	}

	/**
	 * The fields a change lists: at most one per stored field of the record changed,
	 * bounded by the record kind with the most fields.
	 */
	record FieldsOfARecord() implements Part {

	}

	static final Map<String, List<Part>> LISTS = lists();

	private StoredLists() {
	}

	private static Map<String, List<Part>> lists() {
		Map<String, List<Part>> lists = new LinkedHashMap<>();
		for (String kind : List.of("Party", "Person", "Organization", "Program")) {
			stored(lists, kind, "aliases", "aliases");
		}
		for (String kind : List.of("Party", "Person", "Organization", "Program", "Membership", "Event", "Measure")) {
			stored(lists, kind, "citations", "citations");
		}
		stored(lists, "Person", "nationalities", "nationalityIds");
		stored(lists, "Person", "positions", "positions");
		stored(lists, "Program", "administrators", "administratorIds");
		stored(lists, "Event", "parties", "partyIds");
		stored(lists, "Event", "people", "personIds");
		stored(lists, "Event", "organizations", "organizationIds");
		stored(lists, "Event", "concerns", "concernsMeasureIds");
		stored(lists, "Measure", "imposers", "imposerIds");
		stored(lists, "Measure", "targets", "targets");
		stored(lists, "Measure", "triggeredBy", "triggeringEventIds");
		stored(lists, "Measure", "respondsTo", "respondsToIds");
		// a measure changes at most one membership (membershipChange is one value)
		lists.put("Measure.affectedMemberships", List.of(new Fixed(1)));
		// the periods stored with the membership, then one per countermeasure that
		// changed it
		lists.put("Membership.history", List.of(new Stored("Membership", "history"),
				new Referencing("Measure", "membershipChange.membershipId")));
		// a stored period's citations, or those of the countermeasure that brought it
		lists.put("MembershipStatusPeriod.citations",
				List.of(new Stored("Membership", "history.citations"), new Stored("Measure", "citations")));
		lists.put("Change.fields", List.of(new FieldsOfARecord()));
		return Map.copyOf(lists);
	}

	private static void stored(Map<String, List<Part>> lists, String kind, String field, String path) {
		lists.put(kind + "." + field, List.of(new Stored(kind, path)));
	}

}
