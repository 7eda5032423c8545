package org.sanctionsgraph.measure;

import java.time.LocalDate;
import java.util.List;

/**
 * The MeasureFilter input as sent by a client; {@link MeasureCriteria} turns it into a
 * query.
 */
public record MeasureFilter(MeasureKind kind, List<String> imposedBy, List<String> targetCountry, String target,
		List<MeasureType> measureTypes, String program, LocalDate inForceOn, List<String> targetParty) {
}
