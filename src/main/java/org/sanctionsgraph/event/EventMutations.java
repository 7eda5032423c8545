package org.sanctionsgraph.event;

import java.util.List;
import java.util.function.Consumer;

import static org.sanctionsgraph.write.Drafts.given;

import org.sanctionsgraph.model.FuzzyDate;
import org.sanctionsgraph.write.Checks;
import org.sanctionsgraph.write.Checks.CitationInput;
import org.sanctionsgraph.write.Payload;
import org.sanctionsgraph.graphql.UserError;
import org.sanctionsgraph.graphql.UserErrorCode;
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
		return this.writes.record(spec("recordEvent"), input, input.idempotencyKey(),
				checks -> EventRecords.DRAFTS.creating(validate(checks, input.fields())));
	}

	@MutationMapping
	Payload<Event> amendEvent(@Argument AmendInput input) {
		return this.writes.amend(spec("amendEvent"), input, "input.id", input.id(), input.revision(),
				input.idempotencyKey(), "input.fields",
				checks -> EventRecords.DRAFTS.changing(validate(checks, input.fields())));
	}

	private static Writes.Spec<Event> spec(String operation) {
		return new Writes.Spec<>(Event.class, operation, EventMutations::rules);
	}

	/**
	 * Checks the input and returns the change it makes; a field not given stays as it is.
	 */
	private static Consumer<EventBuilder> validate(Checks checks, EventFields fields) {
		checks.given("kind", fields.kind(), true);
		String name = checks.text("name", fields.name(), Checks.TITLE_MAX, true);
		FuzzyDate date = checks.date("date", fields.date(), false);
		FuzzyDate endDate = checks.date("endDate", fields.endDate(), false);
		String location = checks.text("location", fields.location(), Checks.NAME_MAX, false);
		List<String> parties = checks.parties("parties", fields.parties(), false);
		List<String> people = checks.refs("people", fields.people(), "Person", false);
		List<String> organizations = checks.refs("organizations", fields.organizations(), "Organization", false);
		List<String> concerns = checks.refs("concerns", fields.concerns(), "Measure", false);
		Checks.Shared shared = checks.shared(null, fields.description(), fields.citations());
		return event -> {
			given(fields.kind(), event::kind);
			given(name, event::name);
			given(date, event::date);
			given(endDate, event::endDate);
			given(location, event::location);
			given(parties, event::partyIds);
			given(people, event::personIds);
			given(organizations, event::organizationIds);
			given(concerns, event::concernsMeasureIds);
			shared.applyTo(null, event::description, event::citations);
		};
	}

	private static List<UserError> rules(Event event) {
		if (event.date() != null && event.endDate() != null
				&& event.endDate().latest().isBefore(event.date().earliest())) {
			return List.of(UserError.of("input.fields.endDate", UserErrorCode.INVALID,
					"the end (" + event.endDate().value() + ") is before the start (" + event.date().value() + ")"));
		}
		return List.of();
	}

}
