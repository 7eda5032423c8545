package org.sanctionsgraph.ftm;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.sanctionsgraph.model.FtmProperty;
import org.sanctionsgraph.model.FuzzyDate;
import org.sanctionsgraph.write.Checks;

/**
 * An entity's properties while it is mapped to a record: the mapping takes the ones the
 * record has fields for, hands back values it cannot hold, and what is left becomes the
 * record's extra properties, so nothing is dropped.
 */
final class Unmapped {

	/** Dates FtM accepts beyond what a fuzzy date holds (a time of day). */
	private static final Pattern FTM_DATE = Pattern.compile("\\d{4}(-\\d{2}(-\\d{2}([T ].*)?)?)?");

	private final String schema;

	private final Map<String, List<String>> rest;

	private final Map<String, String> top;

	Unmapped(FtmEntity entity) {
		this.schema = entity.schema();
		this.rest = new LinkedHashMap<>(entity.properties());
		this.top = entity.top();
	}

	/** Takes a property's values out of the rest (none when absent). */
	List<String> take(String property) {
		List<String> values = this.rest.remove(property);
		return values == null ? List.of() : values;
	}

	/** Hands values back to be kept as extra. */
	void keep(String property, List<String> values) {
		if (!values.isEmpty()) {
			this.rest.computeIfAbsent(property, key -> new ArrayList<>()).addAll(values);
		}
	}

	/**
	 * The first value of a single-valued field, checked for length; further values are
	 * kept as extra.
	 */
	String first(String property, int max) {
		List<String> values = take(property);
		if (values.isEmpty()) {
			return null;
		}
		String value = text(property, values.get(0), max);
		keep(property, values.subList(1, values.size()));
		return value;
	}

	/** A value checked as the write path checks text: stripped, within its length. */
	String text(String property, String value, int max) {
		String stripped = value.strip();
		if (stripped.length() > max) {
			throw new FtmEntity.Invalid(
					"'" + property + "' is longer than " + max + " characters (" + stripped.length() + ")");
		}
		if (stripped.indexOf('\u0000') >= 0) {
			throw new FtmEntity.Invalid("'" + property + "' contains a NUL character");
		}
		return stripped;
	}

	/**
	 * The first value that is a date a record can hold (YYYY, YYYY-MM, YYYY-MM-DD); other
	 * FtM dates (with a time) are kept as extra, anything else is refused.
	 */
	FuzzyDate date(String property) {
		FuzzyDate found = null;
		List<String> kept = new ArrayList<>();
		for (String value : take(property)) {
			FuzzyDate date = parse(property, value);
			if (found == null && date != null) {
				found = date;
			}
			else {
				kept.add(value);
			}
		}
		keep(property, kept);
		return found;
	}

	/**
	 * The first value of a property that is a date a record can hold, leaving every value
	 * in place (to be kept as extra); a value that is no date is refused.
	 */
	FuzzyDate peekDate(String property) {
		FuzzyDate found = null;
		for (String value : this.rest.getOrDefault(property, List.of())) {
			FuzzyDate date = parse(property, value);
			found = found == null ? date : found;
		}
		return found;
	}

	/** A date a record can hold, null for another FtM date (with a time), or refused. */
	private static FuzzyDate parse(String property, String value) {
		try {
			return new FuzzyDate(value);
		}
		catch (IllegalArgumentException ex) {
			if (!FTM_DATE.matcher(value).matches()) {
				throw new FtmEntity.Invalid("'" + property + "' value '" + value + "' is not a date");
			}
			return null;
		}
	}

	/** Refuses more values than a record's list may hold. */
	static <T> List<T> bounded(String property, List<T> values) {
		if (values.size() > Checks.LIST_MAX) {
			throw new FtmEntity.Invalid(
					"'" + property + "' has " + values.size() + " values; a record holds at most " + Checks.LIST_MAX);
		}
		return values;
	}

	/** What is left: the extra properties, then the entity's other top-level keys. */
	List<FtmProperty> extra() {
		List<FtmProperty> extra = new ArrayList<>();
		this.rest.forEach((property, values) -> extra.add(new FtmProperty(property, values)));
		this.top.forEach((key, json) -> extra.add(new FtmProperty("@" + key, List.of(json))));
		return extra;
	}

	String schema() {
		return this.schema;
	}

}
