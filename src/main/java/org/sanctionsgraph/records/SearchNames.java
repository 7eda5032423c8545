package org.sanctionsgraph.records;

import java.util.List;

import org.sanctionsgraph.model.Lists;
import org.sanctionsgraph.model.Name;

/**
 * What the name search indexes for one record: its name, its other names, and the parties
 * (by id) a search filtered by country finds it under.
 */
public record SearchNames(String name, List<Name> aliases, List<String> countryIds) {

	public SearchNames {
		aliases = Lists.orEmpty(aliases);
		countryIds = Lists.orEmpty(countryIds);
	}

}
