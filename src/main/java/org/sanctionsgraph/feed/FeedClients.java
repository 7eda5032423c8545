package org.sanctionsgraph.feed;

import java.net.InetSocketAddress;

import reactor.core.publisher.Mono;

import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.graphql.server.WebSocketGraphQlRequest;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;
import org.springframework.web.socket.WebSocketSession;

/**
 * Tells the feed each request's address, which names a client that did not sign in for
 * the per-client subscription limit (as in the rate limits; a signed-in client is its
 * key's or token's name), and, over WebSocket, how to drop the connection of a subscriber
 * that fell too far behind.
 */
@Component
class FeedClients implements WebGraphQlInterceptor {

	static final String ADDRESS = "sanctions.feed.address";

	/**
	 * The context key of the {@link SlowConsumerClose} of a request over WebSocket
	 * (absent over HTTP).
	 */
	static final String CLOSE = "sanctions.feed.close";

	@Override
	public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
		InetSocketAddress address = request.getRemoteAddress();
		String host = address == null || address.getAddress() == null ? "unknown"
				: address.getAddress().getHostAddress();
		SlowConsumerClose close = request instanceof WebSocketGraphQlRequest socket
				&& socket.getSessionInfo().getAttributes().get(FeedSockets.SESSION) instanceof WebSocketSession session
						? buffer -> FeedSockets.closeSlow(session, buffer) : null;
		request.configureExecutionInput((input, builder) -> builder.graphQLContext(context -> {
			context.put(ADDRESS, host);
			if (close != null) {
				context.put(CLOSE, close);
			}
		}).build());
		return chain.next(request);
	}

	/** Drops the connection of a subscriber that fell too far behind. */
	@FunctionalInterface
	interface SlowConsumerClose {

		void close(int buffer);

	}

	/** The client a subscription counts against. */
	static String of(Authentication caller, String address) {
		boolean signedIn = caller != null && caller.isAuthenticated()
				&& !(caller instanceof AnonymousAuthenticationToken);
		return signedIn ? "caller:" + caller.getName() : "address:" + (address == null ? "unknown" : address);
	}

}
