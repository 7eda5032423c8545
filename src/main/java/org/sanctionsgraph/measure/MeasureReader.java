package org.sanctionsgraph.measure;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import org.bson.Document;
import org.sanctionsgraph.model.Citation;
import org.sanctionsgraph.model.FuzzyDate;
import org.sanctionsgraph.program.MembershipStatus;

import org.springframework.core.convert.converter.Converter;
import org.springframework.data.convert.ReadingConverter;

/**
 * Reads a stored measure field by field. Lists of measures are what the API reads most, and the
 * generic mapping (reflection, conversions looked up per property) cost more than the rest of such a
 * request; this does the same work directly. The derived fields are computed again by the record's
 * constructor, as with the generic mapping; a field that does not parse fails the read the same way.
 */
@ReadingConverter
public class MeasureReader implements Converter<Document, Measure> {

	@Override
	public Measure convert(Document doc) {
		Object revision = doc.get("revision");
		return new Measure(doc.getString("_id"), enumOf(MeasureKind.class, doc.getString("kind")), doc.getString("title"),
				doc.getString("description"), list(doc, "measureTypes", v -> MeasureType.valueOf((String) v)),
				strings(doc, "imposerIds"), list(doc, "targets", v -> target((Document) v)), doc.getString("programId"),
				doc.getString("legalBasis"), doc.getString("reason"), strings(doc, "triggeringEventIds"),
				strings(doc, "respondsToIds"), date(doc, "announced"), date(doc, "listed"), date(doc, "inForce"),
				date(doc, "ended"), doc.getString("endReason"), membershipChange(doc.get("membershipChange", Document.class)),
				list(doc, "citations", v -> citation((Document) v)), null, null, null, null, null, null, null, null,
				revision instanceof Number n ? n.longValue() : 0L);
	}

	private static Target target(Document doc) {
		return new Target(enumOf(TargetKind.class, doc.getString("kind")), doc.getString("partyId"),
				doc.getString("personId"), doc.getString("organizationId"), doc.getString("description"),
				doc.getString("countryId"));
	}

	private static Citation citation(Document doc) {
		return new Citation(doc.getString("sourceId"), doc.getString("quote"), doc.getString("note"));
	}

	private static MembershipChange membershipChange(Document doc) {
		if (doc == null) {
			return null;
		}
		return new MembershipChange(doc.getString("membershipId"), enumOf(MembershipStatus.class, doc.getString("status")),
				date(doc, "from"), doc.getString("note"));
	}

	private static FuzzyDate date(Document doc, String field) {
		String value = doc.getString(field);
		return value == null ? null : new FuzzyDate(value);
	}

	private static List<String> strings(Document doc, String field) {
		return list(doc, field, v -> (String) v);
	}

	private static <T> List<T> list(Document doc, String field, Function<Object, T> item) {
		List<?> values = doc.get(field, List.class);
		if (values == null) {
			return null;
		}
		List<T> out = new ArrayList<>(values.size());
		for (Object value : values) {
			out.add(item.apply(value));
		}
		return out;
	}

	private static <E extends Enum<E>> E enumOf(Class<E> type, String name) {
		return name == null ? null : Enum.valueOf(type, name);
	}

}
