package org.sanctionsgraph.measure;

import org.sanctionsgraph.model.FuzzyDate;
import org.sanctionsgraph.program.MembershipStatus;

/**
 * The change a measure makes to a membership (Belarus suspending its participation in the
 * Eastern Partnership). It is stored in the measure itself and the membership's history
 * is read from it, so the two are written in one single-document operation and can never
 * disagree.
 *
 * @param membershipId the membership changed
 * @param status the status from {@code from} on
 * @param from when the status took effect
 * @param note context
 */
public record MembershipChange(String membershipId, MembershipStatus status, FuzzyDate from, String note) {
}
