package org.sanctionsgraph.designation;

import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;

import org.sanctionsgraph.graphql.BadArgumentException;
import org.sanctionsgraph.graphql.GlobalId;
import org.sanctionsgraph.graphql.UserError;
import org.sanctionsgraph.graphql.UserErrorCode;
import org.sanctionsgraph.measure.Target;
import org.sanctionsgraph.measure.TargetKind;
import org.sanctionsgraph.model.Citation;
import org.sanctionsgraph.model.FuzzyDate;
import org.sanctionsgraph.organization.Organization;
import org.sanctionsgraph.paging.Pager;
import org.sanctionsgraph.person.Person;
import org.sanctionsgraph.write.Checks;
import org.sanctionsgraph.write.Checks.CitationInput;
import org.sanctionsgraph.write.Payload;
import org.sanctionsgraph.write.Writes;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.stereotype.Controller;

import static org.sanctionsgraph.write.Drafts.given;

/** Recording, amending and delisting designations. */
@Controller
class DesignationMutations {

	record DesignationFields(String measure, String target, String listed, String amended, String authorityReference,
			String reason, List<String> legalActs, List<CitationInput> citations) {
	}

	record RecordInput(DesignationFields fields, String idempotencyKey) {
	}

	record AmendInput(String id, int revision, DesignationFields fields, String idempotencyKey) {
	}

	record DelistInput(String id, int revision, String delisted, String reason, String idempotencyKey) {
	}

	private final Writes writes;

	private final Pager pager;

	DesignationMutations(Writes writes, Pager pager) {
		this.writes = writes;
		this.pager = pager;
	}

	@MutationMapping
	Payload<Designation> recordDesignation(@Argument RecordInput input) {
		return this.writes.record(spec("recordDesignation", DesignationRules.forFields()), input,
				input.idempotencyKey(), checks -> DesignationRecords.DRAFTS.creating(validate(checks, input.fields())));
	}

	@MutationMapping
	Payload<Designation> amendDesignation(@Argument AmendInput input) {
		return this.writes.amend(spec("amendDesignation", DesignationRules.forFields()), input, "input.id", input.id(),
				input.revision(), input.idempotencyKey(), "input.fields",
				checks -> DesignationRecords.DRAFTS.changing(validate(checks, input.fields())));
	}

	@MutationMapping
	Payload<Designation> delistDesignation(@Argument DelistInput input) {
		return this.writes.amend(spec("delistDesignation", DesignationRules.forDelisting()), input, "input.id",
				input.id(), input.revision(), input.idempotencyKey(), "input", checks -> {
					FuzzyDate delisted = checks.date("delisted", input.delisted(), true);
					String reason = checks.text("reason", input.reason(), Checks.TEXT_MAX, false);
					return DesignationRecords.DRAFTS
						.changing(designation -> designation.delisted(delisted).delistingReason(reason));
				});
	}

	private static Writes.Spec<Designation> spec(String operation, Function<Designation, List<UserError>> rules) {
		return new Writes.Spec<>(Designation.class, operation, rules);
	}

	/** Checks the input field by field and returns the change it makes. */
	private Consumer<DesignationBuilder> validate(Checks checks, DesignationFields fields) {
		String measure = checks.ref("measure", fields.measure(), "Measure", true);
		Target target = target(checks, fields.target());
		FuzzyDate listed = checks.date("listed", fields.listed(), true);
		FuzzyDate amended = checks.date("amended", fields.amended(), false);
		String reference = checks.text("authorityReference", fields.authorityReference(), Checks.NAME_MAX, false);
		String reason = checks.text("reason", fields.reason(), Checks.TEXT_MAX, false);
		List<String> legalActs = checks.refs("legalActs", fields.legalActs(), "LegalAct", false);
		List<Citation> citations = fields.citations() == null ? null
				: checks.citations("citations", fields.citations());
		return designation -> {
			given(measure, designation::measureId);
			given(target, designation::target);
			given(listed, designation::listed);
			given(amended, designation::amended);
			given(reference, designation::authorityReference);
			given(reason, designation::reason);
			given(legalActs, designation::legalActIds);
			given(citations, designation::citations);
		};
	}

	/**
	 * The listed record, from the global id of a Person, Organization or Party, tied to
	 * its country as a measure's target is.
	 */
	private Target target(Checks checks, String id) {
		if (!checks.given("target", id, true)) {
			return null;
		}
		String type;
		try {
			type = GlobalId.decode("target", id).type();
		}
		catch (BadArgumentException ex) {
			type = null;
		}
		if (type == null || !List.of("Person", "Organization", "Party").contains(type)) {
			checks.error("target", UserErrorCode.INVALID,
					"'" + id + "' is not the id of a Person, an Organization or a Party");
			return null;
		}
		String key = checks.ref("target", id, type, true);
		if (key == null) {
			return null;
		}
		return switch (type) {
			case "Person" -> {
				Person person = this.pager.byId(Person.class, key);
				String country = person.nationalityIds().isEmpty() ? null : person.nationalityIds().get(0);
				yield new Target(TargetKind.PERSON, null, key, null, null, country);
			}
			case "Organization" -> new Target(TargetKind.ORGANIZATION, null, null, key, null,
					this.pager.byId(Organization.class, key).countryId());
			default -> new Target(TargetKind.PARTY, key, null, null, null, key);
		};
	}

}
