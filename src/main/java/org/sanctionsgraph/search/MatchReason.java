package org.sanctionsgraph.search;

/** Why a name matched a query, from the strictest to the loosest. */
public enum MatchReason {

	/**
	 * Every word of the query is a word of the record's name as written (ignoring case
	 * and accents).
	 */
	EXACT,
	/**
	 * Every word of the query is a word of one of the record's other names as written.
	 */
	ALIAS,
	/** The words match once both are romanised the same way. */
	TRANSLITERATION,
	/** Close: a typo or two, or part of the name. */
	FUZZY

}
