package org.sanctionsgraph.graphql;

import java.time.Instant;
import java.time.OffsetDateTime;
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

/** The {@code DateTime} scalar: an instant as ISO-8601 text with an offset. */
final class DateTimeScalar {

	static final GraphQLScalarType DATE_TIME = GraphQLScalarType.newScalar()
		.name("DateTime")
		.description("An instant, ISO-8601 with offset.")
		.coercing(new Coercing<Instant, String>() {

			@Override
			public String serialize(Object value, GraphQLContext context, Locale locale) {
				if (value instanceof Instant instant) {
					return instant.toString();
				}
				throw new CoercingSerializeException("not an instant");
			}

			@Override
			public Instant parseValue(Object input, GraphQLContext context, Locale locale) {
				Instant instant = input instanceof String text ? parse(text) : null;
				if (instant == null) {
					throw new CoercingParseValueException(expected(input));
				}
				return instant;
			}

			@Override
			public Instant parseLiteral(Value<?> input, CoercedVariables variables, GraphQLContext context,
					Locale locale) {
				Instant instant = input instanceof StringValue text ? parse(text.getValue()) : null;
				if (instant == null) {
					throw new CoercingParseLiteralException(expected(input));
				}
				return instant;
			}

		})
		.build();

	private DateTimeScalar() {
	}

	private static Instant parse(String text) {
		try {
			return OffsetDateTime.parse(text).toInstant();
		}
		catch (DateTimeParseException ex) {
			return null;
		}
	}

	private static String expected(Object input) {
		return "expected an ISO-8601 date-time with offset such as \"2021-06-24T10:15:30Z\", got '" + input + "'";
	}

}
