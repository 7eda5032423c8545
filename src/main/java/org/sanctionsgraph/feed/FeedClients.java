package org.sanctionsgraph.feed;

import java.net.InetSocketAddress;

import reactor.core.publisher.Mono;

import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * Names the client of each request for the per-client subscription limit: the key's or
 * token's name when it signed in, else its address (as the rate limits do).
 */
@Component
class FeedClients implements WebGraphQlInterceptor {

	static final String CLIENT = "sanctions.feed.client";

	@Override
	public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
		Authentication caller = SecurityContextHolder.getContext().getAuthentication();
		InetSocketAddress address = request.getRemoteAddress();
		String client = caller != null && caller.isAuthenticated() && !"anonymousUser".equals(caller.getName())
				? "caller:" + caller.getName()
				: "address:" + (address == null ? "unknown" : address.getAddress().getHostAddress());
		request.configureExecutionInput(
				(input, builder) -> builder.graphQLContext(context -> context.put(CLIENT, client)).build());
		return chain.next(request);
	}

}
