package org.sanctionsgraph.db;

import java.time.Duration;

/**
 * The time limits of MongoDB operations that are not requests, given with
 * {@code withTimeout} instead of the client-wide per-request limit, which a pass over a
 * million documents or a bulk batch on a busy store would outlast: a pass over a whole
 * collection (at start-up, after a bulk load, a search-index rebuild) and one batch of a
 * bulk load.
 */
public final class LongOperations {

	/** Longest a pass over one whole collection may take. */
	public static final Duration WHOLE_COLLECTION = Duration.ofMinutes(30);

	/** Longest one batch of a bulk load may take. */
	public static final Duration BULK_BATCH = Duration.ofMinutes(5);

	private LongOperations() {
	}

}
