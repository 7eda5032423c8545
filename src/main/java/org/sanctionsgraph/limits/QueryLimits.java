package org.sanctionsgraph.limits;

import java.util.Map;
import java.util.function.Supplier;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import graphql.ExecutionResult;
import graphql.analysis.FieldComplexityEnvironment;
import graphql.analysis.MaxQueryComplexityInstrumentation;
import graphql.analysis.MaxQueryDepthInstrumentation;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimpleInstrumentationContext;
import graphql.execution.instrumentation.parameters.InstrumentationExecuteOperationParameters;
import graphql.language.Document;
import graphql.schema.GraphQLTypeUtil;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Refuses documents that are too deep or too costly before anything runs. Cost is counted on the
 * document as written, so a thousand aliases of one field cost a thousand.
 */
@Configuration(proxyBeanMethods = false)
class QueryLimits {

	static final int DEFAULT_PAGE = 20;

	/**
	 * A document already found within the limits with the same variables is not measured again: the
	 * parsed document is kept between requests (the same object each time, and graphql-java's
	 * documents compare by identity), so the triple identifies the check. Refusals are not kept; they
	 * are measured (and refused) each time.
	 */
	record Checked(Document document, String operation, Map<String, Object> variables) {

		static Checked of(InstrumentationExecuteOperationParameters parameters) {
			var context = parameters.getExecutionContext();
			return new Checked(context.getDocument(), context.getExecutionInput().getOperationName(),
					context.getExecutionInput().getRawVariables().toMap());
		}

	}

	/** Bounded by the characters of the variables kept (documents are kept by the parse cache). */
	private static Cache<Checked, Boolean> passed() {
		return Caffeine.newBuilder()
			.maximumWeight(4_000_000)
			.<Checked, Boolean>weigher((key, value) -> 1 + key.variables().toString().length())
			.build();
	}

	private static InstrumentationContext<ExecutionResult> unlessPassed(Cache<Checked, Boolean> passed,
			InstrumentationExecuteOperationParameters parameters, Supplier<InstrumentationContext<ExecutionResult>> check) {
		Checked key = Checked.of(parameters);
		if (passed.getIfPresent(key) != null) {
			return SimpleInstrumentationContext.noOp();
		}
		InstrumentationContext<ExecutionResult> context = check.get();
		passed.put(key, Boolean.TRUE);
		return context;
	}

	@Bean
	MaxQueryDepthInstrumentation maxQueryDepth(LimitsProperties limits) {
		Cache<Checked, Boolean> passed = passed();
		return new MaxQueryDepthInstrumentation(limits.maxDepth()) {

			@Override
			public InstrumentationContext<ExecutionResult> beginExecuteOperation(
					InstrumentationExecuteOperationParameters parameters, InstrumentationState state) {
				return unlessPassed(passed, parameters, () -> super.beginExecuteOperation(parameters, state));
			}

		};
	}

	@Bean
	MaxQueryComplexityInstrumentation maxQueryComplexity(LimitsProperties limits) {
		Cache<Checked, Boolean> passed = passed();
		return new MaxQueryComplexityInstrumentation(limits.maxComplexity(), QueryLimits::cost) {

			@Override
			public InstrumentationContext<ExecutionResult> beginExecuteOperation(
					InstrumentationExecuteOperationParameters parameters, InstrumentationState state) {
				return unlessPassed(passed, parameters, () -> super.beginExecuteOperation(parameters, state));
			}

		};
	}

	/** 1 per field; a connection's selection counts once per item it may return. */
	static int cost(FieldComplexityEnvironment env, int childComplexity) {
		String type = GraphQLTypeUtil.unwrapAll(env.getFieldDefinition().getType()).getName();
		if (!type.endsWith("Connection")) {
			return 1 + childComplexity;
		}
		Map<String, Object> args = env.getArguments();
		Object size = args.get("first") != null ? args.get("first") : args.get("last");
		int items = size instanceof Number number ? Math.max(number.intValue(), 1) : DEFAULT_PAGE;
		return (int) Math.min(Integer.MAX_VALUE / 2, 1 + (long) childComplexity * items);
	}

}
