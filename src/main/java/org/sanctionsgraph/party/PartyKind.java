package org.sanctionsgraph.party;

/**
 * What kind of actor a party is, and the GraphQL type that serves parties of that kind.
 */
public enum PartyKind {

	/** A sovereign state, identified by its ISO 3166-1 alpha-2 code. */
	COUNTRY("Country"),
	/** A union or organisation of states that acts as one, such as the European Union. */
	BLOC("Bloc"),
	/**
	 * A loosely defined or unnamed set of states, such as "other countries" in a report.
	 */
	GROUP("Group");

	private final String typeName;

	PartyKind(String typeName) {
		this.typeName = typeName;
	}

	/** The GraphQL object type implementing {@code Party} for this kind. */
	public String typeName() {
		return this.typeName;
	}

}
