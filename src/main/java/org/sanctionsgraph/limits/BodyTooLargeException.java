package org.sanctionsgraph.limits;

import java.io.IOException;

/**
 * Thrown while a bulk request's body is read, once it exceeds its limit; the handler
 * answers 413 (nothing it read beyond the limit is used).
 */
public class BodyTooLargeException extends IOException {

	BodyTooLargeException(long max) {
		super("The request body exceeds the limit of " + max + " bytes");
	}

}
