package org.sanctionsgraph.event;

import java.util.List;

import org.sanctionsgraph.measure.Measure;
import org.sanctionsgraph.organization.Organization;
import org.sanctionsgraph.person.Person;
import org.sanctionsgraph.write.Checks;
import org.sanctionsgraph.write.Checks.CitationInput;
import org.sanctionsgraph.write.Payload;
import org.sanctionsgraph.write.UserError;
import org.sanctionsgraph.write.UserErrorCode;
import org.sanctionsgraph.write.Writes;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.stereotype.Controller;

/** Recording and amending events. */
@Controller
class EventMutations {

	record EventFields(EventKind kind, String name, String description, String date, String endDate, String location,
			List<String> parties, List<String> people, List<String> organizations, List<String> concerns,
			List<CitationInput> citations) {
	}

	record RecordInput(EventFields fields, String idempotencyKey) {
	}

	record AmendInput(String id, int revision, EventFields fields, String idempotencyKey) {
	}

	private final Writes writes;

	EventMutations(Writes writes) {
		this.writes = writes;
	}

	@MutationMapping
	Payload<Event> recordEvent(@Argument RecordInput input) {
		return this.writes.record(spec("recordEvent"), input.idempotencyKey(), checks -> validate(checks, input.fields()));
	}

	@MutationMapping
	Payload<Event> amendEvent(@Argument AmendInput input) {
		return this.writes.amend(spec("amendEvent"), "input.id", input.id(), input.revision(), input.idempotencyKey(),
				"input.fields", checks -> validate(checks, input.fields()));
	}

	private static Writes.Spec<Event> spec(String operation) {
		return new Writes.Spec<>("Event", Event.class, operation, EventMutations::rules);
	}

	private static void validate(Checks checks, EventFields fields) {
		if (checks.given("kind", fields.kind(), true)) {
			checks.set("kind", fields.kind());
		}
		if (checks.given("name", fields.name(), true)) {
			checks.set("name", checks.text("name", fields.name(), Checks.TITLE_MAX, true));
		}
		if (fields.date() != null) {
			checks.set("date", checks.date("date", fields.date(), false));
		}
		if (fields.endDate() != null) {
			checks.set("endDate", checks.date("endDate", fields.endDate(), false));
		}
		if (fields.location() != null) {
			checks.set("location", checks.text("location", fields.location(), Checks.NAME_MAX, false));
		}
		if (fields.parties() != null) {
			checks.set("partyIds", checks.parties("parties", fields.parties(), false));
		}
		if (fields.people() != null) {
			checks.set("personIds", checks.refs("people", fields.people(), "Person", Person.class, false));
		}
		if (fields.organizations() != null) {
			checks.set("organizationIds",
					checks.refs("organizations", fields.organizations(), "Organization", Organization.class, false));
		}
		if (fields.concerns() != null) {
			checks.set("concernsMeasureIds", checks.refs("concerns", fields.concerns(), "Measure", Measure.class, false));
		}
		checks.describe(null, fields.description(), fields.citations());
	}

	private static List<UserError> rules(Event event) {
		if (event.date() != null && event.endDate() != null && event.endDate().latest().isBefore(event.date().earliest())) {
			return List.of(UserError.of("input.fields.endDate", UserErrorCode.INVALID,
					"the end (" + event.endDate().value() + ") is before the start (" + event.date().value() + ")"));
		}
		return List.of();
	}

}
