package org.sanctionsgraph.model;

import java.util.List;

/**
 * One FollowTheMoney property of an imported entity that has no place in the record's own
 * fields, kept so that an export gives it back (a list of entries rather than a map: FtM
 * property names may hold characters MongoDB field names may not).
 *
 * @param property the FtM property name ({@code topics}, {@code registrationNumber}), or
 * {@code @} and a top-level key of the entity line ({@code @datasets}), whose single
 * value is then the key's JSON text
 * @param values the property's values as the entity gave them
 */
public record FtmProperty(String property, List<String> values) {

	public FtmProperty {
		values = Lists.orEmpty(values);
	}

}
