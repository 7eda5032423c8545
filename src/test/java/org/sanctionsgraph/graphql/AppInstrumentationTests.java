package org.sanctionsgraph.graphql;

import graphql.execution.instrumentation.Instrumentation;
import org.junit.jupiter.api.Test;
import org.sanctionsgraph.ApiTest;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.execution.GraphQlSource;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The app's GraphQL runs every instrumentation the application declares, through the
 * chain that skips the per-field hooks none of them implements.
 */
@ApiTest
class AppInstrumentationTests {

	@Autowired
	GraphQlSource source;

	@Autowired
	HttpGraphQlTester graphQl;

	@Autowired
	ObjectProvider<Instrumentation> instrumentations;

	@Test
	void everyInstrumentationOfTheAppIsChainedThroughTheLeanChain() {
		Instrumentation instrumentation = this.source.graphQl().getInstrumentation();

		assertThat(instrumentation).isInstanceOf(PerFieldHooks.Chain.class);
		assertThat(((PerFieldHooks.Chain) instrumentation).getInstrumentations())
			.containsExactlyElementsOf(this.instrumentations.orderedStream().toList())
			.extracting(i -> i.getClass().getSimpleName())
			.contains("QueryLimits", "ExecutionDeadline", "UsedDataLoaders");
	}

	@Test
	void theHooksRunOncePerRequestStillRun() {
		// QueryLimits reports each operation's cost
		var response = this.graphQl.document("{ party(code: \"BY\") { name } }").execute().returnResponse();
		assertThat((Object) response.field("party.name").getValue()).isEqualTo("Belarus");
		assertThat(response.getExtensions()).containsKey("cost");
	}

}
