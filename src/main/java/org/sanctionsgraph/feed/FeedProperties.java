package org.sanctionsgraph.feed;

import jakarta.validation.constraints.Min;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Limits of the live feed's subscriptions.
 *
 * @param maxSubscriptionsPerClient How many subscriptions one client (its key's or
 * token's name, else its address) may hold open at once; one more is refused.
 * @param buffer How many changes a subscription may have waiting for a client that does
 * not read; one more and the subscription is ended with an error (the client is too
 * slow), so memory never grows without bound.
 * @param websocketCompression Whether a GraphQL WebSocket may use per-message compression
 * (permessage-deflate) when the client offers it. Off by default, as in most GraphQL
 * servers: the feed's messages are small, so compressing each one costs both ends more
 * processor time than it saves on the wire.
 */
@ConfigurationProperties("sanctions.feed")
@Validated
public record FeedProperties(@DefaultValue("10") @Min(1) int maxSubscriptionsPerClient,
		@DefaultValue("1000") @Min(1) int buffer, @DefaultValue("false") boolean websocketCompression) {

}
