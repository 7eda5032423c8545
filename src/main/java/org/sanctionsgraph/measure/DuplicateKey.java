package org.sanctionsgraph.measure;

import java.util.List;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.sanctionsgraph.write.Fingerprint;

/**
 * What makes two measures the same one: the kind, the imposers, the targets and the
 * measure types (each as a set) and the day the measure starts. Hashed, so the key stays
 * short however long the target descriptions are, and each value is length-prefixed, so
 * no two different measures can spell the same text.
 */
final class DuplicateKey {

	private DuplicateKey() {
	}

	/**
	 * The key, or null for a measure with no known start (such measures are never
	 * duplicates).
	 */
	static String of(MeasureKind kind, List<String> imposerIds, List<Target> targets, List<MeasureType> types,
			String startDay) {
		if (kind == null || startDay == null) {
			return null;
		}
		StringBuilder text = new StringBuilder();
		append(text, kind.name());
		append(text, startDay);
		appendSet(text, imposerIds.stream());
		appendSet(text, types.stream().map(MeasureType::name));
		appendSet(text,
				targets.stream()
					.map(target -> field(target.kind()) + field(target.partyId()) + field(target.personId())
							+ field(target.organizationId()) + field(target.description())
							+ field(target.countryId())));
		return Fingerprint.of(text.toString());
	}

	private static void appendSet(StringBuilder text, Stream<String> values) {
		TreeSet<String> sorted = values.collect(Collectors.toCollection(TreeSet::new));
		append(text, Integer.toString(sorted.size()));
		sorted.forEach(value -> append(text, value));
	}

	private static String field(Object value) {
		return value == null ? "-" : value.toString().length() + ":" + value;
	}

	private static void append(StringBuilder text, String value) {
		text.append(value.length()).append(':').append(value);
	}

}
