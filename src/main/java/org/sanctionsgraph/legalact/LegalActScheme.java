package org.sanctionsgraph.legalact;

/** The registers a legal act is identified in. */
public enum LegalActScheme {

	CELEX, OFFICIAL_JOURNAL, ELI, OTHER

}
