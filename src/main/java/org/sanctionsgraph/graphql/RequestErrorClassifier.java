package org.sanctionsgraph.graphql;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.graphql.ResponseError;
import org.springframework.graphql.execution.GraphQlSource;
import org.springframework.graphql.execution.ErrorType;

import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.stereotype.Component;

/**
 * Classifies graphql-java's request validation errors (a malformed date, a wrong argument
 * type, an unknown field, a variable of the wrong form) as BAD_REQUEST, the same class as
 * the API's own argument errors, so clients need one rule for "my request was wrong". The
 * original kind stays in {@code extensions.validation}; a value of the wrong form gets a
 * message naming the argument or variable, the value and the expected form
 * ({@link ValueErrors}). Requests run in English, the language of every other message.
 */
@Component
class RequestErrorClassifier implements WebGraphQlInterceptor {

	private final ObjectProvider<GraphQlSource> source;

	RequestErrorClassifier(ObjectProvider<GraphQlSource> source) {
		this.source = source;
	}

	@Override
	public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
		request.configureExecutionInput((input, builder) -> builder.locale(Locale.ENGLISH).build());
		return chain.next(request).map(response -> {
			if (response.getErrors().stream().noneMatch(RequestErrorClassifier::isValidation)) {
				return response;
			}
			List<GraphQLError> errors = response.getErrors()
				.stream()
				.map(error -> reclassify(error, request.getVariables()))
				.toList();
			return response.transform(builder -> builder.errors(errors));
		});
	}

	private static boolean isValidation(ResponseError error) {
		return error.getErrorType() == graphql.ErrorType.ValidationError;
	}

	private GraphQLError reclassify(ResponseError error, Map<String, Object> variables) {
		Map<String, Object> extensions = new LinkedHashMap<>(error.getExtensions());
		extensions.remove("classification");
		String message = error.getMessage();
		ValueErrors.Rewritten rewritten = isValidation(error) && message != null
				? ValueErrors.rewrite(message, this.source.getObject().schema(), variables) : null;
		if (rewritten != null) {
			message = rewritten.message();
			extensions.putAll(rewritten.extensions());
		}
		GraphqlErrorBuilder<?> builder = GraphqlErrorBuilder.newError()
			.message(message)
			.locations(error.getLocations())
			.errorType(isValidation(error) ? ErrorType.BAD_REQUEST : error.getErrorType());
		if (isValidation(error)) {
			extensions.put("validation", true);
		}
		if (!error.getParsedPath().isEmpty()) {
			builder.path(graphql.execution.ResultPath.fromList(error.getParsedPath()));
		}
		return builder.extensions(extensions).build();
	}

}
