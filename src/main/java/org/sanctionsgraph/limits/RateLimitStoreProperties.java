package org.sanctionsgraph.limits;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the rate limits are counted.
 *
 * @param store {@code local}: each instance counts its own requests (one instance, or
 * limits per instance); {@code mongodb}: every instance spends from buckets kept in the
 * MongoDB database they share (one more read and write per request).
 */
@ConfigurationProperties("sanctions.rate-limits")
public record RateLimitStoreProperties(@DefaultValue("local") Store store) {

	/** Where the buckets are kept. */
	public enum Store {

		/** In each instance's memory. */
		LOCAL,
		/** In the shared MongoDB database. */
		MONGODB

	}

}
