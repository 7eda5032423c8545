package org.sanctionsgraph.security;

import java.util.Map;
import java.util.Optional;

import reactor.core.publisher.Mono;

import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.graphql.server.WebSocketGraphQlInterceptor;
import org.springframework.graphql.server.WebSocketGraphQlRequest;
import org.springframework.graphql.server.WebSocketSessionInfo;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolderThreadLocalAccessor;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.stereotype.Component;

/**
 * API keys on a GraphQL WebSocket: browsers cannot set headers on one, so a key may come
 * in the {@code connection_init} payload as {@code {"Authorization": "Bearer sgk_..."}}
 * and then holds for every operation on the connection. A key sent as a header on the
 * handshake works as on any request. When reads need a key, a connection with neither is
 * closed at {@code connection_init} (4401 Unauthorized), as is one with an unknown or
 * revoked key.
 */
@Component
class WebSocketKeys implements WebSocketGraphQlInterceptor {

	private static final String AUTHENTICATION = WebSocketKeys.class.getName() + ".authentication";

	private static final String BEARER = "Bearer ";

	/** The key under which the security context travels to the data fetchers. */
	private static final Object CONTEXT_KEY = new SecurityContextHolderThreadLocalAccessor().key();

	private final ApiKeys keys;

	private final boolean required;

	WebSocketKeys(ApiKeys keys, SecurityProperties properties) {
		this.keys = keys;
		this.required = properties.requireKeyForReads();
	}

	@Override
	public Mono<Object> handleConnectionInitialization(WebSocketSessionInfo session, Map<String, Object> payload) {
		Object header = payload.get("Authorization");
		if (header instanceof String value && value.startsWith(BEARER)) {
			Optional<ApiKey> key = this.keys.authenticate(value.substring(BEARER.length()).trim());
			if (key.isEmpty()) {
				return Mono.error(new IllegalArgumentException("Unknown or revoked API key"));
			}
			session.getAttributes().put(AUTHENTICATION, new ApiKeyAuthentication(key.get()));
			return Mono.empty();
		}
		if (!this.required) {
			return Mono.empty();
		}
		// a key or token sent on the handshake was checked by the filters already
		return session.getPrincipal()
			.switchIfEmpty(Mono.error(new IllegalArgumentException(
					"Reading needs a key: send {\"Authorization\": \"Bearer <key>\"} in the connection_init payload")))
			.then(Mono.empty());
	}

	@Override
	public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
		if (request instanceof WebSocketGraphQlRequest socket
				&& socket.getSessionInfo().getAttributes().get(AUTHENTICATION) instanceof Authentication caller) {
			return chain.next(request)
				.contextWrite(context -> context.put(CONTEXT_KEY, new SecurityContextImpl(caller)));
		}
		return chain.next(request);
	}

}
