package org.sanctionsgraph.person;

import org.sanctionsgraph.model.FuzzyDate;

/**
 * A public position held by a person over a period (FollowTheMoney's Occupancy of a
 * Position).
 *
 * @param title the position's title ("President of Belarus")
 * @param countryId the party the position belongs to
 * @param start when the person took the position
 * @param end when the person left it; null while held
 * @param note context, such as a dispute over the holder's legitimacy
 */
public record Position(String title, String countryId, FuzzyDate start, FuzzyDate end, String note) {
}
