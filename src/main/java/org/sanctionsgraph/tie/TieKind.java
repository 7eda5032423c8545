package org.sanctionsgraph.tie;

import java.util.List;

/**
 * What a tie between two records says, and which kinds of record it joins: people to
 * people, or a person or an organisation to an organisation.
 */
public enum TieKind {

	FAMILY(true, true), ASSOCIATE(true, true), OWNERSHIP(false, false), DIRECTORSHIP(false, false), ROLE(false, true),
	MEMBERSHIP(false, false);

	/**
	 * The roles and directorships a person or an organisation holds in an organisation.
	 */
	static final List<TieKind> ROLES = List.of(DIRECTORSHIP, ROLE);

	/** Everyone working in or belonging to an organisation. */
	static final List<TieKind> PEOPLE = List.of(DIRECTORSHIP, ROLE, MEMBERSHIP);

	private final boolean betweenPeople;

	private final boolean needsRelationship;

	TieKind(boolean betweenPeople, boolean needsRelationship) {
		this.betweenPeople = betweenPeople;
		this.needsRelationship = needsRelationship;
	}

	/** Whether both ends are people (else the second end is an organisation). */
	boolean betweenPeople() {
		return this.betweenPeople;
	}

	/** Whether the tie means nothing without the relationship or role in words. */
	boolean needsRelationship() {
		return this.needsRelationship;
	}

}
