package org.sanctionsgraph.feed;

/** What a change did to a measure, from the mutation that made it. */
public enum MeasureOperation {

	RECORDED, AMENDED, LIFTED;

	/** The feed's name for a history entry's operation (the mutation's name). */
	static MeasureOperation of(String mutation) {
		if (mutation != null && mutation.startsWith("record")) {
			return RECORDED;
		}
		return "liftMeasure".equals(mutation) ? LIFTED : AMENDED;
	}

}
