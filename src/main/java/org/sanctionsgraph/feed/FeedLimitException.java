package org.sanctionsgraph.feed;

/** A subscription refused because its client already holds the most allowed. */
class FeedLimitException extends RuntimeException {

	FeedLimitException(String message) {
		super(message);
	}

}
