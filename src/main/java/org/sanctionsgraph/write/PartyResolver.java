package org.sanctionsgraph.write;

import java.util.Collection;
import java.util.Map;
import java.util.regex.Pattern;

/** Finds parties by code for the write checks; the party feature implements it. */
public interface PartyResolver {

	/**
	 * The shape of every party code: ISO 3166-1 alpha-2 for countries, 2 to 12 capital
	 * letters for blocs.
	 */
	Pattern CODE = Pattern.compile("[A-Z]{2,12}");

	/**
	 * The ids of the parties with these (upper-case) codes, by code; unknown codes are
	 * absent.
	 */
	Map<String, String> idsByCode(Collection<String> codes);

}
