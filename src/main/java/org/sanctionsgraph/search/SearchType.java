package org.sanctionsgraph.search;

/** The kinds of records the name search covers. */
public enum SearchType {

	PERSON("Person"), ORGANIZATION("Organization"), PARTY("Party"), PROGRAM("Program");

	final String typeName;

	SearchType(String typeName) {
		this.typeName = typeName;
	}

}
