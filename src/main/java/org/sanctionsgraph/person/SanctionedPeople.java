package org.sanctionsgraph.person;

import java.time.LocalDate;
import java.util.List;

/**
 * Who is sanctioned, for the people filter: the features that know sanctions and
 * designations implement this, so people need not know them.
 */
public interface SanctionedPeople {

	/**
	 * The ids of the people a sanction covers.
	 * @param on the day, or null for any time
	 * @param imposerIds only sanctions imposed by these parties (ids), or null for any
	 */
	List<String> ids(LocalDate on, List<String> imposerIds);

}
