package org.sanctionsgraph.limits;

import java.util.Map;

import graphql.analysis.FieldComplexityEnvironment;
import graphql.analysis.MaxQueryComplexityInstrumentation;
import graphql.analysis.MaxQueryDepthInstrumentation;
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

	@Bean
	MaxQueryDepthInstrumentation maxQueryDepth(LimitsProperties limits) {
		return new MaxQueryDepthInstrumentation(limits.maxDepth());
	}

	@Bean
	MaxQueryComplexityInstrumentation maxQueryComplexity(LimitsProperties limits) {
		return new MaxQueryComplexityInstrumentation(limits.maxComplexity(), QueryLimits::cost);
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
