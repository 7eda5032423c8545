package org.sanctionsgraph.graphql;

import java.util.Map;
import java.util.stream.Collectors;

import com.mongodb.MongoOperationTimeoutException;
import graphql.ErrorClassification;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.execution.AbortExecutionException;
import graphql.schema.DataFetchingEnvironment;
import jakarta.validation.ConstraintViolationException;

import org.springframework.graphql.execution.DataFetcherExceptionResolverAdapter;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.stereotype.Component;

/**
 * Maps the client's mistakes to BAD_REQUEST errors that name the argument. Anything not
 * handled here reaches the client only as an opaque INTERNAL_ERROR with the request's
 * execution id; Spring logs the cause on the server. (A resolver rather than a controller
 * advice, so the error leaves the field before Spring's connection adapter could turn the
 * missing value into an empty page.)
 */
@Component
class GraphQlErrors extends DataFetcherExceptionResolverAdapter {

	@Override
	protected GraphQLError resolveToSingleError(Throwable ex, DataFetchingEnvironment env) {
		if (ex instanceof BadArgumentException bad) {
			return GraphqlErrorBuilder.newError(env)
				.errorType(ErrorType.BAD_REQUEST)
				.message(bad.getMessage())
				.extensions(Map.of("argument", bad.argument()))
				.build();
		}
		if (ex instanceof AbortExecutionException aborted) {
			return GraphqlErrorBuilder.newError(env)
				.errorType(ErrorClassification.errorClassification("TIMEOUT"))
				.message(aborted.getMessage())
				.build();
		}
		if (timedOut(ex)) {
			return GraphqlErrorBuilder.newError(env)
				.errorType(ErrorClassification.errorClassification("TIMEOUT"))
				.message("The request ran past its time limit and was stopped")
				.build();
		}
		if (ex instanceof ConstraintViolationException violations) {
			String message = violations.getConstraintViolations()
				.stream()
				.map(violation -> "Invalid argument '" + violation.getPropertyPath() + "': " + violation.getMessage())
				.sorted()
				.collect(Collectors.joining("; "));
			return GraphqlErrorBuilder.newError(env).errorType(ErrorType.BAD_REQUEST).message(message).build();
		}
		return null;
	}

	/**
	 * A database operation that hit the request's time limit (the driver's operation
	 * timeout).
	 */
	private static boolean timedOut(Throwable ex) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause instanceof MongoOperationTimeoutException) {
				return true;
			}
		}
		return false;
	}

}
