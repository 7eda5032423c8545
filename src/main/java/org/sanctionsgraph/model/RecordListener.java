package org.sanctionsgraph.model;

import java.util.List;

/**
 * Told what happened to stored records: each record the writer has just stored (after the
 * write and its transaction succeeded, here or, through the change stream, on another
 * instance), and each kind a loader has just filled in bulk. Caches and the search index
 * stay current this way, so no writer needs to know them.
 */
public interface RecordListener {

	void written(Object record);

	/**
	 * Records the writer has just stored in one batch (a bulk import); a listener that
	 * can take them at once (the search index commits once) overrides this.
	 */
	default void writtenAll(List<?> records) {
		records.forEach(this::written);
	}

	/** Records of this document class were inserted in bulk, without the writer. */
	default void loaded(Class<?> documentClass) {
	}

	/**
	 * Records were stored and this listener may not have been told of them all (a stop
	 * that could not wait for a batch's listeners): what it keeps beyond this run should
	 * not be trusted.
	 */
	default void missed() {
	}

}
