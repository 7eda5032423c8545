package org.sanctionsgraph.limits;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.sanctionsgraph.db.RequestDeadline;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.graphql.server.WebGraphQlHandler;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.RouterFunctions;
import org.springframework.web.servlet.function.ServerRequest;
import org.springframework.web.servlet.function.ServerResponse;

/**
 * GraphQL over HTTP, in one place. First of all filters, it refuses paths not spelled
 * canonically (so no spelling of {@code /graphql} can pass the filters that look for it
 * and still reach the handler), bounds every request body, checks the shape of GraphQL
 * bodies and starts the request's deadline. After security and rate limits, it answers
 * queries by GET (a mutation by GET gets 405) and batches, which Spring's handler (POST,
 * one operation) does not. All its errors, and the rate limiter's, have one shape
 * ({@link #errorBody}).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class HttpTransport extends OncePerRequestFilter {

	static final String PATH = "/graphql";

	static final int MAX_BATCH = 20;

	static final MediaType GRAPHQL_RESPONSE = MediaType.parseMediaType("application/graphql-response+json");

	/**
	 * Request attribute: how many operations a request carries (a batch's size; 1
	 * otherwise).
	 */
	static final String OPERATIONS = HttpTransport.class.getName() + ".operations";

	/**
	 * Request attribute, present when the body is a batch (a JSON array of operations).
	 */
	static final String BATCH = HttpTransport.class.getName() + ".batch";

	/**
	 * Percent-encoding, path parameters, backslashes, empty, dot and dot-dot segments,
	 * trailing dots.
	 */
	private static final Pattern NON_CANONICAL = Pattern.compile("[%;\\\\]|//|/\\.\\.?(/|$)|\\.(/|$)");

	private static final JsonMapper JSON = JsonMapper.builder().build();

	/** The methods {@value #PATH} answers (OPTIONS for CORS preflight requests). */
	private static final Set<String> ACCEPTED_METHODS = Set.of("GET", "HEAD", "POST", "OPTIONS");

	private final LimitsProperties limits;

	private final Clock clock;

	private final WebGraphQlHandler handler;

	private final GraphQlBodies bodies;

	HttpTransport(LimitsProperties limits, Clock clock, WebGraphQlHandler handler) {
		this.limits = limits;
		this.clock = clock;
		this.handler = handler;
		this.bodies = new GraphQlBodies(limits);
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Instant deadline = this.clock.instant().plus(this.limits.timeout());
		String path = request.getRequestURI();
		if (!canonical(path)) {
			write(response, HttpServletResponse.SC_BAD_REQUEST, "The path '" + path
					+ "' is not in canonical form (no percent-encoding, ';', '//', dot segments, trailing '/' or '.', and "
					+ PATH + " in lower case)", "BAD_REQUEST");
			return;
		}
		long max = this.limits.maxBodyBytes();
		if (request.getContentLengthLong() > max) {
			write(response, HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE,
					"The request body is " + request.getContentLengthLong() + " bytes; the limit is " + max
							+ ": send a smaller body (one operation, shorter variables)",
					"LIMIT");
			return;
		}
		byte[] body = request.getInputStream().readNBytes((int) Math.min(Integer.MAX_VALUE - 8, max + 1));
		if (body.length > max) {
			write(response, HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE, "The request body exceeds the limit of "
					+ max + " bytes: send a smaller body (one operation, shorter variables)", "LIMIT");
			return;
		}
		request.setAttribute(OPERATIONS, 1);
		if (PATH.equals(path) && !ACCEPTED_METHODS.contains(request.getMethod())) {
			response.setHeader(HttpHeaders.ALLOW, "GET, POST");
			write(response, HttpServletResponse.SC_METHOD_NOT_ALLOWED, "The method " + request.getMethod()
					+ " is not accepted at " + PATH + ": send queries by GET or POST, mutations by POST",
					"BAD_REQUEST");
			return;
		}
		if (PATH.equals(path) && "POST".equals(request.getMethod())) {
			GraphQlBodies.Checked checked = this.bodies.check(request.getContentType(), body);
			if (checked.problem() != null) {
				write(response, checked.status(), checked.problem(), "BAD_REQUEST");
				return;
			}
			request.setAttribute(OPERATIONS, checked.operations());
			if (checked.batch()) {
				request.setAttribute(BATCH, Boolean.TRUE);
			}
		}
		Instant previous = RequestDeadline.set(deadline);
		try {
			chain.doFilter(new CachedBodyRequest(request, body), response);
		}
		finally {
			RequestDeadline.restore(previous);
		}
	}

	/** Whether a raw request path is spelled the one way the app's routes are. */
	static boolean canonical(String path) {
		boolean trailingSlash = path.length() > 1 && path.endsWith("/");
		return !trailingSlash && !NON_CANONICAL.matcher(path).find()
				&& (!path.toLowerCase(Locale.ROOT).startsWith(PATH) || path.startsWith(PATH));
	}

	/**
	 * Ahead of Spring's GraphQL routes, which answer every GET with 405 and know no
	 * batches.
	 */
	@Bean
	@Order(Ordered.HIGHEST_PRECEDENCE)
	RouterFunction<ServerResponse> graphQlGetAndBatch() {
		return RouterFunctions.route()
			.GET(PATH, this::get)
			.POST(PATH, request -> request.attribute(BATCH).isPresent(), this::batch)
			.build();
	}

	private ServerResponse get(ServerRequest request) {
		MediaType type = responseType(request);
		String query = request.param("query").orElse(null);
		if (query == null || query.isBlank()) {
			return error(HttpStatus.BAD_REQUEST, type,
					"A GET request needs a 'query' parameter, such as " + PATH + "?query=%7B__typename%7D");
		}
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("query", query);
		// an empty operationName means none: graphql-java would then run the only (or
		// first) operation
		request.param("operationName")
			.filter(name -> !name.isBlank())
			.ifPresent(name -> body.put("operationName", name));
		try {
			for (String name : List.of("variables", "extensions")) {
				String value = request.param(name).orElse(null);
				if (value != null && !value.isBlank()) {
					body.put(name, JSON.readValue(value, Map.class));
				}
			}
		}
		catch (JacksonException ex) {
			return error(HttpStatus.BAD_REQUEST, type,
					"The 'variables' and 'extensions' parameters must be JSON objects");
		}
		if (this.bodies.mayRunMutation(query, (String) body.get("operationName"))) {
			return ServerResponse.status(HttpStatus.METHOD_NOT_ALLOWED)
				.header(HttpHeaders.ALLOW, "POST")
				.contentType(type)
				.body(errorBody("Mutations are only accepted by POST: send them to POST " + PATH
						+ " with 'Content-Type: application/json'", "BAD_REQUEST"));
		}
		WebGraphQlResponse response = execute(request, body);
		boolean ok = response.isValid() && response.getErrors().isEmpty();
		boolean personal = request.headers().firstHeader(HttpHeaders.AUTHORIZATION) != null;
		HttpStatus status = !response.isValid() && GRAPHQL_RESPONSE.equals(type) ? HttpStatus.BAD_REQUEST
				: HttpStatus.OK;
		return ServerResponse.status(status)
			.contentType(type)
			.header(HttpHeaders.CACHE_CONTROL, ok && !personal ? "public, max-age=60" : "private, no-store")
			.header(HttpHeaders.VARY, "Accept, Authorization")
			.body(response.toMap());
	}

	/**
	 * A batch the filter has checked: 1 to {@value #MAX_BATCH} operation objects, within
	 * the body limit.
	 */
	@SuppressWarnings("unchecked")
	private ServerResponse batch(ServerRequest request) throws IOException {
		List<Object> operations = JSON.readValue(request.servletRequest().getInputStream(), List.class);
		List<Map<String, Object>> results = new ArrayList<>();
		for (Object operation : operations) {
			results.add(execute(request, (Map<String, Object>) operation).toMap());
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

	private static MediaType responseType(ServerRequest request) {
		for (MediaType type : request.headers().accept()) {
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
		return ServerResponse.status(status).contentType(type).body(errorBody(message, "BAD_REQUEST"));
	}

	/**
	 * The one shape of the transport's errors: a GraphQL response with one error and its
	 * classification.
	 */
	static Map<String, Object> errorBody(String message, String classification) {
		return Map.of("errors",
				List.of(Map.of("message", message, "extensions", Map.of("classification", classification))));
	}

	/** Writes an error from a filter, before any handler runs. */
	static void write(HttpServletResponse response, int status, String message, String classification)
			throws IOException {
		response.setStatus(status);
		response.setContentType(MediaType.APPLICATION_JSON_VALUE);
		response.setCharacterEncoding("UTF-8");
		response.getWriter().write(JSON.writeValueAsString(errorBody(message, classification)));
	}

}
