package org.sanctionsgraph.feed;

import java.io.IOException;
import java.util.Collections;
import java.util.Enumeration;
import java.util.Map;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.graphql.server.webmvc.GraphQlWebSocketHandler;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.WebSocketHandler;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.handler.WebSocketHandlerDecorator;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.socket.server.HandshakeHandler;
import org.springframework.web.socket.server.support.DefaultHandshakeHandler;
import org.springframework.web.socket.server.support.WebSocketHandlerMapping;
import org.springframework.web.socket.server.support.WebSocketHttpRequestHandler;

/**
 * Lets the feed close a GraphQL WebSocket with a close code of its own. Spring for
 * GraphQL ends a failed subscription with an {@code error} message only, which a client
 * that has stopped reading never sees; and its handler exposes no session to the data
 * fetchers. So the handler Boot configures is mapped at its path once more, ahead of
 * Boot's own mapping, wrapped in a decorator that keeps each session in its own
 * attributes, where {@link FeedClients} finds it for the subscriptions on that
 * connection.
 */
@Configuration(proxyBeanMethods = false)
class FeedSockets {

	private static final Logger log = LoggerFactory.getLogger(FeedSockets.class);

	/** The session attribute holding the session itself. */
	static final String SESSION = FeedSockets.class.getName() + ".session";

	/**
	 * The close status of a connection dropped because it left too many changes unread:
	 * 1008 (policy violation) with the reason, as close reasons must be, under 123 bytes.
	 */
	static final int SLOW_CONSUMER_CODE = CloseStatus.POLICY_VIOLATION.getCode();

	/**
	 * Boot's GraphQL WebSocket handler at its path, wrapped, in a mapping consulted just
	 * before Boot's (order -2), which then serves no request.
	 */
	@Bean
	HandlerMapping feedWebSocketMapping(ObjectProvider<GraphQlWebSocketHandler> graphQl,
			@Value("${spring.graphql.websocket.path:}") String path, FeedProperties properties) {
		WebSocketHandlerMapping mapping = new WebSocketHandlerMapping();
		mapping.setWebSocketUpgradeMatch(true);
		mapping.setOrder(-3);
		GraphQlWebSocketHandler handler = graphQl.getIfAvailable();
		if (handler != null && !path.isEmpty()) {
			// the handshake interceptors Spring for GraphQL sets up (context, origins)
			WebSocketHttpRequestHandler stock = handler.initWebSocketHttpRequestHandler(new DefaultHandshakeHandler());
			WebSocketHttpRequestHandler kept = new Upgrades(new KeepSession(handler), stock.getHandshakeHandler(),
					properties.websocketCompression());
			kept.setHandshakeInterceptors(stock.getHandshakeInterceptors());
			mapping.setUrlMap(Map.of(path, kept));
		}
		return mapping;
	}

	/** Closes a connection whose subscriber fell too far behind, saying why. */
	static void closeSlow(WebSocketSession session, int buffer) {
		try {
			session.close(new CloseStatus(SLOW_CONSUMER_CODE,
					"Slow consumer: over " + buffer + " changes unread; resubscribe with after"));
		}
		catch (IOException | RuntimeException ex) {
			// the connection is broken already: the container drops it
			log.debug("Could not close a slow consumer's WebSocket", ex);
		}
	}

	/**
	 * The GraphQL WebSocket's upgrades. Without compression configured, the client's
	 * offer of extensions is hidden from the server, which then agrees to none: the only
	 * one servlet containers offer is per-message compression.
	 */
	static final class Upgrades extends WebSocketHttpRequestHandler {

		static final String EXTENSIONS = "Sec-WebSocket-Extensions";

		private final boolean compression;

		Upgrades(WebSocketHandler handler, HandshakeHandler handshake, boolean compression) {
			super(handler, handshake);
			this.compression = compression;
		}

		@Override
		public void handleRequest(HttpServletRequest request, HttpServletResponse response)
				throws ServletException, IOException {
			super.handleRequest(offered(request, this.compression), response);
		}

		/**
		 * The request as the server sees it: without its extensions unless compressing.
		 */
		static HttpServletRequest offered(HttpServletRequest request, boolean compression) {
			if (compression || request.getHeader(EXTENSIONS) == null) {
				return request;
			}
			return new HttpServletRequestWrapper(request) {

				@Override
				public String getHeader(String name) {
					return EXTENSIONS.equalsIgnoreCase(name) ? null : super.getHeader(name);
				}

				@Override
				public Enumeration<String> getHeaders(String name) {
					return EXTENSIONS.equalsIgnoreCase(name) ? Collections.emptyEnumeration() : super.getHeaders(name);
				}

				@Override
				public Enumeration<String> getHeaderNames() {
					return Collections.enumeration(Collections.list(super.getHeaderNames())
						.stream()
						.filter(header -> !EXTENSIONS.equalsIgnoreCase(header))
						.toList());
				}

			};
		}

	}

	/** Stores the session in its attributes when it opens. */
	private static final class KeepSession extends WebSocketHandlerDecorator {

		KeepSession(WebSocketHandler delegate) {
			super(delegate);
		}

		@Override
		public void afterConnectionEstablished(WebSocketSession session) throws Exception {
			session.getAttributes().put(SESSION, session);
			super.afterConnectionEstablished(session);
		}

	}

}
