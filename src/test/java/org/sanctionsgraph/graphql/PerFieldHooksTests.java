package org.sanctionsgraph.graphql;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import graphql.ExecutionResult;
import graphql.GraphQL;
import graphql.execution.instrumentation.ExecuteObjectInstrumentationContext;
import graphql.execution.instrumentation.ExecutionStrategyInstrumentationContext;
import graphql.execution.instrumentation.FieldFetchingInstrumentationContext;
import graphql.execution.instrumentation.Instrumentation;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimpleInstrumentationContext;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationFieldFetchParameters;
import graphql.schema.DataFetcher;
import graphql.schema.GraphQLSchema;
import graphql.schema.idl.RuntimeWiring;
import graphql.schema.idl.SchemaGenerator;
import graphql.schema.idl.SchemaParser;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The chain of instrumentations asks only those that implement a per-field hook, and
 * every hook still reaches them.
 */
class PerFieldHooksTests {

	private static final GraphQLSchema SCHEMA = new SchemaGenerator().makeExecutableSchema(
			new SchemaParser().parse("type Query { parties: [Party] } type Party { code: String, name: String }"),
			RuntimeWiring.newRuntimeWiring()
				.type("Query",
						type -> type.dataFetcher("parties",
								env -> List.of(Map.of("code", "BY", "name", "Belarus"),
										Map.of("code", "EU", "name", "European Union"))))
				.build());

	/** Counts the fields it is asked about, through two per-field hooks. */
	static final class Counting extends SimplePerformantInstrumentation {

		final AtomicInteger fetching = new AtomicInteger();

		final AtomicInteger fetchers = new AtomicInteger();

		@Override
		public FieldFetchingInstrumentationContext beginFieldFetching(InstrumentationFieldFetchParameters parameters,
				InstrumentationState state) {
			this.fetching.incrementAndGet();
			return FieldFetchingInstrumentationContext.NOOP;
		}

		@Override
		public DataFetcher<?> instrumentDataFetcher(DataFetcher<?> dataFetcher,
				InstrumentationFieldFetchParameters parameters, InstrumentationState state) {
			this.fetchers.incrementAndGet();
			return dataFetcher;
		}

	}

	@Test
	void aHookIsImplementedOnlyWhereAnInstrumentationDeclaresIt() {
		List<Instrumentation> counting = List.of(new Counting());
		assertThat(PerFieldHooks.Chain.implemented(counting, "beginFieldFetching",
				InstrumentationFieldFetchParameters.class))
			.isTrue();
		assertThat(PerFieldHooks.Chain.implemented(counting, "instrumentDataFetcher", DataFetcher.class,
				InstrumentationFieldFetchParameters.class))
			.isTrue();
		assertThat(PerFieldHooks.Chain.implemented(counting, "beginFieldCompletion",
				graphql.execution.instrumentation.parameters.InstrumentationFieldCompleteParameters.class))
			.isFalse();
		List<Instrumentation> plain = List.of(new SimplePerformantInstrumentation(), new Instrumentation() {
		});
		assertThat(
				PerFieldHooks.Chain.implemented(plain, "beginFieldFetching", InstrumentationFieldFetchParameters.class))
			.isFalse();
	}

	@Test
	void aHookImplementedThroughItsOlderNameCountsToo() {
		Instrumentation olderName = new SimplePerformantInstrumentation() {
			@Override
			@SuppressWarnings("deprecation")
			public InstrumentationContext<Object> beginFieldFetch(InstrumentationFieldFetchParameters parameters,
					InstrumentationState state) {
				return SimpleInstrumentationContext.noOp();
			}
		};
		PerFieldHooks.Chain chain = new PerFieldHooks.Chain(List.of(olderName));
		InstrumentationState state = chain.createStateAsync(null).join();
		assertThat(chain.beginFieldFetching(null, state)).isNotSameAs(FieldFetchingInstrumentationContext.NOOP);
	}

	@Test
	void aHookNoInstrumentationImplementsAnswersWithTheEnginesDoNothingContext() {
		PerFieldHooks.Chain chain = new PerFieldHooks.Chain(List.of(new SimplePerformantInstrumentation()));
		assertThat(chain.beginExecutionStrategy(null, null)).isSameAs(ExecutionStrategyInstrumentationContext.NOOP);
		assertThat(chain.beginExecuteObject(null, null)).isSameAs(ExecuteObjectInstrumentationContext.NOOP);
		assertThat(chain.beginFieldFetching(null, null)).isSameAs(FieldFetchingInstrumentationContext.NOOP);
		assertThat(chain.beginFieldExecution(null, null)).isSameAs(SimpleInstrumentationContext.noOp());
		assertThat(chain.beginFieldCompletion(null, null)).isSameAs(SimpleInstrumentationContext.noOp());
		assertThat(chain.beginFieldListCompletion(null, null)).isSameAs(SimpleInstrumentationContext.noOp());
		assertThat(chain.beginDeferredField(null, null)).isSameAs(SimpleInstrumentationContext.noOp());
		DataFetcher<Object> fetcher = env -> "value";
		assertThat(chain.instrumentDataFetcher(fetcher, null, null)).isSameAs(fetcher);
	}

	@Test
	void aHookGraphqlJavaDoesNotHaveIsRefusedRatherThanTurnedOff() {
		assertThatThrownBy(() -> PerFieldHooks.Chain.implemented(List.of(new SimplePerformantInstrumentation()),
				"beginFieldFetchingg", InstrumentationFieldFetchParameters.class))
			.isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("beginFieldFetchingg");
	}

	@Test
	void everyFieldReachesTheInstrumentationThatAsksForItAndTheAnswerIsUnchanged() {
		Counting counting = new Counting();
		GraphQL graphQl = GraphQL.newGraphQL(SCHEMA)
			.instrumentation(new PerFieldHooks.Chain(List.of(new SimplePerformantInstrumentation(), counting)))
			.build();

		ExecutionResult result = graphQl.execute("{ parties { code name } }");

		assertThat(result.getErrors()).isEmpty();
		assertThat(result.<Map<String, Object>>getData()).isEqualTo(Map.of("parties",
				List.of(Map.of("code", "BY", "name", "Belarus"), Map.of("code", "EU", "name", "European Union"))));
		// parties, then code and name of each of the two
		assertThat(counting.fetching).hasValue(5);
		assertThat(counting.fetchers).hasValue(5);
	}

	@Test
	void aChainOfInstrumentationsWithNoPerFieldHooksStillAnswers() {
		GraphQL graphQl = GraphQL.newGraphQL(SCHEMA)
			.instrumentation(
					new PerFieldHooks.Chain(List.of(new SimplePerformantInstrumentation(), new Instrumentation() {
					})))
			.build();

		ExecutionResult result = graphQl.execute("{ parties { code } }");

		assertThat(result.getErrors()).isEmpty();
		assertThat(result.<Map<String, Object>>getData())
			.isEqualTo(Map.of("parties", List.of(Map.of("code", "BY"), Map.of("code", "EU"))));
	}

}
