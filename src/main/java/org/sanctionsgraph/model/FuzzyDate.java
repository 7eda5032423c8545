package org.sanctionsgraph.model;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.YearMonth;

/**
 * A date known to a year, a month or a day, stored as its ISO-8601 prefix ("2021",
 * "2021-06", "2021-06-24"). The stored text is the single source of truth; precision and
 * bounds derive from it.
 */
public record FuzzyDate(String value) {

	public FuzzyDate {
		if (value == null || !wellFormed(value)) {
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
			case YEAR -> LocalDate.of(number(value, 0, 4), 12, 31);
			case MONTH -> YearMonth.of(number(value, 0, 4), number(value, 5, 7)).atEndOfMonth();
			case DAY -> earliestOf(value);
		};
	}

	// Read with arithmetic rather than a pattern and a date parser: a measure is made
	// from its stored dates at every read, and parsing them four times over was a
	// fifth of making it. The calendar checks are LocalDate's and YearMonth's own.
	private static LocalDate earliestOf(String value) {
		return switch (value.length()) {
			case 4 -> LocalDate.of(number(value, 0, 4), 1, 1);
			case 7 -> LocalDate.of(number(value, 0, 4), number(value, 5, 7), 1);
			default -> LocalDate.of(number(value, 0, 4), number(value, 5, 7), number(value, 8, 10));
		};
	}

	/** YYYY, YYYY-MM or YYYY-MM-DD, in ASCII digits. */
	private static boolean wellFormed(String value) {
		int length = value.length();
		if (length != 4 && length != 7 && length != 10) {
			return false;
		}
		for (int i = 0; i < length; i++) {
			char c = value.charAt(i);
			boolean dash = i == 4 || i == 7;
			if (dash ? c != '-' : (c < '0' || c > '9')) {
				return false;
			}
		}
		return true;
	}

	private static int number(String digits, int from, int to) {
		int number = 0;
		for (int i = from; i < to; i++) {
			number = number * 10 + (digits.charAt(i) - '0');
		}
		return number;
	}

}
