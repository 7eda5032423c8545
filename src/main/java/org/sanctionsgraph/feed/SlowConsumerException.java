package org.sanctionsgraph.feed;

/** A subscription whose client left too many changes unread, ended to bound memory. */
class SlowConsumerException extends RuntimeException {

	private final int buffer;

	SlowConsumerException(int buffer) {
		super("The subscription was ended: the client left more than " + buffer
				+ " changes unread (sanctions.feed.buffer). Resubscribe with `after` set to the last cursor received"
				+ " to get the rest.");
		this.buffer = buffer;
	}

	int buffer() {
		return this.buffer;
	}

}
