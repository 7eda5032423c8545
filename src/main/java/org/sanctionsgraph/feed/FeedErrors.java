package org.sanctionsgraph.feed;

import java.util.Map;

import graphql.ErrorClassification;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import org.sanctionsgraph.graphql.BadArgumentException;

import org.springframework.graphql.execution.ErrorType;
import org.springframework.graphql.execution.SubscriptionExceptionResolverAdapter;
import org.springframework.stereotype.Component;

/**
 * A subscription's errors as a client can act on them (a subscription method's
 * exceptions, even those thrown before any event, reach subscription resolvers, not the
 * query ones): {@code LIMIT} for too many subscriptions and for a client that fell too
 * far behind, {@code BAD_REQUEST} naming the argument for a bad filter or cursor.
 */
@Component
class FeedErrors extends SubscriptionExceptionResolverAdapter {

	private static final ErrorClassification LIMIT = ErrorClassification.errorClassification("LIMIT");

	@Override
	protected GraphQLError resolveToSingleError(Throwable ex) {
		if (ex instanceof FeedLimitException || ex instanceof SlowConsumerException) {
			return GraphqlErrorBuilder.newError().errorType(LIMIT).message(ex.getMessage()).build();
		}
		if (ex instanceof BadArgumentException bad) {
			return GraphqlErrorBuilder.newError()
				.errorType(ErrorType.BAD_REQUEST)
				.message(bad.getMessage())
				.extensions(Map.of("argument", bad.argument()))
				.build();
		}
		return null;
	}

}
