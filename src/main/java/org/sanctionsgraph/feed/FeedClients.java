package org.sanctionsgraph.feed;

import java.net.InetSocketAddress;

import reactor.core.publisher.Mono;

import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

/**
 * Tells the feed each request's address, which names a client that did not sign in for
 * the per-client subscription limit (as in the rate limits); a signed-in client is its
 * key's or token's name.
 */
@Component
class FeedClients implements WebGraphQlInterceptor {

	static final String ADDRESS = "sanctions.feed.address";

	@Override
	public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
		InetSocketAddress address = request.getRemoteAddress();
		String host = address == null || address.getAddress() == null ? "unknown"
				: address.getAddress().getHostAddress();
		request.configureExecutionInput(
				(input, builder) -> builder.graphQLContext(context -> context.put(ADDRESS, host)).build());
		return chain.next(request);
	}

	/** The client a subscription counts against. */
	static String of(Authentication caller, String address) {
		boolean signedIn = caller != null && caller.isAuthenticated()
				&& !(caller instanceof AnonymousAuthenticationToken);
		return signedIn ? "caller:" + caller.getName() : "address:" + (address == null ? "unknown" : address);
	}

}
