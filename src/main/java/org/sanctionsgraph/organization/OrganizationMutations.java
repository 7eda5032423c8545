package org.sanctionsgraph.organization;

import java.util.List;
import java.util.function.Consumer;

import static org.sanctionsgraph.write.Drafts.given;

import org.sanctionsgraph.write.Checks;
import org.sanctionsgraph.write.Checks.CitationInput;
import org.sanctionsgraph.write.Checks.NameInput;
import org.sanctionsgraph.write.Payload;
import org.sanctionsgraph.write.Writes;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.stereotype.Controller;

/** Recording and amending organisations. */
@Controller
class OrganizationMutations {

	record OrganizationFields(String name, OrganizationKind kind, List<NameInput> aliases, String country,
			String description, List<CitationInput> citations) {
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
		return new Writes.Spec<>(Organization.class, operation);
	}

	/**
	 * Checks the input and returns the change it makes; a field not given stays as it is.
	 */
	private static Consumer<OrganizationBuilder> validate(Checks checks, OrganizationFields fields) {
		String name = checks.text("name", fields.name(), Checks.NAME_MAX, true);
		checks.given("kind", fields.kind(), true);
		String country = checks.party("country", fields.country(), false);
		Checks.Shared shared = checks.shared(fields.aliases(), fields.description(), fields.citations());
		return organization -> {
			given(name, organization::name);
			given(fields.kind(), organization::kind);
			given(country, organization::countryId);
			shared.applyTo(organization::aliases, organization::description, organization::citations);
		};
	}

}
