package org.sanctionsgraph.graphql;

import java.util.Locale;
import java.util.function.Function;

import graphql.GraphQLContext;
import graphql.execution.CoercedVariables;
import graphql.language.StringValue;
import graphql.language.Value;
import graphql.schema.Coercing;
import graphql.schema.CoercingParseLiteralException;
import graphql.schema.CoercingParseValueException;
import graphql.schema.CoercingSerializeException;
import graphql.schema.GraphQLScalarType;

/**
 * A scalar written as text: parsed by a function that returns null for text it does not
 * accept.
 */
final class TextScalar {

	private TextScalar() {
	}

	static <T> GraphQLScalarType of(String name, String description, Class<T> type, Function<String, T> parse,
			String example) {
		return GraphQLScalarType.newScalar().name(name).description(description).coercing(new Coercing<T, String>() {

			@Override
			public String serialize(Object value, GraphQLContext context, Locale locale) {
				if (type.isInstance(value)) {
					return value.toString();
				}
				throw new CoercingSerializeException("not a " + name);
			}

			@Override
			public T parseValue(Object input, GraphQLContext context, Locale locale) {
				T value = input instanceof String text ? parse.apply(text) : null;
				if (value == null) {
					throw new CoercingParseValueException(expected(input));
				}
				return value;
			}

			@Override
			public T parseLiteral(Value<?> input, CoercedVariables variables, GraphQLContext context, Locale locale) {
				T value = input instanceof StringValue text ? parse.apply(text.getValue()) : null;
				if (value == null) {
					throw new CoercingParseLiteralException(
							expected(input instanceof StringValue text ? text.getValue() : input));
				}
				return value;
			}

			private String expected(Object input) {
				// ValueErrors reads the scalar's name and form from this message
				return name + ": expected " + example + ", got '" + input + "'";
			}

		}).build();
	}

}
