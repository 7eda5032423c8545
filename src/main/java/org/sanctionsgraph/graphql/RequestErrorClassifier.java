package org.sanctionsgraph.graphql;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import reactor.core.publisher.Mono;

import org.springframework.graphql.ResponseError;
import org.springframework.graphql.execution.ErrorType;

import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.stereotype.Component;

/**
 * Classifies graphql-java's request validation errors (a malformed date, a wrong argument
 * type, an unknown field) as BAD_REQUEST, the same class as the API's own argument
 * errors, so clients need one rule for "my request was wrong". The original kind stays in
 * {@code extensions.validation}.
 */
@Component
class RequestErrorClassifier implements WebGraphQlInterceptor {

	@Override
	public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
		return chain.next(request).map(response -> {
			if (response.getErrors().stream().noneMatch(RequestErrorClassifier::isValidation)) {
				return response;
			}
			List<GraphQLError> errors = response.getErrors().stream().map(RequestErrorClassifier::reclassify).toList();
			return response.transform(builder -> builder.errors(errors));
		});
	}

	private static boolean isValidation(ResponseError error) {
		return error.getErrorType() == graphql.ErrorType.ValidationError;
	}

	private static GraphQLError reclassify(ResponseError error) {
		Map<String, Object> extensions = new LinkedHashMap<>(error.getExtensions());
		extensions.remove("classification");
		GraphqlErrorBuilder<?> builder = GraphqlErrorBuilder.newError()
			.message(error.getMessage())
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
