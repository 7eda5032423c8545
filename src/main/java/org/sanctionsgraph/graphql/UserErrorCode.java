package org.sanctionsgraph.graphql;

/** Kinds of problems a mutation's input can have. */
public enum UserErrorCode {

	REQUIRED, INVALID, TOO_LONG, NOT_FOUND, DUPLICATE, CONFLICT, IN_PROGRESS, IDEMPOTENCY_KEY_REUSED

}
