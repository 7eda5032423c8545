package org.sanctionsgraph.organization;

import java.util.List;

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
		return this.writes.record(spec("recordOrganization"), input.idempotencyKey(),
				checks -> validate(checks, input.fields()));
	}

	@MutationMapping
	Payload<Organization> amendOrganization(@Argument AmendInput input) {
		return this.writes.amend(spec("amendOrganization"), "input.id", input.id(), input.revision(), input.idempotencyKey(),
				"input.fields", checks -> validate(checks, input.fields()));
	}

	private static Writes.Spec<Organization> spec(String operation) {
		return new Writes.Spec<>("Organization", Organization.class, operation);
	}

	private static void validate(Checks checks, OrganizationFields fields) {
		if (checks.given("name", fields.name(), true)) {
			checks.set("name", checks.text("name", fields.name(), Checks.NAME_MAX, true));
		}
		if (checks.given("kind", fields.kind(), true)) {
			checks.set("kind", fields.kind());
		}
		if (fields.country() != null) {
			checks.set("countryId", checks.party("country", fields.country(), false));
		}
		checks.describe(fields.aliases(), fields.description(), fields.citations());
	}

}
