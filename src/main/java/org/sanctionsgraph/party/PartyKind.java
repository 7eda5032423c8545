package org.sanctionsgraph.party;

/** What kind of actor a party is. */
public enum PartyKind {

	/** A sovereign state, identified by its ISO 3166-1 alpha-2 code. */
	COUNTRY,
	/** A union or organisation of states that acts as one, such as the European Union. */
	BLOC,
	/**
	 * A loosely defined or unnamed set of states, such as "other countries" in a report.
	 */
	GROUP

}
