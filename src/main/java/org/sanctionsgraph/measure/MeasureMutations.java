package org.sanctionsgraph.measure;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.function.Consumer;

import org.sanctionsgraph.model.Citation;
import org.sanctionsgraph.model.FuzzyDate;
import org.sanctionsgraph.organization.Organization;
import org.sanctionsgraph.person.Person;
import org.sanctionsgraph.program.MembershipStatus;
import static org.sanctionsgraph.write.Drafts.given;

import org.sanctionsgraph.paging.Pager;
import org.sanctionsgraph.write.Checks;
import org.sanctionsgraph.write.Checks.CitationInput;
import org.sanctionsgraph.write.Payload;
import org.sanctionsgraph.graphql.UserErrorCode;
import org.sanctionsgraph.write.Writes;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.stereotype.Controller;

/** Recording, amending and lifting sanctions and countermeasures. */
@Controller
class MeasureMutations {

	record TargetInput(TargetKind kind, String party, String person, String organization, String description,
			String country) {
	}

	record MembershipChangeInput(String membership, MembershipStatus status, String from, String note) {
	}

	record MeasureFields(String title, String description, List<MeasureType> measureTypes, List<String> imposedBy,
			List<TargetInput> targets, String program, String legalBasis, String reason, List<String> triggeredBy,
			List<String> respondsTo, String announced, String listed, String inForce,
			MembershipChangeInput membershipChange, List<CitationInput> citations, List<String> legalActs) {
	}

	record RecordInput(MeasureFields fields, String idempotencyKey) {
	}

	record AmendInput(String id, int revision, MeasureFields fields, String idempotencyKey) {
	}

	record LiftInput(String id, int revision, String ended, String reason, String idempotencyKey) {
	}

	private final Writes writes;

	private final Pager pager;

	private final MeasureRules rules;

	MeasureMutations(Writes writes, Pager pager, MeasureRules rules) {
		this.writes = writes;
		this.pager = pager;
		this.rules = rules;
	}

	@MutationMapping
	Payload<Measure> recordSanction(@Argument RecordInput input) {
		return this.writes.record(spec("recordSanction"), input, input.idempotencyKey(),
				checks -> MeasureRecords.DRAFTS.creating(validate(checks, input.fields(), MeasureKind.SANCTION)));
	}

	@MutationMapping
	Payload<Measure> recordCountermeasure(@Argument RecordInput input) {
		return this.writes.record(spec("recordCountermeasure"), input, input.idempotencyKey(),
				checks -> MeasureRecords.DRAFTS.creating(validate(checks, input.fields(), MeasureKind.COUNTERMEASURE)));
	}

	@MutationMapping
	Payload<Measure> amendMeasure(@Argument AmendInput input) {
		return this.writes.amend(spec("amendMeasure"), input, "input.id", input.id(), input.revision(),
				input.idempotencyKey(), "input.fields",
				checks -> MeasureRecords.DRAFTS.changing(validate(checks, input.fields(), null)));
	}

	@MutationMapping
	Payload<Measure> liftMeasure(@Argument LiftInput input) {
		return this.writes.amend(spec("liftMeasure"), input, "input.id", input.id(), input.revision(),
				input.idempotencyKey(), "input", checks -> {
					FuzzyDate ended = checks.date("ended", input.ended(), true);
					String reason = checks.text("reason", input.reason(), Checks.TEXT_MAX, true);
					return MeasureRecords.DRAFTS.changing(measure -> measure.ended(ended).endReason(reason));
				});
	}

	private Writes.Spec<Measure> spec(String operation) {
		return new Writes.Spec<>(Measure.class, operation, this.rules::check);
	}

	/**
	 * Checks the input field by field and returns the change it makes; the kind is null
	 * when amending.
	 */
	private Consumer<MeasureBuilder> validate(Checks checks, MeasureFields fields, MeasureKind kind) {
		String title = checks.text("title", fields.title(), Checks.TITLE_MAX, true);
		String description = checks.text("description", fields.description(), Checks.TEXT_MAX, false);
		List<MeasureType> types = fields.measureTypes() == null ? null
				: checks.list("measureTypes", List.copyOf(new LinkedHashSet<>(fields.measureTypes())), false);
		List<String> imposers = checks.parties("imposedBy", fields.imposedBy(), true);
		List<Target> targets = checks.given("targets", fields.targets(), true) ? targets(checks, fields.targets())
				: null;
		String program = checks.ref("program", fields.program(), "Program", false);
		String legalBasis = checks.text("legalBasis", fields.legalBasis(), Checks.TEXT_MAX, false);
		String reason = checks.text("reason", fields.reason(), Checks.TEXT_MAX, false);
		List<String> triggers = checks.refs("triggeredBy", fields.triggeredBy(), "Event", false);
		// Whether this kind of measure may answer others or change a membership is a rule
		// about the
		// resulting record (MeasureRules), so an amendment is held to it as a new record
		// is.
		List<String> respondsTo = checks.given("respondsTo", fields.respondsTo(), kind == MeasureKind.COUNTERMEASURE)
				? checks.refs("respondsTo", fields.respondsTo(), "Measure", kind == MeasureKind.COUNTERMEASURE) : null;
		FuzzyDate announced = checks.date("announced", fields.announced(), false);
		FuzzyDate listed = checks.date("listed", fields.listed(), false);
		FuzzyDate inForce = checks.date("inForce", fields.inForce(), false);
		MembershipChange membershipChange = membershipChange(checks, fields.membershipChange());
		List<Citation> citations = fields.citations() == null ? null
				: checks.citations("citations", fields.citations());
		List<String> legalActs = checks.refs("legalActs", fields.legalActs(), "LegalAct", false);
		return measure -> {
			given(kind, measure::kind);
			given(title, measure::title);
			given(description, measure::description);
			given(types, measure::measureTypes);
			given(imposers, measure::imposerIds);
			given(targets, measure::targets);
			given(program, measure::programId);
			given(legalBasis, measure::legalBasis);
			given(reason, measure::reason);
			given(triggers, measure::triggeringEventIds);
			given(respondsTo, measure::respondsToIds);
			given(announced, measure::announced);
			given(listed, measure::listed);
			given(inForce, measure::inForce);
			given(membershipChange, measure::membershipChange);
			given(citations, measure::citations);
			given(legalActs, measure::legalActIds);
		};
	}

	private static MembershipChange membershipChange(Checks checks, MembershipChangeInput change) {
		if (change == null) {
			return null;
		}
		String membership = checks.ref("membershipChange.membership", change.membership(), "Membership", true);
		FuzzyDate from = checks.date("membershipChange.from", change.from(), false);
		String note = checks.text("membershipChange.note", change.note(), Checks.TEXT_MAX, false);
		return new MembershipChange(membership, change.status(), from, note);
	}

	private List<Target> targets(Checks checks, List<TargetInput> input) {
		if (checks.list("targets", input, true) == null) {
			return null;
		}
		List<Target> targets = new ArrayList<>();
		for (int i = 0; i < input.size(); i++) {
			TargetInput target = input.get(i);
			String at = "targets[" + i + "]";
			String country = checks.party(at + ".country", target.country(), false);
			switch (target.kind()) {
				case PARTY -> {
					String party = checks.party(at + ".party", target.party(), false);
					if (target.party() == null) {
						checks.error(at + ".party", UserErrorCode.REQUIRED, "a PARTY target needs a party code");
					}
					targets.add(new Target(TargetKind.PARTY, party, null, null, null, party));
				}
				case PERSON -> {
					if (target.person() == null) {
						checks.error(at + ".person", UserErrorCode.REQUIRED, "a PERSON target needs a person id");
					}
					String person = checks.ref(at + ".person", target.person(), "Person", false);
					String nationality = country;
					if (nationality == null && person != null) {
						Person found = this.pager.byId(Person.class, person);
						nationality = found == null || found.nationalityIds().isEmpty() ? null
								: found.nationalityIds().get(0);
					}
					targets.add(new Target(TargetKind.PERSON, null, person, null, null, nationality));
				}
				case ORGANIZATION -> {
					if (target.organization() == null) {
						checks.error(at + ".organization", UserErrorCode.REQUIRED,
								"an ORGANIZATION target needs an organisation id");
					}
					String organization = checks.ref(at + ".organization", target.organization(), "Organization",
							false);
					String base = country;
					if (base == null && organization != null) {
						Organization found = this.pager.byId(Organization.class, organization);
						base = found == null ? null : found.countryId();
					}
					targets.add(new Target(TargetKind.ORGANIZATION, null, null, organization, null, base));
				}
				default -> {
					if (target.description() == null) {
						checks.error(at + ".description", UserErrorCode.REQUIRED,
								"a " + target.kind() + " target needs a description");
					}
					String description = checks.text(at + ".description", target.description(), Checks.TITLE_MAX,
							false);
					targets.add(new Target(target.kind(), null, null, null, description, country));
				}
			}
		}
		return targets;
	}

}
