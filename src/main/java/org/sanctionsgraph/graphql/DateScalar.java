package org.sanctionsgraph.graphql;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Locale;

import graphql.GraphQLContext;
import graphql.execution.CoercedVariables;
import graphql.language.StringValue;
import graphql.language.Value;
import graphql.schema.Coercing;
import graphql.schema.CoercingParseLiteralException;
import graphql.schema.CoercingParseValueException;
import graphql.schema.CoercingSerializeException;
import graphql.schema.GraphQLScalarType;

/** The {@code Date} scalar: a calendar day as ISO-8601 text, "2021-06-24". */
final class DateScalar {

	static final GraphQLScalarType DATE = GraphQLScalarType.newScalar()
		.name("Date")
		.description("A calendar day, ISO-8601 (YYYY-MM-DD).")
		.coercing(new Coercing<LocalDate, String>() {

			@Override
			public String serialize(Object value, GraphQLContext context, Locale locale) {
				if (value instanceof LocalDate date) {
					return date.toString();
				}
				throw new CoercingSerializeException("not a date");
			}

			@Override
			public LocalDate parseValue(Object input, GraphQLContext context, Locale locale) {
				if (input instanceof String text) {
					LocalDate date = parse(text);
					if (date != null) {
						return date;
					}
				}
				throw new CoercingParseValueException(expected(input));
			}

			@Override
			public LocalDate parseLiteral(Value<?> input, CoercedVariables variables, GraphQLContext context,
					Locale locale) {
				if (input instanceof StringValue text) {
					LocalDate date = parse(text.getValue());
					if (date != null) {
						return date;
					}
					throw new CoercingParseLiteralException(expected(text.getValue()));
				}
				throw new CoercingParseLiteralException("expected a date string such as \"2021-06-24\"");
			}

		})
		.build();

	private DateScalar() {
	}

	private static LocalDate parse(String text) {
		try {
			return text.length() == 10 ? LocalDate.parse(text) : null;
		}
		catch (DateTimeParseException ex) {
			return null;
		}
	}

	private static String expected(Object input) {
		return "expected a calendar date as YYYY-MM-DD, got '" + input + "'";
	}

}
