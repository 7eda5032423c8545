package org.sanctionsgraph.tie;

/** The kind of record at one end of a tie, named as its global ids name it. */
public enum TieEndKind {

	PERSON("Person"), ORGANIZATION("Organization");

	private final String type;

	TieEndKind(String type) {
		this.type = type;
	}

	/** The registered record type (and GraphQL type) of records of this kind. */
	String type() {
		return this.type;
	}

	/** The kind whose records have the given type, or null for any other type. */
	static TieEndKind ofType(String type) {
		for (TieEndKind kind : values()) {
			if (kind.type.equals(type)) {
				return kind;
			}
		}
		return null;
	}

}
