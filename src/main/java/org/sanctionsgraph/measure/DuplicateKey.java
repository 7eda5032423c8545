package org.sanctionsgraph.measure;

import java.util.Arrays;
import java.util.List;

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
	 * duplicates). Every read of a measure computes it again, so it is built with plain
	 * loops over small sorted arrays.
	 */
	static String of(MeasureKind kind, List<String> imposerIds, List<Target> targets, List<MeasureType> types,
			String startDay) {
		if (kind == null || startDay == null) {
			return null;
		}
		StringBuilder text = new StringBuilder(128);
		append(text, kind.name());
		append(text, startDay);
		appendSet(text, imposerIds.toArray(new String[0]));
		String[] values = new String[types.size()];
		for (int i = 0; i < values.length; i++) {
			values[i] = types.get(i).name();
		}
		appendSet(text, values);
		values = new String[targets.size()];
		StringBuilder target = new StringBuilder();
		for (int i = 0; i < values.length; i++) {
			Target t = targets.get(i);
			target.setLength(0);
			field(target, (t.kind() != null) ? t.kind().name() : null);
			field(target, t.partyId());
			field(target, t.personId());
			field(target, t.organizationId());
			field(target, t.description());
			field(target, t.countryId());
			values[i] = target.toString();
		}
		appendSet(text, values);
		return Fingerprint.of(text.toString());
	}

	/** The values as a set: sorted, each once, after their count. */
	private static void appendSet(StringBuilder text, String[] values) {
		Arrays.sort(values);
		int distinct = 0;
		for (int i = 0; i < values.length; i++) {
			if (i == 0 || !values[i].equals(values[i - 1])) {
				values[distinct++] = values[i];
			}
		}
		append(text, Integer.toString(distinct));
		for (int i = 0; i < distinct; i++) {
			append(text, values[i]);
		}
	}

	private static void field(StringBuilder text, String value) {
		if (value == null) {
			text.append('-');
		}
		else {
			append(text, value);
		}
	}

	private static void append(StringBuilder text, String value) {
		text.append(value.length()).append(':').append(value);
	}

}
