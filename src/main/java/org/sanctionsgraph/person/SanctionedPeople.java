package org.sanctionsgraph.person;

import java.util.List;

/**
 * Who is sanctioned, for the people filter: the measure feature knows, and implements
 * this, so people need not know measures.
 */
public interface SanctionedPeople {

	/** The ids of the people any sanction targets. */
	List<String> ids();

}
