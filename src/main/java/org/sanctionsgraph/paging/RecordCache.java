package org.sanctionsgraph.paging;

import java.util.Collection;
import java.util.Map;

/**
 * Serves the records of one small, often-read type from memory instead of the database; the
 * {@link Pager} asks it before querying. It must be kept current by whoever implements it.
 */
public interface RecordCache<T extends Sortable> {

	Class<T> type();

	/** The records with these ids, by id; unknown ids are absent. */
	Map<String, T> byIds(Collection<String> ids);

}
