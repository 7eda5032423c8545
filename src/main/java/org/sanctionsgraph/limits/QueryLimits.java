package org.sanctionsgraph.limits;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import graphql.ExecutionResult;
import graphql.execution.AbortExecutionException;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationCreateStateParameters;
import graphql.execution.instrumentation.parameters.InstrumentationExecuteOperationParameters;
import graphql.execution.instrumentation.parameters.InstrumentationExecutionParameters;
import graphql.language.Document;

import org.springframework.stereotype.Component;

/**
 * Refuses operations that are too deep or too costly before anything runs, and reports
 * each operation's cost in the response's {@code extensions.cost}, refused or not. Cost
 * and depth are counted on the document as written ({@link QueryCost}), so a thousand
 * aliases of one field, or a thousand uses of one fragment, cost a thousand.
 */
@Component
class QueryLimits extends SimplePerformantInstrumentation {

	/**
	 * The parsed document is kept between requests (the same object each time, and
	 * graphql-java's documents compare by identity), so with the operation, variables and
	 * the version of the list sizes (a list that grew makes earlier measures stale) it
	 * identifies a measure.
	 */
	record Checked(Document document, String operation, Map<String, Object> variables, long listSizes) {

		static Checked of(InstrumentationExecuteOperationParameters parameters, long listSizes) {
			var context = parameters.getExecutionContext();
			return new Checked(context.getDocument(), context.getExecutionInput().getOperationName(),
					context.getExecutionInput().getRawVariables().toMap(), listSizes);
		}

	}

	/** The measure of this request's operation, once known. */
	static final class Measured implements InstrumentationState {

		private volatile QueryCost.Report measure;

	}

	private final LimitsProperties limits;

	private final ListSizes lists;

	/**
	 * Bounded by the characters of the variables kept (documents are kept by the parse
	 * cache).
	 */
	private final Cache<Checked, QueryCost.Report> measured = Caffeine.newBuilder()
		.maximumWeight(4_000_000).<Checked, QueryCost
				.Report>weigher((key, value) -> 1 + key.variables().toString().length())
		.build();

	QueryLimits(LimitsProperties limits, ListSizes lists) {
		this.limits = limits;
		this.lists = lists;
	}

	@Override
	public InstrumentationState createState(InstrumentationCreateStateParameters parameters) {
		return new Measured();
	}

	@Override
	public InstrumentationContext<ExecutionResult> beginExecuteOperation(
			InstrumentationExecuteOperationParameters parameters, InstrumentationState state) {
		QueryCost.Report measure = this.measured.get(Checked.of(parameters, this.lists.version()),
				key -> QueryCost.of(parameters.getExecutionContext(), this.lists));
		if (state instanceof Measured measured) {
			measured.measure = measure;
		}
		Refusals.check(measure, this.limits);
		return super.beginExecuteOperation(parameters, state);
	}

	@Override
	public CompletableFuture<ExecutionResult> instrumentExecutionResult(ExecutionResult result,
			InstrumentationExecutionParameters parameters, InstrumentationState state) {
		if (!(state instanceof Measured measured) || measured.measure == null) {
			return CompletableFuture.completedFuture(result);
		}
		Map<Object, Object> extensions = new LinkedHashMap<>();
		if (result.getExtensions() != null) {
			extensions.putAll(result.getExtensions());
		}
		Map<String, Object> cost = new LinkedHashMap<>();
		cost.put("requestedQueryCost", measured.measure.cost());
		cost.put("maximumAvailable", this.limits.maxComplexity());
		extensions.put("cost", cost);
		return CompletableFuture.completedFuture(result.transform(builder -> builder.extensions(extensions)));
	}

}
