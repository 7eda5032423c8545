package org.sanctionsgraph.program;

import java.util.List;

import org.sanctionsgraph.model.Citation;
import org.sanctionsgraph.model.FuzzyDate;
import org.sanctionsgraph.model.Lists;

/**
 * A membership status that holds from a date until the next period starts.
 *
 * @param status the standing
 * @param from when it took effect; a month-precise date counts from the 1st of the month
 * @param causeMeasureId the measure that brought the change, if any
 * @param note context
 * @param citations where the change is reported
 */
public record StatusPeriod(MembershipStatus status, FuzzyDate from, String causeMeasureId, String note,
		List<Citation> citations) {

	public StatusPeriod {
		citations = Lists.orEmpty(citations);
	}

}
