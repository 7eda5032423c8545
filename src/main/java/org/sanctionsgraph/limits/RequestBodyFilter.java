package org.sanctionsgraph.limits;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Reads a POST body to the GraphQL endpoint at most up to the configured size (413 beyond it),
 * refuses JSON bodies that are not an object (400), and refuses a JSON array of operations (a batch) with a clear message unless batching is enabled, in
 * which case the batch goes to the batch handler.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class RequestBodyFilter extends OncePerRequestFilter {

	static final String BATCH_PATH = "/graphql/batch";

	private final LimitsProperties limits;

	private final JsonMapper json = JsonMapper.builder().build();

	RequestBodyFilter(LimitsProperties limits) {
		this.limits = limits;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return !"POST".equals(request.getMethod()) || !"/graphql".equals(request.getRequestURI());
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		long max = this.limits.maxBodyBytes();
		if (request.getContentLengthLong() > max) {
			ErrorResponses.write(response, HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE,
					"The request body is " + request.getContentLengthLong() + " bytes; the limit is " + max, "LIMIT");
			return;
		}
		byte[] body = read(request.getInputStream(), max);
		if (body == null) {
			ErrorResponses.write(response, HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE,
					"The request body exceeds the limit of " + max + " bytes", "LIMIT");
			return;
		}
		CachedBody cached = new CachedBody(request, body);
		int first = firstCharacter(body);
		if (first != '{' && first != '[' && isJson(request)) {
			ErrorResponses.write(response, HttpServletResponse.SC_BAD_REQUEST,
					"The body must be a JSON object with a 'query' string", "BAD_REQUEST");
			return;
		}
		if (first == '{' && isJson(request)) {
			String problem = shapeProblem(body);
			if (problem != null) {
				ErrorResponses.write(response, HttpServletResponse.SC_BAD_REQUEST, problem, "BAD_REQUEST");
				return;
			}
		}
		if (first == '[') {
			if (!this.limits.batching()) {
				ErrorResponses.write(response, HttpServletResponse.SC_BAD_REQUEST,
						"Batched requests (a JSON array of operations) are not accepted here; send one operation per request",
						"BAD_REQUEST");
				return;
			}
			request.getRequestDispatcher(BATCH_PATH).forward(cached, response);
			return;
		}
		chain.doFilter(cached, response);
	}

	/** The body, or null when it is longer than {@code max} bytes. */
	private static byte[] read(InputStream in, long max) throws IOException {
		byte[] body = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, max + 1));
		return body.length > max ? null : body;
	}

	/**
	 * What is wrong with the parameters of a JSON request body, or null: {@code query} must be a
	 * string, {@code operationName} a string or null, {@code variables} and {@code extensions}
	 * objects or null. (Malformed JSON is left to the handler, which answers 400 too.)
	 */
	private String shapeProblem(byte[] body) {
		JsonNode root;
		try {
			root = this.json.readTree(body);
		}
		catch (JacksonException ex) {
			return null;
		}
		JsonNode query = root.get("query");
		if (query == null || !query.isString()) {
			return "The 'query' parameter must be a string";
		}
		JsonNode operationName = root.get("operationName");
		if (operationName != null && !operationName.isNull() && !operationName.isString()) {
			return "The 'operationName' parameter must be a string";
		}
		for (String name : new String[] { "variables", "extensions" }) {
			JsonNode value = root.get(name);
			if (value != null && !value.isNull() && !value.isObject()) {
				return "The '" + name + "' parameter must be an object";
			}
		}
		return null;
	}

	/** The first character that is not white space, or -1. */
	private static int firstCharacter(byte[] body) {
		for (byte b : body) {
			if (!Character.isWhitespace(b)) {
				return b;
			}
		}
		return -1;
	}

	/** Whether the body claims to be JSON; other media types are left to the handler's 415. */
	private static boolean isJson(HttpServletRequest request) {
		String type = request.getContentType();
		return type != null && type.toLowerCase(java.util.Locale.ROOT).contains("json");
	}

	/** A request whose body was already read, replayable for the handlers after this filter. */
	private static final class CachedBody extends HttpServletRequestWrapper {

		private final byte[] body;

		CachedBody(HttpServletRequest request, byte[] body) {
			super(request);
			this.body = body;
		}

		@Override
		public ServletInputStream getInputStream() {
			ByteArrayInputStream in = new ByteArrayInputStream(this.body);
			return new ServletInputStream() {

				@Override
				public int read() {
					return in.read();
				}

				@Override
				public int read(byte[] b, int off, int len) {
					return in.read(b, off, len);
				}

				@Override
				public boolean isFinished() {
					return in.available() == 0;
				}

				@Override
				public boolean isReady() {
					return true;
				}

				@Override
				public void setReadListener(ReadListener listener) {
					throw new UnsupportedOperationException();
				}

			};
		}

		@Override
		public int getContentLength() {
			return this.body.length;
		}

		@Override
		public long getContentLengthLong() {
			return this.body.length;
		}

	}

}
