package org.sanctionsgraph.organization;

import java.util.List;
import java.util.function.Consumer;

import static org.sanctionsgraph.write.Drafts.given;

import org.sanctionsgraph.write.Checks;
import org.sanctionsgraph.write.Checks.CitationInput;
import org.sanctionsgraph.write.Checks.NameInput;
import org.sanctionsgraph.write.Identifiers;
import org.sanctionsgraph.write.Identifiers.IdentifierInput;
import org.sanctionsgraph.graphql.UserError;
import org.sanctionsgraph.graphql.UserErrorCode;
import org.sanctionsgraph.model.FuzzyDate;
import org.sanctionsgraph.model.Identifier;
import org.sanctionsgraph.write.Payload;
import org.sanctionsgraph.write.Writes;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.stereotype.Controller;

/** Recording and amending organisations. */
@Controller
class OrganizationMutations {

	record OrganizationFields(String name, OrganizationKind kind, List<NameInput> aliases, String country,
			String description, List<CitationInput> citations, List<IdentifierInput> identifiers, String jurisdiction,
			String legalForm, String incorporated, String dissolved) {
	}

	record RecordInput(OrganizationFields fields, String idempotencyKey) {
	}

	record AmendInput(String id, int revision, OrganizationFields fields, String idempotencyKey) {
	}

	private final Writes writes;

	OrganizationMutations(Writes writes) {
		this.writes = writes;
	}

	@MutationMapping
	Payload<Organization> recordOrganization(@Argument RecordInput input) {
		return this.writes.record(spec("recordOrganization"), input, input.idempotencyKey(),
				checks -> OrganizationRecords.DRAFTS.creating(validate(checks, input.fields())));
	}

	@MutationMapping
	Payload<Organization> amendOrganization(@Argument AmendInput input) {
		return this.writes.amend(spec("amendOrganization"), input, "input.id", input.id(), input.revision(),
				input.idempotencyKey(), "input.fields",
				checks -> OrganizationRecords.DRAFTS.changing(validate(checks, input.fields())));
	}

	private static Writes.Spec<Organization> spec(String operation) {
		return new Writes.Spec<>(Organization.class, operation, OrganizationMutations::rules);
	}

	/**
	 * Checks the input and returns the change it makes; a field not given stays as it is.
	 */
	private static Consumer<OrganizationBuilder> validate(Checks checks, OrganizationFields fields) {
		String name = checks.text("name", fields.name(), Checks.NAME_MAX, true);
		checks.given("kind", fields.kind(), true);
		String country = checks.party("country", fields.country(), false);
		Checks.Shared shared = checks.shared(fields.aliases(), fields.description(), fields.citations());
		List<Identifier> identifiers = Identifiers.check(checks, "identifiers", fields.identifiers());
		String jurisdiction = checks.party("jurisdiction", fields.jurisdiction(), false);
		String legalForm = checks.text("legalForm", fields.legalForm(), Checks.NAME_MAX, false);
		FuzzyDate incorporated = checks.date("incorporated", fields.incorporated(), false);
		FuzzyDate dissolved = checks.date("dissolved", fields.dissolved(), false);
		return organization -> {
			given(name, organization::name);
			given(fields.kind(), organization::kind);
			given(country, organization::countryId);
			shared.applyTo(organization::aliases, organization::description, organization::citations);
			given(identifiers, organization::identifiers);
			given(jurisdiction, organization::jurisdictionId);
			given(legalForm, organization::legalForm);
			given(incorporated, organization::incorporated);
			given(dissolved, organization::dissolved);
		};
	}

	private static List<UserError> rules(Organization organization) {
		if (organization.incorporated() != null && organization.dissolved() != null
				&& organization.dissolved().latest().isBefore(organization.incorporated().earliest())) {
			return List.of(UserError.of("input.fields.dissolved", UserErrorCode.INVALID,
					"the dissolution is before the incorporation"));
		}
		return List.of();
	}

}
