package org.sanctionsgraph.program;

/** A member's standing in a programme from a date on. */
public enum MembershipStatus {

	ACTIVE, SUSPENDED, WITHDRAWN

}
