package org.sanctionsgraph.limits;

import java.util.List;
import java.util.Locale;

import graphql.language.Document;
import graphql.language.OperationDefinition;
import graphql.parser.InvalidSyntaxException;
import graphql.parser.Parser;
import graphql.parser.ParserEnvironment;
import graphql.parser.ParserOptions;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the transport checks in a GraphQL request before it runs: the body's shape, and
 * GET's operation.
 */
final class GraphQlBodies {

	/** What to send: shown in the errors about a body the API cannot read. */
	static final String EXAMPLE = "send a JSON object such as {\"query\": \"{ parties { totalCount } }\"} with "
			+ "'Content-Type: application/json'";

	/**
	 * A body's problem (null when none) with its HTTP status, how many operations it
	 * carries, and whether it is a batch.
	 */
	record Checked(String problem, int status, int operations, boolean batch) {

		Checked(String problem, int operations, boolean batch) {
			this(problem, 400, operations, batch);
		}

		static Checked refused(String problem) {
			return new Checked(problem, 0, false);
		}

	}

	private final JsonMapper json = JsonMapper.builder().build();

	private final LimitsProperties limits;

	private final ParserOptions parserOptions;

	GraphQlBodies(LimitsProperties limits) {
		this.limits = limits;
		this.parserOptions = ParserOptions.getDefaultOperationParserOptions()
			.transform(options -> options.maxTokens(limits.maxTokens()).maxCharacters(limits.maxDocumentChars()));
	}

	/**
	 * Checks a POST body: a JSON object with the GraphQL parameters, or (when batching is
	 * on) an array of 1 to {@value HttpTransport#MAX_BATCH} of them. Other media types
	 * get 415, malformed JSON 400, each saying what to send instead.
	 */
	Checked check(String contentType, byte[] body) {
		if (contentType == null || !contentType.toLowerCase(Locale.ROOT).contains("json")) {
			return new Checked(
					(contentType == null ? "The request has no Content-Type"
							: "The Content-Type '" + contentType + "' is not accepted") + ": " + EXAMPLE,
					415, 0, false);
		}
		JsonNode root;
		try {
			root = this.json.readTree(body);
		}
		catch (JacksonException ex) {
			var where = ex.getLocation();
			return Checked.refused("The body is not valid JSON"
					+ (where == null ? "" : " (line " + where.getLineNr() + ", column " + where.getColumnNr() + ")")
					+ ": " + EXAMPLE);
		}
		if (root == null || !(root.isObject() || root.isArray())) {
			return Checked.refused("The body must be a JSON object with a 'query' string: " + EXAMPLE);
		}
		if (root.isObject()) {
			return new Checked(shapeProblem(root, ""), 1, false);
		}
		if (!this.limits.batching()) {
			return Checked.refused(
					"Batched requests (a JSON array of operations) are not accepted here; send one operation per request");
		}
		if (root.isEmpty() || root.size() > HttpTransport.MAX_BATCH) {
			return Checked.refused("A batch holds 1 to " + HttpTransport.MAX_BATCH + " operations, got " + root.size());
		}
		for (int i = 0; i < root.size(); i++) {
			String where = "Operation " + (i + 1) + " of the batch: ";
			String problem = root.get(i).isObject() ? shapeProblem(root.get(i), where)
					: where + "must be an object with a 'query' string";
			if (problem != null) {
				return Checked.refused(problem);
			}
		}
		return new Checked(null, root.size(), true);
	}

	/**
	 * What is wrong with the parameters of one operation, or null: {@code query} must be
	 * a string, {@code operationName} a string or null, {@code variables} and
	 * {@code extensions} objects or null.
	 */
	private static String shapeProblem(JsonNode operation, String where) {
		JsonNode query = operation.get("query");
		if (query == null || !query.isString()) {
			return where + "The 'query' parameter must be a string";
		}
		JsonNode operationName = operation.get("operationName");
		if (operationName != null && !operationName.isNull() && !operationName.isString()) {
			return where + "The 'operationName' parameter must be a string";
		}
		for (String name : List.of("variables", "extensions")) {
			JsonNode value = operation.get(name);
			if (value != null && !value.isNull() && !value.isObject()) {
				return where + "The '" + name + "' parameter must be an object";
			}
		}
		return null;
	}

	/**
	 * Whether the operation a GET would run may be a mutation: the one named, or with no
	 * name given any operation of the document (graphql-java would run the only one, and
	 * a document of several without a name fails anyway). An unparseable document runs
	 * nothing, so it is left to execution.
	 */
	boolean mayRunMutation(String query, String operationName) {
		Document document;
		try {
			document = Parser.parse(
					ParserEnvironment.newParserEnvironment().document(query).parserOptions(this.parserOptions).build());
		}
		catch (InvalidSyntaxException ex) {
			return false;
		}
		return document.getDefinitionsOfType(OperationDefinition.class)
			.stream()
			.filter(operation -> operationName == null || operationName.equals(operation.getName()))
			.anyMatch(operation -> operation.getOperation() != OperationDefinition.Operation.QUERY);
	}

}
