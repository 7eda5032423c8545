package org.sanctionsgraph.person;

import java.util.ArrayList;
import java.util.List;

import org.sanctionsgraph.write.Checks;
import org.sanctionsgraph.write.Checks.CitationInput;
import org.sanctionsgraph.write.Checks.NameInput;
import org.sanctionsgraph.write.Payload;
import org.sanctionsgraph.write.UserError;
import org.sanctionsgraph.write.UserErrorCode;
import org.sanctionsgraph.write.Writes;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.stereotype.Controller;

/** Recording and amending people. */
@Controller
class PersonMutations {

	record PositionInput(String title, String country, String start, String end, String note) {
	}

	record PersonFields(String name, String firstName, String lastName, List<NameInput> aliases, String birthDate,
			List<String> nationalities, List<PositionInput> positions, String description,
			List<CitationInput> citations) {
	}

	record RecordInput(PersonFields fields, String idempotencyKey) {
	}

	record AmendInput(String id, int revision, PersonFields fields, String idempotencyKey) {
	}

	private final Writes writes;

	PersonMutations(Writes writes) {
		this.writes = writes;
	}

	@MutationMapping
	Payload<Person> recordPerson(@Argument RecordInput input) {
		return this.writes.record(spec("recordPerson"), input.idempotencyKey(), checks -> validate(checks, input.fields()));
	}

	@MutationMapping
	Payload<Person> amendPerson(@Argument AmendInput input) {
		return this.writes.amend(spec("amendPerson"), "input.id", input.id(), input.revision(), input.idempotencyKey(),
				"input.fields", checks -> validate(checks, input.fields()));
	}

	private static Writes.Spec<Person> spec(String operation) {
		return new Writes.Spec<>("Person", Person.class, operation, PersonMutations::rules);
	}

	private static void validate(Checks checks, PersonFields fields) {
		if (checks.given("name", fields.name(), true)) {
			checks.set("name", checks.text("name", fields.name(), Checks.NAME_MAX, true));
		}
		if (fields.firstName() != null) {
			checks.set("firstName", checks.text("firstName", fields.firstName(), Checks.NAME_MAX, false));
		}
		if (fields.lastName() != null) {
			checks.set("lastName", checks.text("lastName", fields.lastName(), Checks.NAME_MAX, false));
		}
		if (fields.birthDate() != null) {
			checks.set("birthDate", checks.date("birthDate", fields.birthDate(), false));
		}
		if (fields.nationalities() != null) {
			checks.set("nationalityIds", checks.parties("nationalities", fields.nationalities(), false));
		}
		if (fields.positions() != null && checks.list("positions", fields.positions(), false) != null) {
			List<Position> positions = new ArrayList<>();
			for (int i = 0; i < fields.positions().size(); i++) {
				PositionInput position = fields.positions().get(i);
				String at = "positions[" + i + "]";
				positions.add(new Position(checks.text(at + ".title", position.title(), Checks.NAME_MAX, true),
						checks.party(at + ".country", position.country(), false),
						checks.date(at + ".start", position.start(), false), checks.date(at + ".end", position.end(), false),
						checks.text(at + ".note", position.note(), Checks.TEXT_MAX, false)));
			}
			checks.set("positions", positions);
		}
		checks.describe(fields.aliases(), fields.description(), fields.citations());
	}

	private static List<UserError> rules(Person person) {
		List<UserError> errors = new ArrayList<>();
		for (int i = 0; i < person.positions().size(); i++) {
			Position position = person.positions().get(i);
			if (position.start() != null && position.end() != null
					&& position.end().latest().isBefore(position.start().earliest())) {
				errors.add(UserError.of("input.fields.positions[" + i + "].end", UserErrorCode.INVALID,
						"the end is before the start"));
			}
		}
		return errors;
	}

}
