package org.sanctionsgraph.model;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.regex.Pattern;

/**
 * A date known to a year, a month or a day, stored as its ISO-8601 prefix ("2021",
 * "2021-06", "2021-06-24"). The stored text is the single source of truth; precision and
 * bounds derive from it.
 */
public record FuzzyDate(String value) {

	private static final Pattern SHAPE = Pattern.compile("\\d{4}(-\\d{2}(-\\d{2})?)?");

	public FuzzyDate {
		if (value == null || !SHAPE.matcher(value).matches()) {
			throw new IllegalArgumentException("expected YYYY, YYYY-MM or YYYY-MM-DD, got '" + value + "'");
		}
		try {
			earliestOf(value);
		}
		catch (DateTimeException ex) {
			throw new IllegalArgumentException("'" + value + "' is not a calendar date");
		}
	}

	public static FuzzyDate of(String value) {
		return value == null ? null : new FuzzyDate(value);
	}

	public DatePrecision precision() {
		return switch (value.length()) {
			case 4 -> DatePrecision.YEAR;
			case 7 -> DatePrecision.MONTH;
			default -> DatePrecision.DAY;
		};
	}

	/**
	 * The first day the value can mean: a month-precise date counts from the 1st of that
	 * month.
	 */
	public LocalDate earliest() {
		return earliestOf(value);
	}

	/** The last day the value can mean. */
	public LocalDate latest() {
		return switch (precision()) {
			case YEAR -> LocalDate.of(Integer.parseInt(value), 12, 31);
			case MONTH -> YearMonth.parse(value).atEndOfMonth();
			case DAY -> LocalDate.parse(value);
		};
	}

	private static LocalDate earliestOf(String value) {
		return switch (value.length()) {
			case 4 -> LocalDate.of(Integer.parseInt(value), 1, 1);
			case 7 -> YearMonth.parse(value).atDay(1);
			default -> LocalDate.parse(value);
		};
	}

}
