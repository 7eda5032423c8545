package org.sanctionsgraph.measure;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import org.bson.Document;
import org.sanctionsgraph.db.StoreConverter;
import org.sanctionsgraph.model.Citation;
import org.sanctionsgraph.model.FuzzyDate;
import org.sanctionsgraph.program.MembershipStatus;

import org.springframework.core.convert.converter.Converter;
import org.springframework.data.convert.ReadingConverter;
import org.springframework.stereotype.Component;

/**
 * Reads a stored measure field by field. Lists of measures are what the API reads most,
 * and the generic mapping (reflection, conversions looked up per property) cost more than
 * the rest of such a request; this does the same work directly, naming each field through
 * the measure's builder. The derived fields are computed again by the record's
 * constructor, as with the generic mapping; a field that does not parse fails the read
 * the same way.
 */
@Component
@ReadingConverter
public class MeasureReader implements Converter<Document, Measure>, StoreConverter {

	@Override
	public Measure convert(Document doc) {
		Object revision = doc.get("revision");
		return MeasureBuilder.builder()
			.id(doc.getString("_id"))
			.kind(enumOf(MeasureKind.class, doc.getString("kind")))
			.title(doc.getString("title"))
			.description(doc.getString("description"))
			.measureTypes(list(doc, "measureTypes", v -> MeasureType.valueOf((String) v)))
			.imposerIds(strings(doc, "imposerIds"))
			.targets(list(doc, "targets", v -> target((Document) v)))
			.programId(doc.getString("programId"))
			.legalBasis(doc.getString("legalBasis"))
			.reason(doc.getString("reason"))
			.triggeringEventIds(strings(doc, "triggeringEventIds"))
			.respondsToIds(strings(doc, "respondsToIds"))
			.announced(date(doc, "announced"))
			.listed(date(doc, "listed"))
			.inForce(date(doc, "inForce"))
			.ended(date(doc, "ended"))
			.endReason(doc.getString("endReason"))
			.membershipChange(membershipChange(doc.get("membershipChange", Document.class)))
			.citations(list(doc, "citations", v -> citation((Document) v)))
			.legalActIds(strings(doc, "legalActIds"))
			.revision(revision instanceof Number n ? n.longValue() : 0L)
			.build();
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
		return new MembershipChange(doc.getString("membershipId"),
				enumOf(MembershipStatus.class, doc.getString("status")), date(doc, "from"), doc.getString("note"));
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
