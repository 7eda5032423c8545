package org.sanctionsgraph.limits;

import java.util.List;
import java.util.Map;

/**
 * The one shape of errors the HTTP layer answers outside GraphQL execution (the
 * transport's, the rate limiter's, the bulk endpoints'): a GraphQL response with one
 * error and its classification.
 */
public final class TransportErrors {

	private TransportErrors() {
	}

	public static Map<String, Object> body(String message, String classification) {
		return Map.of("errors",
				List.of(Map.of("message", message, "extensions", Map.of("classification", classification))));
	}

}
