package org.sanctionsgraph.limits;

import java.util.List;
import java.util.Map;

import graphql.ErrorClassification;
import graphql.ExecutionResult;
import graphql.GraphqlErrorBuilder;
import graphql.parser.ParserOptions;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.graphql.support.DefaultExecutionGraphQlResponse;
import org.springframework.stereotype.Component;

/**
 * Refuses documents and variables over their size limits before parsing, and bounds the
 * parser's token count for this request.
 */
@Component
class DocumentLimits implements WebGraphQlInterceptor {

	private final LimitsProperties limits;

	private final ParserOptions parserOptions;

	private final JsonMapper json = JsonMapper.builder().build();

	DocumentLimits(LimitsProperties limits) {
		this.limits = limits;
		this.parserOptions = ParserOptions.getDefaultOperationParserOptions()
			.transform(options -> options.maxTokens(limits.maxTokens()).maxCharacters(limits.maxDocumentChars()));
	}

	@Override
	public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
		String document = request.getDocument();
		if (document.length() > this.limits.maxDocumentChars()) {
			return refuse(request, "The document has " + document.length() + " characters; the limit is "
					+ this.limits.maxDocumentChars());
		}
		Map<String, Object> variables = request.getVariables();
		if (!variables.isEmpty()) {
			int size = this.json.writeValueAsString(variables).length();
			if (size > this.limits.maxVariablesChars()) {
				return refuse(request, "The variables take " + size + " characters as JSON; the limit is "
						+ this.limits.maxVariablesChars());
			}
		}
		request.configureExecutionInput((input, builder) -> builder
			.graphQLContext(context -> context.put(ParserOptions.class, this.parserOptions))
			.build());
		return chain.next(request);
	}

	private static Mono<WebGraphQlResponse> refuse(WebGraphQlRequest request, String message) {
		ExecutionResult result = ExecutionResult.newExecutionResult()
			.errors(List.of(GraphqlErrorBuilder.newError()
				.message(message)
				.errorType(ErrorClassification.errorClassification("BAD_REQUEST"))
				.build()))
			.build();
		return Mono
			.just(new WebGraphQlResponse(new DefaultExecutionGraphQlResponse(request.toExecutionInput(), result)));
	}

}
