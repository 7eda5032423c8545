package org.sanctionsgraph.ftm;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What an import did, counted as it goes: the answer to {@code POST /import/ftm} and the
 * log line at the end of a start-up import. Only the first {@value #REJECTIONS_LISTED}
 * rejections are listed (all are counted), so a bad file cannot make the answer grow
 * without bound.
 */
final class ImportSummary {

	static final int REJECTIONS_LISTED = 1000;

	/** What happened to one entity that was not rejected. */
	enum Outcome {

		CREATED, UPDATED, UNCHANGED

	}

	/** A line that changed nothing, and why. */
	record Rejection(long line, String id, String reason) {
	}

	/**
	 * The summary as the API answers it.
	 *
	 * @param created entities stored as new records (and new addresses)
	 * @param updated entities whose record changed
	 * @param unchanged entities whose record already held the same
	 * @param bySchema entities read, by FtM schema (rejected lines without a schema
	 * excluded)
	 * @param rejected the rejected lines, in file order (at most the first 1000)
	 * @param rejectedCount every rejected line
	 * @param unknownSchemas entities of schemata the import does not map, by schema
	 * (read, counted and left out)
	 */
	record Report(long created, long updated, long unchanged, Map<String, Long> bySchema, List<Rejection> rejected,
			long rejectedCount, Map<String, Long> unknownSchemas) {
	}

	private final long[] outcomes = new long[Outcome.values().length];

	private final Map<String, Long> bySchema = new TreeMap<>();

	private final Map<String, Long> unknownSchemas = new TreeMap<>();

	private final List<Rejection> rejected = new ArrayList<>();

	private long rejectedCount;

	void read(String schema, boolean known) {
		this.bySchema.merge(schema, 1L, Long::sum);
		if (!known) {
			this.unknownSchemas.merge(schema, 1L, Long::sum);
		}
	}

	void count(Outcome outcome) {
		this.outcomes[outcome.ordinal()]++;
	}

	void reject(long line, String id, String reason) {
		this.rejectedCount++;
		if (this.rejected.size() < REJECTIONS_LISTED) {
			this.rejected.add(new Rejection(line, id, reason));
		}
	}

	/** Entities handled so far: written, found unchanged or rejected. */
	long done() {
		long done = this.rejectedCount;
		for (long count : this.outcomes) {
			done += count;
		}
		return done;
	}

	long rejectedCount() {
		return this.rejectedCount;
	}

	Report report() {
		// the passes find rejections out of file order
		List<Rejection> rejected = new ArrayList<>(this.rejected);
		rejected.sort(Comparator.comparingLong(Rejection::line));
		return new Report(this.outcomes[0], this.outcomes[1], this.outcomes[2], new TreeMap<>(this.bySchema),
				List.copyOf(rejected), this.rejectedCount, new TreeMap<>(this.unknownSchemas));
	}

}
