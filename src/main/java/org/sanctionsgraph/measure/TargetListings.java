package org.sanctionsgraph.measure;

import java.time.LocalDate;
import java.util.List;

/**
 * When a measure's listing of one target applied, for "in force on a day" asked about a
 * target: the feature that records designations implements this, so measures need not
 * know designations.
 */
public interface TargetListings {

	/**
	 * The measures that hold designations of the target none of which applies on the day:
	 * for that target, they were not in force then.
	 * @param field the measures' (and designations') field holding targets of its kind,
	 * such as {@code targetPersonIds}
	 * @param key the target's id
	 */
	List<String> lapsedOn(String field, String key, LocalDate day);

}
