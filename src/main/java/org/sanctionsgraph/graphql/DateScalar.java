package org.sanctionsgraph.graphql;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

import graphql.schema.GraphQLScalarType;

/** The {@code Date} and {@code DateTime} scalars. */
final class DateScalar {

	static final GraphQLScalarType DATE = TextScalar.of("Date", "A calendar day, ISO-8601 (YYYY-MM-DD).",
			LocalDate.class, DateScalar::day, "a calendar date as YYYY-MM-DD");

	static final GraphQLScalarType DATE_TIME = TextScalar.of("DateTime", "An instant, ISO-8601 with offset.",
			Instant.class, DateScalar::instant, "an ISO-8601 date-time with offset such as \"2021-06-24T10:15:30Z\"");

	private DateScalar() {
	}

	private static LocalDate day(String text) {
		try {
			return text.length() == 10 ? LocalDate.parse(text) : null;
		}
		catch (DateTimeParseException ex) {
			return null;
		}
	}

	private static Instant instant(String text) {
		try {
			return OffsetDateTime.parse(text).toInstant();
		}
		catch (DateTimeParseException ex) {
			return null;
		}
	}

}
