package org.sanctionsgraph.graphql;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import graphql.language.Document;
import graphql.language.OperationDefinition;
import graphql.parser.InvalidSyntaxException;
import graphql.parser.Parser;
import graphql.parser.ParserEnvironment;
import graphql.parser.ParserOptions;
import jakarta.servlet.http.HttpServletRequest;
import org.sanctionsgraph.limits.LimitsProperties;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.graphql.server.WebGraphQlHandler;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.RouterFunctions;
import org.springframework.web.servlet.function.ServerRequest;
import org.springframework.web.servlet.function.ServerResponse;

/**
 * GraphQL over HTTP beyond Spring's POST handler: queries by GET (cacheable by HTTP caches when
 * public; a mutation by GET is refused with 405), and batches of operations when enabled.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class HttpEndpoints {

	static final MediaType GRAPHQL_RESPONSE = MediaType.parseMediaType("application/graphql-response+json");

	static final int MAX_BATCH = 20;

	private final WebGraphQlHandler handler;

	private final LimitsProperties limits;

	private final JsonMapper json = JsonMapper.builder().build();

	HttpEndpoints(WebGraphQlHandler handler, LimitsProperties limits) {
		this.handler = handler;
		this.limits = limits;
	}

	/** Ahead of Spring's GraphQL routes, which answer every GET with 405. */
	@Bean
	@Order(Ordered.HIGHEST_PRECEDENCE)
	RouterFunction<ServerResponse> graphQlGetAndBatch() {
		return RouterFunctions.route()
			.GET("/graphql", this::get)
			.POST("/graphql/batch", this::batch)
			.build();
	}

	private ServerResponse get(ServerRequest request) {
		MediaType type = responseType(request);
		String query = request.param("query").orElse(null);
		if (query == null || query.isBlank()) {
			return error(HttpStatus.BAD_REQUEST, type, "A GET request needs a 'query' parameter");
		}
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("query", query);
		request.param("operationName").ifPresent(name -> body.put("operationName", name));
		try {
			for (String name : List.of("variables", "extensions")) {
				String value = request.param(name).orElse(null);
				if (value != null && !value.isBlank()) {
					body.put(name, this.json.readValue(value, Map.class));
				}
			}
		}
		catch (JacksonException ex) {
			return error(HttpStatus.BAD_REQUEST, type, "The 'variables' and 'extensions' parameters must be JSON objects");
		}
		if (isMutation(query, (String) body.get("operationName"))) {
			return ServerResponse.status(HttpStatus.METHOD_NOT_ALLOWED)
				.header(HttpHeaders.ALLOW, "POST")
				.contentType(type)
				.body(errorBody("Mutations are only accepted by POST"));
		}
		WebGraphQlResponse response = execute(request, body);
		boolean ok = response.isValid() && response.getErrors().isEmpty();
		boolean personal = request.headers().firstHeader(HttpHeaders.AUTHORIZATION) != null;
		HttpStatus status = !response.isValid() && GRAPHQL_RESPONSE.equals(type) ? HttpStatus.BAD_REQUEST : HttpStatus.OK;
		return ServerResponse.status(status)
			.contentType(type)
			.header(HttpHeaders.CACHE_CONTROL, ok && !personal ? "public, max-age=60" : "private, no-store")
			.header(HttpHeaders.VARY, "Accept, Authorization")
			.body(response.toMap());
	}

	@SuppressWarnings("unchecked")
	private ServerResponse batch(ServerRequest request) throws Exception {
		if (!this.limits.batching()) {
			return error(HttpStatus.BAD_REQUEST, MediaType.APPLICATION_JSON, "Batched requests are not accepted here");
		}
		List<Object> operations;
		try {
			operations = this.json.readValue(request.servletRequest().getInputStream(), List.class);
		}
		catch (JacksonException ex) {
			return error(HttpStatus.BAD_REQUEST, MediaType.APPLICATION_JSON, "The body must be a JSON array of operations");
		}
		if (operations.isEmpty() || operations.size() > MAX_BATCH) {
			return error(HttpStatus.BAD_REQUEST, MediaType.APPLICATION_JSON,
					"A batch holds 1 to " + MAX_BATCH + " operations, got " + operations.size());
		}
		List<Map<String, Object>> results = new ArrayList<>();
		for (Object operation : operations) {
			if (!(operation instanceof Map<?, ?> body) || !(body.get("query") instanceof String)) {
				results.add(errorBody("Each operation must be an object with a 'query' string"));
				continue;
			}
			results.add(execute(request, (Map<String, Object>) body).toMap());
		}
		return ServerResponse.ok().contentType(MediaType.APPLICATION_JSON).body(results);
	}

	private WebGraphQlResponse execute(ServerRequest request, Map<String, Object> body) {
		HttpServletRequest servlet = request.servletRequest();
		WebGraphQlRequest graphQlRequest = new WebGraphQlRequest(request.uri(), request.headers().asHttpHeaders(),
				new LinkedMultiValueMap<>(), new InetSocketAddress(servlet.getRemoteAddr(), servlet.getRemotePort()),
				request.attributes(), body, UUID.randomUUID().toString(), Locale.getDefault());
		return this.handler.handleRequest(graphQlRequest).block();
	}

	/** Whether the operation a GET would run is a mutation (unparseable documents are left to execution). */
	private boolean isMutation(String query, String operationName) {
		Document document;
		try {
			document = Parser.parse(ParserEnvironment.newParserEnvironment()
				.document(query)
				.parserOptions(ParserOptions.getDefaultOperationParserOptions()
					.transform(options -> options.maxTokens(this.limits.maxTokens())
						.maxCharacters(this.limits.maxDocumentChars())))
				.build());
		}
		catch (InvalidSyntaxException ex) {
			return false;
		}
		List<OperationDefinition> operations = document.getDefinitionsOfType(OperationDefinition.class);
		return operations.stream()
			.filter(op -> operationName == null ? operations.size() == 1 : operationName.equals(op.getName()))
			.anyMatch(op -> op.getOperation() == OperationDefinition.Operation.MUTATION);
	}

	private static MediaType responseType(ServerRequest request) {
		List<MediaType> accepted = request.headers().accept();
		for (MediaType type : accepted) {
			if (type.isCompatibleWith(GRAPHQL_RESPONSE) && !type.isWildcardType()) {
				return GRAPHQL_RESPONSE;
			}
			if (type.isCompatibleWith(MediaType.APPLICATION_JSON) && !type.isWildcardType()) {
				return MediaType.APPLICATION_JSON;
			}
		}
		return GRAPHQL_RESPONSE;
	}

	private static ServerResponse error(HttpStatus status, MediaType type, String message) {
		return ServerResponse.status(status).contentType(type).body(errorBody(message));
	}

	private static Map<String, Object> errorBody(String message) {
		return Map.of("errors", List.of(Map.of("message", message, "extensions", Map.of("classification", "BAD_REQUEST"))));
	}

}
