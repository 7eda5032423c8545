package org.sanctionsgraph.program;

/** What kind of programme a record describes. */
public enum ProgramKind {

	SANCTIONS_REGIME, PARTNERSHIP, UNION, TREATY

}
