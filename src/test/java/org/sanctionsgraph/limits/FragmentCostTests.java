package org.sanctionsgraph.limits;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.sanctionsgraph.graphql.GlobalId;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

/**
 * Depth and complexity count every use of a fragment, fragments inside fragments, inline
 * fragments and aliases, each just under and just over the limits (depth 6, complexity
 * 300). The expected costs are worked out by hand in the comments: 1 per field, a
 * connection's selection once per item of its page, a list stored on a record once per
 * item of the largest such list stored, {@code nodes} once per id.
 */
@SmallLimitsTest
class FragmentCostTests {

	private static final String MEASURE = GlobalId.encode("Measure", "m-eu-sectoral-2021");

	@Autowired
	HttpGraphQlTester graphQl;

	@Test
	void aCheapFirstUseDoesNotMakeLaterUsesFree() {
		// P = code + name = 2. First use: party 1 + 2 = 3. Then parties: 1 + n x (edges 1
		// + node 1 + 2).
		// n = 74: 3 + 1 + 296 = 300; n = 75: 3 + 1 + 300 = 304
		String document = """
				query($n: Int) { party(code: "BY") { ...P } parties(first: $n) { edges { node { ...P } } } }
				fragment P on Party { code name }""";
		assertCost(run(document, Map.of("n", 74)), 300);
		refusedForComplexity(run(document, Map.of("n", 75)), 304);
	}

	@Test
	void aShallowFirstUseDoesNotMakeDeeperUsesShallow() {
		// M = program > name: depth 2. measure(id) > M: 3; party > measuresTargeting >
		// edges > node > M: 6
		String under = """
				{ measure(id: "%s") { ...M } party(code: "BY") { measuresTargeting { edges { node { ...M } } } } }
				fragment M on Measure { program { name } }""".formatted(MEASURE);
		run(under, Map.of()).errors().verify();
		// M = program > aliases > value: depth 3, so its second use is 7 deep
		String over = """
				{ measure(id: "%s") { ...M } party(code: "BY") { measuresTargeting { edges { node { ...M } } } } }
				fragment M on Measure { program { aliases { value } } }""".formatted(MEASURE);
		refused(run(over, Map.of()), "depth", "7 > 6");
	}

	@Test
	void fragmentsInsideFragmentsCountAtEveryUse() {
		// C = code (1); B = C (1); A = B + again (1) + an inline fragment holding B = 3.
		// parties(first: n) { nodes { ...A } }: 1 + n x (nodes 1 + 3): n = 74 gives 297,
		// n = 75 gives 301
		String document = """
				query($n: Int) { parties(first: $n) { nodes { ...A } } }
				fragment A on Party { ...B again: name ... on Party { ...B } }
				fragment B on Party { ...C }
				fragment C on Party { code }""";
		assertCost(run(document, Map.of("n", 74)), 297);
		refusedForComplexity(run(document, Map.of("n", 75)), 301);
	}

	@Test
	void nestedFragmentsCountTheirDepth() {
		// party > [A: measuresTargeting > [B: edges > node > [C: program > name]]]: depth
		// 6
		String under = """
				{ party(code: "BY") { ...A } }
				fragment A on Party { measuresTargeting { ...B } }
				fragment B on MeasureConnection { edges { node { ...C } } }
				fragment C on Measure { program { name } }""";
		run(under, Map.of()).errors().verify();
		refused(run(under.replace("program { name }", "program { aliases { value } }"), Map.of()), "depth", "7 > 6");
	}

	@Test
	void inlineFragmentsCountOncePerIdOfNodes() {
		// per id: ... on Party { measuresTargeting(first: 30) { totalCount } } = 1 + 30 x
		// 1 = 31;
		// nodes(ids: 9 ids) = 1 + 9 x 31 = 280; 10 ids = 311
		String document = "query($ids: [ID!]!) { nodes(ids: $ids) { ... on Party { measuresTargeting(first: 30) { totalCount } } } }";
		assertCost(run(document, Map.of("ids", ids(9))), 280);
		refusedForComplexity(run(document, Map.of("ids", ids(10))), 311);
	}

	@Test
	void aliasesOfAFragmentEachCount() {
		// each alias: party 1 + P (code, name) 2 = 3; 100 aliases = 300, 101 = 303
		assertCost(run(aliases(100), Map.of()), 300);
		refusedForComplexity(run(aliases(101), Map.of()), 303);
	}

	@Test
	void fragmentsThatFanOutAreMeasuredWithoutExpandingThem() {
		// F0 = code; each Fk uses F(k-1) twice (under two aliases of the same field, so
		// the document
		// stays valid): 2^40 uses of code. Measured once per fragment, the refusal comes
		// at once.
		StringBuilder document = new StringBuilder(
				"{ party(code: \"BY\") { ...F40 } }\nfragment F0 on Party { code }\n");
		for (int k = 1; k <= 40; k++) {
			document.append("fragment F%d on Party { ...F%d ... on Party { ...F%d } }\n".formatted(k, k - 1, k - 1));
		}
		refused(run(document.toString(), Map.of()), "complexity");
	}

	@Test
	void fragmentCyclesAreRefusedByValidationWithoutLooping() {
		String document = """
				{ party(code: "BY") { ...A } }
				fragment A on Party { code ...B }
				fragment B on Party { name ...A }""";
		run(document, Map.of()).errors()
			.satisfy(errors -> assertThat(errors).isNotEmpty()
				.allSatisfy(error -> assertThat(error.getMessage()).containsIgnoringCase("fragment")));
	}

	private static String aliases(int count) {
		return IntStream.range(0, count)
			.mapToObj(i -> "a" + i + ": party(code: \"BY\") { ...P }")
			.collect(Collectors.joining(" ", "{ ", " } fragment P on Party { code name }"));
	}

	private static java.util.List<String> ids(int count) {
		return IntStream.range(0, count).mapToObj(i -> GlobalId.encode("Party", "by")).toList();
	}

	private GraphQlTester.Response run(String document, Map<String, Object> variables) {
		GraphQlTester.Request<?> request = this.graphQl.document(document);
		variables.forEach(request::variable);
		return request.execute();
	}

	/** The cost the response reports in {@code extensions.cost}. */
	static long cost(GraphQlTester.Response response) {
		Map<?, ?> cost = (Map<?, ?>) response.returnResponse().getExtensions().get("cost");
		return ((Number) cost.get("requestedQueryCost")).longValue();
	}

	static void assertCost(GraphQlTester.Response response, long cost) {
		response.errors().verify();
		assertThat(cost(response)).isEqualTo(cost);
	}

	static void refusedForComplexity(GraphQlTester.Response response, long cost) {
		refused(response, "complexity", cost + " > 300");
		assertThat(cost(response)).isEqualTo(cost);
	}

	static void refused(GraphQlTester.Response response, String... mentions) {
		response.errors().satisfy(errors -> {
			assertThat(errors).isNotEmpty();
			assertThat(errors.get(0).getMessage()).contains(mentions);
		});
	}

}
