package org.sanctionsgraph.paging;

import java.util.Collection;
import java.util.Map;

/**
 * Serves the records of one often-read kind from memory instead of the database; the
 * {@link Pager} asks it before querying. {@link HeldRecords} is the one implementation.
 */
public interface RecordCache<T extends Sortable> {

	Class<T> type();

	/** The records with these ids, by id; unknown ids are absent. */
	Map<String, T> byIds(Collection<String> ids);

	/** The record with this id if it is held now, else null (nothing is read). */
	T peek(String id);

}
