package org.sanctionsgraph.graphql;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import graphql.schema.GraphQLEnumType;
import graphql.schema.GraphQLEnumValueDefinition;
import graphql.schema.GraphQLInputObjectField;
import graphql.schema.GraphQLInputObjectType;
import graphql.schema.GraphQLScalarType;
import graphql.schema.GraphQLSchema;
import graphql.schema.GraphQLType;
import tools.jackson.databind.json.JsonMapper;

/**
 * Rewrites graphql-java's messages about a value of the wrong form, from a literal in the
 * document (validation) or from a variable (coercion), into one that names the argument
 * or variable, shows the value as the client wrote it and says what is expected (an
 * enum's values, a scalar's form), without the parser's class names
 * ({@code EnumValue{name='X'}}, {@code StringValue{value=...}}). Other messages are left
 * as they are. Reads graphql-java's English messages, which the request is set to.
 */
final class ValueErrors {

	/** A rewritten message and what it names, for the error's extensions. */
	record Rewritten(String message, Map<String, Object> extensions) {

	}

	private static final Pattern LITERAL = Pattern.compile(
			"(?s)^Validation error \\(\\w+@\\[([^\\]]*)\\]\\) : argument '([^']*)' with value '(.*)' is not a valid '([^']+)'(?: - (.*))?$");

	/** A literal input object of the wrong shape, or a null where a value is required. */
	private static final Pattern SHAPE = Pattern
		.compile("(?s)^Validation error \\(\\w+@\\[([^\\]]*)\\]\\) : argument '([^']*)' "
				+ "with value '.*' (?:contains a field not in '([^']+)': '([^']+)'|is missing required fields '\\[(.*)\\]'"
				+ "|(must be an object type)|(must not be null))$");

	private static final Pattern VARIABLE = Pattern.compile("(?s)^Variable '([^']+)' has an invalid value: (.*)$");

	private static final Pattern ENUM_INPUT = Pattern
		.compile("(?s)^Invalid input for enum '([^']+)'\\. (?:No value found for name|Unknown value) '(.*)'$");

	private static final Pattern BUILT_IN_INPUT = Pattern
		.compile("^Expected (?:a value that can be converted to type '(\\w+)'|an? (\\w+) input),? but it was a.*");

	/** A message of one of this API's own scalars ({@code TextScalar}). */
	private static final Pattern OWN_SCALAR = Pattern.compile("(?s)^(\\w+): expected (.*), got '(.*)'$");

	/** A leaf of graphql-java's syntax tree, as its toString prints it. */
	private static final Pattern AST_LEAF = Pattern
		.compile("(?s)^(Enum|String|Int|Float|Boolean)Value\\{(?:name|value)=(?:'(.*)'|(.*))\\}$");

	private static final Map<String, String> BUILT_IN = Map.of("Int", "a whole number from -2147483648 to 2147483647",
			"Float", "a number", "String", "text in double quotes", "Boolean", "true or false", "ID",
			"an id in double quotes");

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private ValueErrors() {
	}

	/** The clearer message, or null when the message is not about a value's form. */
	static Rewritten rewrite(String message, GraphQLSchema schema, Map<String, Object> variables) {
		Matcher literal = LITERAL.matcher(message);
		if (literal.matches()) {
			String value = literal(literal.group(3));
			if (value == null) {
				return null;
			}
			String path = literal.group(1);
			String field = path.substring(path.lastIndexOf('/') + 1);
			String argument = literal.group(2);
			return new Rewritten(
					"Invalid value for argument '" + argument + "' of '" + field + "': " + value + " is not a valid "
							+ literal.group(4) + "; expected " + expected(schema, literal.group(4), literal.group(5)),
					Map.of("argument", argument));
		}
		Matcher shape = SHAPE.matcher(message);
		if (shape.matches()) {
			String path = shape.group(1);
			String argument = shape.group(2);
			return new Rewritten("Invalid value for argument '" + argument + "' of '"
					+ path.substring(path.lastIndexOf('/') + 1) + "': " + shapeProblem(shape, schema),
					Map.of("argument", argument));
		}
		Matcher variable = VARIABLE.matcher(message);
		if (!variable.matches()) {
			return null;
		}
		String name = variable.group(1);
		String problem = variable.group(2);
		Object sent = variables.get(name);
		String value = sent instanceof Map || sent instanceof Iterable ? null : JSON.writeValueAsString(sent);
		String type;
		Matcher enumInput = ENUM_INPUT.matcher(problem);
		Matcher builtIn = BUILT_IN_INPUT.matcher(problem);
		Matcher own = OWN_SCALAR.matcher(problem);
		if (enumInput.matches()) {
			type = enumInput.group(1);
			value = JSON.writeValueAsString(enumInput.group(2));
		}
		else if (builtIn.matches()) {
			type = builtIn.group(1) != null ? builtIn.group(1) : builtIn.group(2);
		}
		else if (own.matches()) {
			type = own.group(1);
			value = JSON.writeValueAsString(own.group(3));
		}
		else {
			return null;
		}
		return new Rewritten(
				"Invalid value for variable '" + name + "': " + (value == null ? "the value" : value)
						+ " is not a valid " + type + "; expected " + expected(schema, type, problem),
				Map.of("variable", name));
	}

	/** What is wrong with an input object's shape, in the client's terms. */
	private static String shapeProblem(Matcher shape, GraphQLSchema schema) {
		if (shape.group(3) != null) {
			String fields = schema.getType(shape.group(3)) instanceof GraphQLInputObjectType input
					? "; its fields are " + input.getFieldDefinitions()
						.stream()
						.map(GraphQLInputObjectField::getName)
						.collect(Collectors.joining(", "))
					: "";
			return shape.group(3) + " has no field '" + shape.group(4) + "'" + fields;
		}
		if (shape.group(5) != null) {
			return "the required field(s) " + shape.group(5) + " are missing";
		}
		if (shape.group(6) != null) {
			return "expected an input object, written as { field: value, ... }";
		}
		return "null is not allowed here; a value is required";
	}

	/** A literal as the client wrote it, or null when it is not a single value. */
	private static String literal(String ast) {
		Matcher leaf = AST_LEAF.matcher(ast);
		if (!leaf.matches()) {
			return ast.startsWith("NullValue") ? "null" : null;
		}
		String text = leaf.group(2) != null ? leaf.group(2) : leaf.group(3);
		return "String".equals(leaf.group(1)) ? JSON.writeValueAsString(text) : text;
	}

	/** What a value of the type looks like: an enum's values, a scalar's form. */
	private static String expected(GraphQLSchema schema, String typeName, String detail) {
		GraphQLType type = schema.getType(typeName);
		if (type instanceof GraphQLEnumType enumType) {
			return "one of " + enumType.getValues()
				.stream()
				.map(GraphQLEnumValueDefinition::getName)
				.collect(Collectors.joining(", "));
		}
		if (BUILT_IN.containsKey(typeName)) {
			return BUILT_IN.get(typeName);
		}
		Matcher own = detail == null ? null : OWN_SCALAR.matcher(detail);
		if (own != null && own.matches()) {
			return own.group(2);
		}
		return type instanceof GraphQLScalarType scalar && scalar.getDescription() != null ? scalar.getDescription()
				: "a " + typeName;
	}

}
