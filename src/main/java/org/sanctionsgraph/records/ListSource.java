package org.sanctionsgraph.records;

/**
 * Where a plain list of the schema (a list that is not a connection) gets its items from
 * in the stored data, declared by the feature that serves the list on its
 * {@link RecordType} ({@link RecordType#list}), so the query cost can bound the list by
 * the largest such list stored rather than by a guess.
 */
public sealed interface ListSource {

	/** The record kind whose stored data it reads, or null when it reads none. */
	default String recordType() {
		return null;
	}

	/** The stored field it reads, or null. */
	default String path() {
		return null;
	}

	/**
	 * The items of an array stored on each record of a kind; a dotted path goes through
	 * arrays on its way (each element of {@code history} holds its own
	 * {@code citations}).
	 */
	static ListSource stored(String recordType, String path) {
		return new Stored(recordType, path);
	}

	/**
	 * The records of a kind that name the same record in the field at {@code path}: a
	 * reverse lookup, as large as the most records naming any one record.
	 */
	static ListSource referencing(String recordType, String path) {
		return new Referencing(recordType, path);
	}

	/** A fixed number of items (a list made of one optional value). */
	static ListSource fixed(long items) {
		return new Fixed(items);
	}

	/** See {@link ListSource#stored}. */
	record Stored(String recordType, String path) implements ListSource {

	}

	/** See {@link ListSource#referencing}. */
	record Referencing(String recordType, String path) implements ListSource {

	}

	/** See {@link ListSource#fixed}. */
	record Fixed(long items) implements ListSource {

	}

	/**
	 * The fields a change lists: at most one per stored field of the record changed,
	 * bounded by the record kind with the most fields.
	 */
	record FieldsOfARecord() implements ListSource {

	}

}
