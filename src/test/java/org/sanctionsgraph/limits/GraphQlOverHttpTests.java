package org.sanctionsgraph.limits;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.sanctionsgraph.ApiTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * The endpoint as any HTTP client meets it: GraphQL over HTTP status codes and media
 * types, GET for cacheable reads, CORS, and a corpus of hostile and broken requests that
 * must never cause a 5xx, a stack trace or a change to the data.
 */
@ApiTest
class GraphQlOverHttpTests {

	private static final String GRAPHQL_RESPONSE = "application/graphql-response+json";

	@LocalServerPort
	int port;

	@Autowired
	MongoTemplate mongo;

	@Test
	void publicQueriesByGetAreCacheable() throws Exception {
		HttpResponse<String> response = HttpClients.get(this.port,
				HttpClients.query("{ party(code: \"BY\") { name } }"));
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Type"))
			.hasValueSatisfying(type -> assertThat(type).startsWith(GRAPHQL_RESPONSE));
		assertThat(response.headers().firstValue("Cache-Control")).hasValue("public, max-age=60");
		assertThat(response.body()).isEqualTo("{\"data\":{\"party\":{\"name\":\"Belarus\"}},"
				+ "\"extensions\":{\"cost\":{\"requestedQueryCost\":2,\"maximumAvailable\":20000}}}");
		// an answer for a caller with a key is that caller's, never for shared caches
		HttpResponse<String> withKey = HttpClients.get(this.port, HttpClients.query("{ party(code: \"BY\") { name } }"),
				"Authorization", "Bearer " + ApiTest.ADMIN_SECRET);
		assertThat(withKey.statusCode()).isEqualTo(200);
		assertThat(withKey.body()).isEqualTo(response.body());
		assertThat(withKey.headers().firstValue("Cache-Control"))
			.hasValueSatisfying(value -> assertThat(value).doesNotContain("public"));
		// so is one for a bearer token that is not one of ours (here no identity provider
		// is configured)
		HttpResponse<String> token = HttpClients.get(this.port, HttpClients.query("{ party(code: \"BY\") { name } }"),
				"Authorization", "Bearer not-an-api-key-but-a-jwt");
		assertThat(token.statusCode()).isEqualTo(200);
		assertThat(token.body()).isEqualTo(response.body());
		assertThat(token.headers().firstValue("Cache-Control"))
			.hasValueSatisfying(value -> assertThat(value).doesNotContain("public"));
	}

	@Test
	void mutationsByGetAreRefusedWith405() throws Exception {
		HttpResponse<String> response = HttpClients.get(this.port, HttpClients
			.query("mutation { recordParty(input: { fields: { name: \"X\", kind: GROUP } }) { party { id } } }"));
		assertThat(response.statusCode()).isEqualTo(405);
		assertThat(response.headers().firstValue("Allow")).hasValue("POST");
	}

	@Test
	void statusCodesFollowTheMediaType() throws Exception {
		for (String broken : List.of("{ party(code: ", "{ nothingHere }")) {
			HttpResponse<String> strict = HttpClients.postJson(this.port, HttpClients.body(broken), "Accept",
					GRAPHQL_RESPONSE);
			assertThat(strict.statusCode()).as(broken).isEqualTo(400);
			HttpResponse<String> legacy = HttpClients.postJson(this.port, HttpClients.body(broken), "Accept",
					"application/json");
			assertThat(legacy.statusCode()).as(broken).isEqualTo(200);
			assertThat(legacy.body()).contains("errors");
		}
		for (String wrongShape : List.of("{\"query\": 5}", "{\"query\": \"{ __typename }\", \"operationName\": true}",
				"{\"query\": \"{ __typename }\", \"variables\": [1]}")) {
			HttpResponse<String> response = HttpClients.postJson(this.port, wrongShape);
			assertThat(response.statusCode()).as(wrongShape).isEqualTo(400);
			assertThat(response.body()).as(wrongShape).contains("must be");
		}
		HttpResponse<String> badVariable = HttpClients.postJson(this.port,
				"{\"query\":\"query($n: Int) { parties(first: $n) { totalCount } }\",\"variables\":{\"n\":\"ten\"}}",
				"Accept", GRAPHQL_RESPONSE);
		assertThat(badVariable.statusCode()).isEqualTo(400);
		assertThat(badVariable.body()).contains("'n'");
	}

	@Test
	void batchesAreRefusedWithAClearMessage() throws Exception {
		HttpResponse<String> response = HttpClients.postJson(this.port, "[" + HttpClients.body("{ __typename }") + "]");
		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(response.body()).contains("Batched requests");
	}

	@Test
	void corsAllowsLocalFrontEndsOnly() throws Exception {
		HttpResponse<String> local = HttpClients.send(this.port, "OPTIONS", "/graphql", "Origin",
				"http://localhost:5173", "Access-Control-Request-Method", "POST", "Access-Control-Request-Headers",
				"content-type,authorization");
		assertThat(local.statusCode()).isEqualTo(200);
		assertThat(local.headers().firstValue("Access-Control-Allow-Origin")).hasValue("http://localhost:5173");
		assertThat(local.headers().firstValue("Access-Control-Allow-Credentials")).hasValue("true");
		HttpResponse<String> foreign = HttpClients.send(this.port, "OPTIONS", "/graphql", "Origin",
				"https://elsewhere.example", "Access-Control-Request-Method", "POST");
		assertThat(foreign.statusCode()).isEqualTo(403);
		assertThat(foreign.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
	}

	@Test
	void hostileAndBrokenRequestsGet4xxOrErrorsNeverA5xxOrATraceAndChangeNothing() throws Exception {
		String before = fingerprint();
		List<HttpResponse<String>> responses = new ArrayList<>();
		String operator = "{\\\"$gt\\\": \\\"\\\"}";
		// malformed bodies and wrong types
		responses.add(HttpClients.postJson(this.port, "{\"query\": \"{ __typename }\""));
		responses.add(HttpClients.postJson(this.port, "hello"));
		responses.add(HttpClients.postJson(this.port, "{\"query\": 5}"));
		responses.add(HttpClients.postJson(this.port, "{\"query\": \"{ __typename }\", \"variables\": \"nope\"}"));
		responses.add(HttpClients.postJson(this.port, "{}"));
		responses.add(HttpClients.postJson(this.port, "null"));
		responses.add(HttpClients.post(this.port, "text/plain", "{ __typename }"));
		responses.add(HttpClients.post(this.port, "application/xml", "<query/>"));
		responses.add(HttpClients.send(this.port, "PUT", "/graphql"));
		responses.add(HttpClients.send(this.port, "DELETE", "/graphql"));
		responses.add(HttpClients.get(this.port, "/graphql"));
		responses.add(HttpClients.get(this.port, "/graphql?query=%7B&variables=%5B"));
		// wrong types in variables, unknown operations
		responses.add(HttpClients.postJson(this.port,
				"{\"query\":\"query($c: String!) { party(code: $c) { name } }\",\"variables\":{\"c\":{\"$gt\":\"\"}}}"));
		responses.add(HttpClients.postJson(this.port,
				"{\"query\":\"query($f: MeasureFilter) { measures(filter: $f) { totalCount } }\",\"variables\":{\"f\":{\"imposedBy\":{\"$ne\":null}}}}"));
		responses.add(HttpClients.postJson(this.port, "{\"query\":\"{ __typename }\",\"operationName\":\"Nope\"}"));
		responses.add(HttpClients.postJson(this.port, "{\"query\":\"subscription { x }\"}"));
		// huge strings, deep nesting, null bytes
		responses.add(HttpClients.postJson(this.port,
				"{\"query\":\"{ party(code: \\\"" + "B".repeat(300_000) + "\\\") { name } }\"}"));
		responses.add(HttpClients.postJson(this.port,
				HttpClients.body("{ party(code: \"" + "B".repeat(5000) + "\") { name } }")));
		responses.add(HttpClients.postJson(this.port, HttpClients.body("{ a ".repeat(3000) + "}".repeat(3000))));
		responses.add(HttpClients.postJson(this.port, "{\"query\":\"{ party(code: \\\"B\\u0000Y\\\") { name } }\"}"));
		responses.add(HttpClients.postJson(this.port, "{\"query\":\"{ node(id: \\\"\\u0000\\\") { id } }\"}"));
		// operator-looking strings in every string argument of the read API
		for (String field : List.of("party(code: %s) { name }", "node(id: %s) { id }", "measure(id: %s) { id }",
				"person(id: %s) { id }", "organization(id: %s) { id }", "event(id: %s) { id }",
				"program(id: %s) { id }", "source(id: %s) { id }", "organizations(country: %s) { totalCount }",
				"parties(after: %s) { totalCount }", "parties(before: %s, last: 2) { totalCount }",
				"measures(filter: { imposedBy: [%s] }) { totalCount }",
				"measures(filter: { targetCountry: [%s] }) { totalCount }",
				"measures(filter: { target: %s }) { totalCount }", "measures(filter: { program: %s }) { totalCount }",
				"people(filter: { nationality: %s }) { totalCount }", "events(filter: { party: %s }) { totalCount }")) {
			responses.add(HttpClients.postJson(this.port,
					"{\"query\":\"{ " + field.formatted("\\\"" + operator + "\\\"") + " }\"}"));
		}
		// and in a mutation, without a key
		responses
			.add(HttpClients.postJson(this.port, "{\"query\":\"mutation { recordParty(input: { fields: { name: \\\""
					+ operator + "\\\", kind: GROUP } }) { party { id } } }\"}"));

		for (HttpResponse<String> response : responses) {
			String what = response.request().method() + " " + response.statusCode() + " "
					+ abbreviated(response.body());
			assertThat(response.statusCode()).as(what).isLessThan(500);
			assertThat(response.statusCode() >= 400 || response.body().contains("\"errors\"")).as(what).isTrue();
			assertThat(response.body()).as(what)
				.doesNotContain("Exception")
				.doesNotContain("\tat ")
				.doesNotContain("at org.")
				.doesNotContain("java.");
		}
		assertThat(fingerprint()).isEqualTo(before);
	}

	private static String abbreviated(String body) {
		return body.length() > 300 ? body.substring(0, 300) + "…" : body;
	}

	private String fingerprint() {
		StringBuilder all = new StringBuilder();
		for (String collection : List.of("parties", "people", "organizations", "programs", "events", "measures",
				"memberships", "sources", "history")) {
			for (Document doc : this.mongo.getCollection(collection).find().sort(new Document("_id", 1))) {
				all.append(doc.toJson());
			}
		}
		return Integer.toHexString(all.toString().hashCode()) + ":" + all.length();
	}

}
