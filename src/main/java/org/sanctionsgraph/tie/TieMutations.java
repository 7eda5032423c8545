package org.sanctionsgraph.tie;

import java.util.List;
import java.util.function.Consumer;

import static org.sanctionsgraph.write.Drafts.given;

import org.sanctionsgraph.graphql.BadArgumentException;
import org.sanctionsgraph.graphql.GlobalId;
import org.sanctionsgraph.graphql.UserErrorCode;
import org.sanctionsgraph.model.Citation;
import org.sanctionsgraph.model.FuzzyDate;
import org.sanctionsgraph.model.Lists;
import org.sanctionsgraph.write.Checks;
import org.sanctionsgraph.write.Checks.CitationInput;
import org.sanctionsgraph.write.Payload;
import org.sanctionsgraph.write.Writes;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.stereotype.Controller;

/** Recording, amending and ending ties between people and organisations. */
@Controller
class TieMutations {

	record TieFields(TieKind kind, String from, String to, String relationship, Double percentage, String start,
			String end, String description, List<CitationInput> citations) {
	}

	record RecordInput(TieFields fields, String idempotencyKey) {
	}

	record AmendInput(String id, int revision, TieFields fields, String idempotencyKey) {
	}

	record EndInput(String id, int revision, String end, List<CitationInput> citations, String idempotencyKey) {
	}

	/** One end as checked: the record's key and kind. */
	private record End(String key, TieEndKind kind) {
	}

	private final Writes writes;

	TieMutations(Writes writes) {
		this.writes = writes;
	}

	@MutationMapping
	Payload<Tie> recordTie(@Argument RecordInput input) {
		return this.writes.record(spec("recordTie", "input.fields"), input, input.idempotencyKey(),
				checks -> TieRecords.DRAFTS.creating(validate(checks, input.fields())));
	}

	@MutationMapping
	Payload<Tie> amendTie(@Argument AmendInput input) {
		return this.writes.amend(spec("amendTie", "input.fields"), input, "input.id", input.id(), input.revision(),
				input.idempotencyKey(), "input.fields",
				checks -> TieRecords.DRAFTS.changing(validate(checks, input.fields())));
	}

	/**
	 * Ends a tie on a date, adding the citations that say so to those it has.
	 */
	@MutationMapping
	Payload<Tie> endTie(@Argument EndInput input) {
		return this.writes.amend(spec("endTie", "input"), input, "input.id", input.id(), input.revision(),
				input.idempotencyKey(), "input", checks -> {
					FuzzyDate end = checks.date("end", input.end(), true);
					List<Citation> citations = input.citations() == null ? List.of()
							: checks.citations("citations", input.citations());
					return TieRecords.DRAFTS.changing(tie -> {
						tie.end(end);
						if (citations != null) {
							citations.forEach(citation -> tie.citations(Lists.append(tie.citations(), citation)));
						}
					});
				});
	}

	private static Writes.Spec<Tie> spec(String operation, String fieldsPath) {
		return new Writes.Spec<>(Tie.class, operation, TieRules.under(fieldsPath));
	}

	/**
	 * Checks the input and returns the change it makes; a field not given stays as it is.
	 */
	private static Consumer<TieBuilder> validate(Checks checks, TieFields fields) {
		checks.given("kind", fields.kind(), true);
		End from = end(checks, "from", fields.from());
		End to = end(checks, "to", fields.to());
		String relationship = checks.text("relationship", fields.relationship(), Checks.NAME_MAX, false);
		Double percentage = percentage(checks, fields.percentage());
		FuzzyDate start = checks.date("start", fields.start(), false);
		FuzzyDate end = checks.date("end", fields.end(), false);
		Checks.Shared shared = checks.shared(null, fields.description(), fields.citations());
		return tie -> {
			given(fields.kind(), tie::kind);
			if (from != null) {
				tie.fromId(from.key()).fromKind(from.kind());
			}
			if (to != null) {
				tie.toId(to.key()).toKind(to.kind());
			}
			given(relationship, tie::relationship);
			given(percentage, tie::percentage);
			given(start, tie::start);
			given(end, tie::end);
			shared.applyTo(null, tie::description, tie::citations);
		};
	}

	/** An end: the id of an existing person or organisation. */
	private static End end(Checks checks, String field, String id) {
		if (!checks.given(field, id, true)) {
			return null;
		}
		TieEndKind kind;
		try {
			kind = TieEndKind.ofType(GlobalId.decode(field, id).type());
		}
		catch (BadArgumentException ex) {
			kind = null;
		}
		if (kind == null) {
			checks.error(field, UserErrorCode.INVALID, "'" + id + "' is not the id of a Person or an Organization");
			return null;
		}
		String key = checks.ref(field, id, kind.type(), true);
		return key == null ? null : new End(key, kind);
	}

	private static Double percentage(Checks checks, Double percentage) {
		if (percentage == null) {
			return null;
		}
		if (percentage.isNaN() || percentage < 0 || percentage > 100) {
			checks.error("percentage", UserErrorCode.INVALID, "must be from 0 to 100, got " + percentage);
			return null;
		}
		return percentage;
	}

}
