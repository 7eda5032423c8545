package org.sanctionsgraph.limits;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import graphql.ErrorClassification;
import graphql.GraphqlErrorBuilder;
import graphql.execution.AbortExecutionException;
import org.sanctionsgraph.paging.PageArgs;

/**
 * Refuses an operation that is too large before anything runs, with an error that names
 * what to change: a page size outside its range is the client's mistake (BAD_REQUEST
 * naming the argument and the range); an operation too deep or too costly names the limit
 * and, for cost, the costliest field with the argument that multiplies it.
 */
final class Refusals {

	private Refusals() {
	}

	static void check(QueryCost.Report report, LimitsProperties limits) {
		QueryCost.FieldCost bad = report.badPageSize();
		if (bad != null) {
			String argument = bad.size().substring(0, bad.size().indexOf(':'));
			refuse(bad, "BAD_REQUEST",
					"Invalid argument '" + argument + "' of '" + bad.field() + "': must be between 0 and "
							+ PageArgs.MAX + ", got " + bad.size().substring(argument.length() + 2)
							+ "; page through longer lists with 'after' and 'before'",
					Map.of("argument", argument, "minimum", 0, "maximum", PageArgs.MAX));
		}
		if (report.depth() > limits.maxDepth()) {
			refuse(null, "LIMIT", "Maximum query depth exceeded: " + report.depth() + " > " + limits.maxDepth()
					+ "; nest at most " + limits.maxDepth() + " fields deep", Map.of("limit", limits.maxDepth()));
		}
		if (report.cost() > limits.maxComplexity()) {
			QueryCost.FieldCost costliest = report.costliest();
			StringBuilder message = new StringBuilder("Maximum query complexity exceeded: " + report.cost() + " > "
					+ limits.maxComplexity() + " (extensions.cost has both)");
			Map<String, Object> extensions = new LinkedHashMap<>();
			extensions.put("limit", limits.maxComplexity());
			if (costliest != null) {
				message.append("; the costliest field is '").append(costliest.field()).append('\'');
				if (costliest.size() != null) {
					message.append(" (").append(costliest.size()).append(')');
				}
				message.append(" at ").append(costliest.cost());
				extensions.put("field", costliest.field());
				if (costliest.size() != null) {
					extensions.put("argument", costliest.size().substring(0, costliest.size().indexOf(':')));
				}
			}
			message.append(": ask for fewer items (first, last, ids) or fewer fields");
			refuse(costliest, "LIMIT", message.toString(), extensions);
		}
	}

	private static void refuse(QueryCost.FieldCost field, String classification, String message,
			Map<String, Object> extensions) {
		GraphqlErrorBuilder<?> error = GraphqlErrorBuilder.newError()
			.message(message)
			.errorType(ErrorClassification.errorClassification(classification))
			.extensions(extensions);
		if (field != null && field.node().getSourceLocation() != null) {
			error.location(field.node().getSourceLocation());
		}
		throw new AbortExecutionException(List.of(error.build()));
	}

}
