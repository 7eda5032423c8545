package org.sanctionsgraph.person;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import static org.sanctionsgraph.write.Drafts.given;

import org.sanctionsgraph.write.Checks;
import org.sanctionsgraph.write.Checks.CitationInput;
import org.sanctionsgraph.write.Checks.NameInput;
import org.sanctionsgraph.write.Identifiers;
import org.sanctionsgraph.write.Identifiers.IdentifierInput;
import org.sanctionsgraph.model.Identifier;
import org.sanctionsgraph.write.Payload;
import org.sanctionsgraph.graphql.UserError;
import org.sanctionsgraph.graphql.UserErrorCode;
import org.sanctionsgraph.write.Writes;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.stereotype.Controller;

/** Recording and amending people. */
@Controller
class PersonMutations {

	record PositionInput(String title, String country, String organization, String start, String end, String note) {
	}

	record PersonFields(String name, String firstName, String lastName, List<NameInput> aliases, String birthDate,
			List<String> nationalities, List<PositionInput> positions, String description,
			List<CitationInput> citations, String patronymic, String birthPlace, List<String> citizenships,
			Gender gender, List<IdentifierInput> identifiers) {
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
		return this.writes.record(spec("recordPerson"), input, input.idempotencyKey(),
				checks -> PersonRecords.DRAFTS.creating(validate(checks, input.fields())));
	}

	@MutationMapping
	Payload<Person> amendPerson(@Argument AmendInput input) {
		return this.writes.amend(spec("amendPerson"), input, "input.id", input.id(), input.revision(),
				input.idempotencyKey(), "input.fields",
				checks -> PersonRecords.DRAFTS.changing(validate(checks, input.fields())));
	}

	private static Writes.Spec<Person> spec(String operation) {
		return new Writes.Spec<>(Person.class, operation, PersonMutations::rules);
	}

	/**
	 * Checks the input and returns the change it makes; a field not given stays as it is.
	 */
	private static Consumer<PersonBuilder> validate(Checks checks, PersonFields fields) {
		String name = checks.text("name", fields.name(), Checks.NAME_MAX, true);
		String firstName = checks.text("firstName", fields.firstName(), Checks.NAME_MAX, false);
		String lastName = checks.text("lastName", fields.lastName(), Checks.NAME_MAX, false);
		var birthDate = checks.date("birthDate", fields.birthDate(), false);
		List<String> nationalities = fields.nationalities() == null ? null
				: checks.parties("nationalities", fields.nationalities(), false);
		List<Position> positions = positions(checks, fields.positions());
		Checks.Shared shared = checks.shared(fields.aliases(), fields.description(), fields.citations());
		String patronymic = checks.text("patronymic", fields.patronymic(), Checks.NAME_MAX, false);
		String birthPlace = checks.text("birthPlace", fields.birthPlace(), Checks.NAME_MAX, false);
		List<String> citizenships = fields.citizenships() == null ? null
				: checks.parties("citizenships", fields.citizenships(), false);
		List<Identifier> identifiers = Identifiers.check(checks, "identifiers", fields.identifiers());
		return person -> {
			given(name, person::name);
			given(firstName, person::firstName);
			given(lastName, person::lastName);
			given(birthDate, person::birthDate);
			given(nationalities, person::nationalityIds);
			given(positions, person::positions);
			shared.applyTo(person::aliases, person::description, person::citations);
			given(patronymic, person::patronymic);
			given(birthPlace, person::birthPlace);
			given(citizenships, person::citizenshipIds);
			given(fields.gender(), person::gender);
			given(identifiers, person::identifiers);
		};
	}

	private static List<Position> positions(Checks checks, List<PositionInput> input) {
		if (input == null || checks.list("positions", input, false) == null) {
			return null;
		}
		List<Position> positions = new ArrayList<>();
		for (int i = 0; i < input.size(); i++) {
			PositionInput position = input.get(i);
			String at = "positions[" + i + "]";
			positions.add(new Position(checks.text(at + ".title", position.title(), Checks.NAME_MAX, true),
					checks.party(at + ".country", position.country(), false),
					checks.ref(at + ".organization", position.organization(), "Organization", false),
					checks.date(at + ".start", position.start(), false),
					checks.date(at + ".end", position.end(), false),
					checks.text(at + ".note", position.note(), Checks.TEXT_MAX, false), null, null));
		}
		return positions;
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
