package org.sanctionsgraph.limits;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.sanctionsgraph.ApiTest;
import org.sanctionsgraph.graphql.GlobalId;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.graphql.ResponseError;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

/**
 * Errors explain themselves: a size refusal names the argument and its range, or the
 * costliest field and the limit; a value of the wrong form names the argument (or
 * variable), shows the value as sent and the expected form, never the parser's class
 * names, whether it came as a literal (validation) or a variable (coercion); every HTTP
 * error has a JSON body saying what to send instead.
 */
@ApiTest
class ErrorMessageTests {

	private static final String MEASURE = GlobalId.encode("Measure", "m-eu-sectoral-2021");

	private static final String KINDS = "expected one of SANCTION, COUNTERMEASURE";

	private static final String INT = "expected a whole number from -2147483648 to 2147483647";

	private static final String SEND = "send a JSON object such as {\"query\": \"{ parties { totalCount } }\"} "
			+ "with 'Content-Type: application/json'";

	@Autowired
	HttpGraphQlTester graphQl;

	@LocalServerPort
	int port;

	@Test
	void aPageSizeBeyondItsMaximumNamesTheArgumentAndItsRange() {
		String expected = "Invalid argument 'first' of 'measures': must be between 0 and 100, got 100000; "
				+ "page through longer lists with 'after' and 'before'";
		ResponseError literal = error(this.graphQl.document("{ measures(first: 100000) { totalCount } }").execute());
		assertThat(literal.getMessage()).isEqualTo(expected);
		assertThat(literal.getExtensions()).containsEntry("classification", "BAD_REQUEST")
			.containsEntry("argument", "first");
		ResponseError variable = error(this.graphQl.document("query($n: Int) { measures(first: $n) { totalCount } }")
			.variable("n", 100000)
			.execute());
		assertThat(variable.getMessage()).isEqualTo(expected);
		assertThat(error(this.graphQl.document("{ parties(last: -1) { totalCount } }").execute()).getMessage())
			.startsWith("Invalid argument 'last' of 'parties': must be between 0 and 100, got -1");
	}

	@Test
	void aComplexityRefusalNamesTheCostliestFieldAndTheLimit() {
		// parties(first: 100) 1 + 100 x (nodes 1 + measuresTargeting (1 + 100 x (nodes 1
		// + id 1))) = 20201, all of it under parties
		ResponseError error = error(this.graphQl
			.document("{ parties(first: 100) { nodes { measuresTargeting(first: 100) { nodes { id } } } } }")
			.execute());
		assertThat(error.getMessage()).isEqualTo("Maximum query complexity exceeded: 20201 > 20000 "
				+ "(extensions.cost has both); the costliest field is 'parties' (first: 100) at 20201: "
				+ "ask for fewer items (first, last, ids) or fewer fields");
		assertThat(error.getExtensions()).containsEntry("limit", 20000)
			.containsEntry("field", "parties")
			.containsEntry("argument", "first");
	}

	@Test
	void aBadEnumValueListsTheAllowedValues() {
		ResponseError literal = error(
				this.graphQl.document("{ measures(filter: { kind: SANCTIONS }) { totalCount } }").execute());
		assertThat(literal.getMessage())
			.isEqualTo("Invalid value for argument 'filter.kind' of 'measures': SANCTIONS is not a valid MeasureKind; "
					+ KINDS);
		assertThat(literal.getExtensions()).containsEntry("classification", "BAD_REQUEST")
			.containsEntry("argument", "filter.kind");
		ResponseError variable = error(
				this.graphQl.document("query($f: MeasureFilter) { measures(filter: $f) { totalCount } }")
					.variable("f", Map.of("kind", "SANCTIONS"))
					.execute());
		assertThat(variable.getMessage())
			.isEqualTo("Invalid value for variable 'f': \"SANCTIONS\" is not a valid MeasureKind; " + KINDS);
		assertThat(variable.getExtensions()).containsEntry("classification", "BAD_REQUEST")
			.containsEntry("variable", "f");
	}

	@Test
	void aBadScalarValueNamesTheArgumentTheValueAndTheExpectedForm() {
		ResponseError literal = error(
				this.graphQl.document("{ measure(id: \"" + MEASURE + "\") { isInForce(on: \"2021-13-45\") } }")
					.execute());
		assertThat(literal.getMessage()).isEqualTo("Invalid value for argument 'on' of 'isInForce': \"2021-13-45\" "
				+ "is not a valid Date; expected a calendar date as YYYY-MM-DD");
		ResponseError variable = error(
				this.graphQl.document("query($d: Date!) { measure(id: \"" + MEASURE + "\") { isInForce(on: $d) } }")
					.variable("d", "June 2021")
					.execute());
		assertThat(variable.getMessage()).isEqualTo("Invalid value for variable 'd': \"June 2021\" is not a valid "
				+ "Date; expected a calendar date as YYYY-MM-DD");
		ResponseError intLiteral = error(this.graphQl.document("{ parties(first: \"ten\") { totalCount } }").execute());
		assertThat(intLiteral.getMessage())
			.isEqualTo("Invalid value for argument 'first' of 'parties': \"ten\" is not a valid Int; " + INT);
		ResponseError intVariable = error(this.graphQl.document("query($n: Int) { parties(first: $n) { totalCount } }")
			.variable("n", "ten")
			.execute());
		assertThat(intVariable.getMessage())
			.isEqualTo("Invalid value for variable 'n': \"ten\" is not a valid Int; " + INT);
		for (ResponseError error : new ResponseError[] { literal, variable, intLiteral, intVariable }) {
			assertThat(error.getMessage()).doesNotContain("Value{", "AST");
			assertThat(error.getExtensions()).containsEntry("classification", "BAD_REQUEST");
		}
	}

	@Test
	void aLiteralInputObjectOfTheWrongShapeNamesTheArgumentAndTheFieldsWithoutParserInternals() {
		ResponseError unknown = error(
				this.graphQl.document("{ measures(filter: { kinds: SANCTION }) { totalCount } }").execute());
		assertThat(unknown.getMessage())
			.isEqualTo("Invalid value for argument 'filter' of 'measures': MeasureFilter has no field 'kinds'; "
					+ "its fields are kind, imposedBy, targetCountry, targetParty, target, measureTypes, program, "
					+ "inForceOn");
		assertThat(unknown.getExtensions()).containsEntry("argument", "filter");
		ResponseError notObject = error(
				this.graphQl.document("{ measures(filter: \"SANCTION\") { totalCount } }").execute());
		assertThat(notObject.getMessage()).isEqualTo("Invalid value for argument 'filter' of 'measures': "
				+ "expected an input object, written as { field: value, ... }");
		ResponseError missing = error(
				this.graphQl.document("mutation { recordSanction(input: { idempotencyKey: \"k\" }) { __typename } }")
					.execute());
		assertThat(missing.getMessage()).startsWith("Invalid value for argument 'input' of 'recordSanction': ")
			.endsWith("the required field(s) fields are missing");
		for (ResponseError error : new ResponseError[] { unknown, notObject, missing }) {
			assertThat(error.getMessage()).doesNotContain("Value{", "ObjectField", "Validation error");
			assertThat(error.getExtensions()).containsEntry("classification", "BAD_REQUEST");
		}
	}

	@Test
	void everyHttpErrorHasAJsonBodySayingWhatToSendInstead() throws Exception {
		assertError(HttpClients.post(this.port, "text/plain", "{ __typename }"), 415,
				"The Content-Type 'text/plain' is not accepted: " + SEND);
		assertError(HttpClients.postJson(this.port, "{\"query\": "), 400, "The body is not valid JSON");
		assertError(HttpClients.postJson(this.port, "{\"query\": "), 400, SEND);
		assertError(HttpClients.get(this.port, "/nothing-here"), 404,
				"Nothing is served at '/nothing-here': the API answers GraphQL at POST /graphql");
		HttpResponse<String> put = HttpClients.send(this.port, "PUT", "/graphql");
		assertError(put, 405,
				"The method PUT is not accepted at /graphql: send queries by GET or POST, mutations by POST");
		assertThat(put.headers().firstValue("Allow")).hasValue("GET, POST");
		assertError(HttpClients.send(this.port, "POST", "/index.html"), 405,
				"This method is not accepted at '/index.html': send GET or HEAD");
		assertError(HttpClients.postJson(this.port, "{\"query\": \"" + "x".repeat(300_000) + "\"}"), 413,
				"the limit is 262144: send a smaller body");
	}

	private static void assertError(HttpResponse<String> response, int status, String message) {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
		assertThat(response.headers().firstValue("Content-Type"))
			.hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
		assertThat(response.body()).startsWith("{\"errors\":[{").contains(message.replace("\"", "\\\""));
	}

	private static ResponseError error(GraphQlTester.Response response) {
		ResponseError[] first = new ResponseError[1];
		response.errors().satisfy(errors -> {
			assertThat(errors).hasSize(1);
			first[0] = errors.get(0);
		});
		return first[0];
	}

}
