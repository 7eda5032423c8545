package org.sanctionsgraph.legalact;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import org.sanctionsgraph.graphql.UserError;
import org.sanctionsgraph.graphql.UserErrorCode;
import org.sanctionsgraph.model.Citation;
import org.sanctionsgraph.model.FuzzyDate;
import org.sanctionsgraph.write.Checks;
import org.sanctionsgraph.write.Checks.CitationInput;
import org.sanctionsgraph.write.Payload;
import org.sanctionsgraph.write.Writes;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.stereotype.Controller;

import static org.sanctionsgraph.write.Drafts.given;

/** Recording and amending legal acts. */
@Controller
class LegalActMutations {

	record IdentifierInput(LegalActScheme scheme, String value) {
	}

	record LegalActFields(String title, List<IdentifierInput> identifiers, String url, String adopted, String inForce,
			String authority, String description, List<CitationInput> citations) {
	}

	record RecordInput(LegalActFields fields, String idempotencyKey) {
	}

	record AmendInput(String id, int revision, LegalActFields fields, String idempotencyKey) {
	}

	private final Writes writes;

	LegalActMutations(Writes writes) {
		this.writes = writes;
	}

	@MutationMapping
	Payload<LegalAct> recordLegalAct(@Argument RecordInput input) {
		return this.writes.record(spec("recordLegalAct"), input, input.idempotencyKey(),
				checks -> LegalActRecords.DRAFTS.creating(validate(checks, input.fields())));
	}

	@MutationMapping
	Payload<LegalAct> amendLegalAct(@Argument AmendInput input) {
		return this.writes.amend(spec("amendLegalAct"), input, "input.id", input.id(), input.revision(),
				input.idempotencyKey(), "input.fields",
				checks -> LegalActRecords.DRAFTS.changing(validate(checks, input.fields())));
	}

	private static Writes.Spec<LegalAct> spec(String operation) {
		return new Writes.Spec<>(LegalAct.class, operation, LegalActMutations::check);
	}

	/**
	 * The rule on the resulting act (so an amendment of one date is held to it too): it
	 * cannot take effect before it was adopted.
	 */
	static List<UserError> check(LegalAct act) {
		if (act.adopted() != null && act.inForce() != null
				&& act.inForce().latest().isBefore(act.adopted().earliest())) {
			return List.of(UserError.of("input.fields.inForce", UserErrorCode.INVALID, "the entry into force ("
					+ act.inForce().value() + ") is before the adoption (" + act.adopted().value() + ")"));
		}
		return List.of();
	}

	private static Consumer<LegalActBuilder> validate(Checks checks, LegalActFields fields) {
		String title = checks.text("title", fields.title(), Checks.TITLE_MAX, true);
		List<LegalActIdentifier> identifiers = identifiers(checks, fields.identifiers());
		String url = checks.url("url", fields.url());
		FuzzyDate adopted = checks.date("adopted", fields.adopted(), false);
		FuzzyDate inForce = checks.date("inForce", fields.inForce(), false);
		String authority = checks.party("authority", fields.authority(), false);
		String description = checks.text("description", fields.description(), Checks.TEXT_MAX, false);
		List<Citation> citations = fields.citations() == null ? null
				: checks.citations("citations", fields.citations());
		return act -> {
			given(title, act::title);
			given(identifiers, act::identifiers);
			given(url, act::url);
			given(adopted, act::adopted);
			given(inForce, act::inForce);
			given(authority, act::authorityId);
			given(description, act::description);
			given(citations, act::citations);
		};
	}

	private static List<LegalActIdentifier> identifiers(Checks checks, List<IdentifierInput> input) {
		if (checks.list("identifiers", input, false) == null) {
			return null;
		}
		List<LegalActIdentifier> identifiers = new ArrayList<>();
		for (int i = 0; i < input.size(); i++) {
			String at = "identifiers[" + i + "]";
			IdentifierInput identifier = input.get(i);
			// The scheme is a non-null enum in the schema; only the value needs checking.
			String value = checks.text(at + ".value", identifier.value(), Checks.NAME_MAX, true);
			identifiers.add(new LegalActIdentifier(identifier.scheme(), value));
		}
		return identifiers;
	}

}
