package org.sanctionsgraph.limits;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.graphql.ResponseError;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

/**
 * Each request limit, just under and just over, with small limits so the documents stay
 * readable.
 */
@SmallLimitsTest
class LimitsTests {

	@Autowired
	HttpGraphQlTester graphQl;

	@LocalServerPort
	int port;

	@Test
	void depth() {
		// party > measuresTargeting > edges > node > program > name: depth 6 (a single
		// record, not a
		// plain list, so the complexity stays far below its limit)
		accepted("{ party(code: \"BY\") { measuresTargeting { edges { node { program { name } } } } } }");
		refused("{ party(code: \"BY\") { measuresTargeting { edges { node { imposers { aliases { value } } } } } } }",
				"depth", "7", "6");
	}

	@Test
	void complexityWeighsConnectionsByTheirPageSize() {
		// 1 + 3 x first: 298 and 301 against a limit of 300
		accepted("{ parties(first: 99) { edges { node { code } } } }");
		refused("{ parties(first: 100) { edges { node { code } } } }", "complexity", "301", "300");
	}

	@Test
	void aDocumentSentAgainIsCheckedAgainWithItsNewVariables() {
		// the parsed document is kept after its first use; the limits still apply to
		// every request
		String query = "query($n: Int!) { parties(first: $n) { edges { node { code } } } }";
		for (int round = 0; round < 2; round++) {
			this.graphQl.document(query).variable("n", 99).execute().path("parties.edges").hasValue();
			this.graphQl.document(query)
				.variable("n", 100)
				.execute()
				.errors()
				.satisfy(errors -> assertThat(errors).singleElement()
					.extracting(ResponseError::getMessage)
					.asString()
					.contains("complexity", "301", "300"));
		}
	}

	@Test
	void aliasesAndRepeatedNodeLookupsCountToo() {
		accepted(aliases(150, "party(code: \"BY\") { code }"));
		refused(aliases(151, "party(code: \"BY\") { code }"), "complexity", "302", "300");
		refused(aliases(151, "node(id: \"UGFydHk6Ynk\") { id }"), "complexity", "302", "300");
	}

	@Test
	void tokens() {
		// 16 tokens around the list and one a code; the parser counts the end of input
		// too:
		// 3000 and 3001 tokens against a limit of 3000
		accepted(codes(2983));
		refused(codes(2984), "tokens");
	}

	private static String codes(int count) {
		return "{ measures(filter: { imposedBy: [" + "\"BY\" ".repeat(count) + "] }) { totalCount } }";
	}

	@Test
	void documentCharacters() {
		String query = "{ __typename }";
		accepted(query + " ".repeat(20000 - query.length()));
		refused(query + " ".repeat(20001 - query.length()), "20001", "20000");
	}

	@Test
	void variablesSize() {
		// {"p":"..."} is 8 characters plus the padding
		this.graphQl.document("{ __typename }").variable("p", "x".repeat(492)).execute().path("__typename").hasValue();
		this.graphQl.document("{ __typename }")
			.variable("p", "x".repeat(493))
			.execute()
			.errors()
			.satisfy(errors -> assertThat(errors).singleElement()
				.extracting(ResponseError::getMessage)
				.asString()
				.contains("501", "500"));
	}

	@Test
	void bodySize() throws Exception {
		// padded in "extensions", which the API ignores, so only the body's size matters
		String empty = padded(0);
		String under = padded(30000 - empty.length());
		String over = padded(30001 - empty.length());
		assertThat(under).hasSize(30000);
		HttpResponse<String> accepted = HttpClients.postJson(this.port, under);
		assertThat(accepted.statusCode()).isEqualTo(200);
		assertThat(accepted.body()).isEqualTo("{\"data\":{\"__typename\":\"Query\"},"
				+ "\"extensions\":{\"cost\":{\"requestedQueryCost\":1,\"maximumAvailable\":300}}}");
		HttpResponse<String> refused = HttpClients.postJson(this.port, over);
		assertThat(refused.statusCode()).isEqualTo(413);
		assertThat(refused.body()).contains("30000");
	}

	private static String padded(int padding) {
		return "{\"query\":\"{ __typename }\",\"extensions\":{\"p\":\"" + "x".repeat(padding) + "\"}}";
	}

	@Test
	void batchesRunWhenEnabled() throws Exception {
		HttpResponse<String> response = HttpClients.postJson(this.port,
				"[" + HttpClients.body("{ party(code: \"BY\") { name } }") + ","
						+ HttpClients.body("{ party(code: \"RU\") { name } }") + "]");
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).startsWith("[").contains("Belarus").contains("Russia");
	}

	@Test
	void aRequestWithinItsTimeLimitRuns() {
		accepted("{ parties(first: 5) { totalCount } }");
	}

	private static String aliases(int count, String field) {
		return IntStream.range(0, count)
			.mapToObj(i -> "a" + i + ": " + field)
			.collect(Collectors.joining(" ", "{ ", " }"));
	}

	private void accepted(String document) {
		this.graphQl.document(document).execute().errors().verify();
	}

	private void refused(String document, String... mentions) {
		this.graphQl.document(document).execute().errors().satisfy(errors -> {
			assertThat(errors).as(document).isNotEmpty();
			assertThat(errors.get(0).getMessage()).contains(List.of(mentions));
		});
	}

}
