package org.sanctionsgraph.person;

import java.time.LocalDate;

import org.sanctionsgraph.model.FuzzyDate;

/**
 * A public position held by a person over a period (FollowTheMoney's Occupancy of a
 * Position). The last two fields are derived from the dates in the constructor, so they
 * can never disagree with them; they exist so a query can ask who held an office on a
 * day. The position is held from {@code startDay} (the earliest day its start can mean)
 * through {@code endDay} (the latest day its end can mean) inclusive, as measures are in
 * force: an office that ended in "2008-05" was held through 31 May 2008.
 *
 * @param title the position's title ("President of Belarus")
 * @param countryId the party the position belongs to
 * @param organizationId the organisation the position is in, if recorded
 * @param start when the person took the position
 * @param end when the person left it; null while held
 * @param note context, such as a dispute over the holder's legitimacy
 * @param startDay derived: the first day held, null when the start is unknown
 * @param endDay derived: the last day held, null while held
 */
public record Position(String title, String countryId, String organizationId, FuzzyDate start, FuzzyDate end,
		String note, String startDay, String endDay) {

	public Position {
		startDay = start == null ? null : start.earliest().toString();
		endDay = end == null ? null : end.latest().toString();
	}

	/** A position in no particular organisation. */
	public Position(String title, String countryId, FuzzyDate start, FuzzyDate end, String note) {
		this(title, countryId, null, start, end, note, null, null);
	}

	/**
	 * Whether the position was held on the day; false when its start is unknown, as
	 * measures with no known start are in force on no day.
	 */
	public boolean heldOn(LocalDate day) {
		String d = day.toString();
		return this.startDay != null && this.startDay.compareTo(d) <= 0
				&& (this.endDay == null || this.endDay.compareTo(d) >= 0);
	}

}
