package org.sanctionsgraph.ftm;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import org.sanctionsgraph.model.Address;
import org.sanctionsgraph.model.FtmOrigin;
import org.sanctionsgraph.model.FtmProperty;
import org.sanctionsgraph.model.FuzzyDate;
import org.sanctionsgraph.person.Person;
import org.sanctionsgraph.person.PersonBuilder;
import org.sanctionsgraph.person.Position;
import org.sanctionsgraph.write.Checks;

/**
 * FtM Person entities and people: name, first and last names, aliases, birth date,
 * nationalities, description and addresses map to fields; everything else is kept as
 * extra. A position held is exported as a {@code position} title.
 */
final class PersonFtm {

	private PersonFtm() {
	}

	/** The change that makes a person hold what the entity says. */
	static Consumer<PersonBuilder> change(FtmEntity entity, Parties parties, AddressBook addresses) {
		Unmapped props = new Unmapped(entity);
		String firstName = props.first("firstName", Checks.NAME_MAX);
		String lastName = props.first("lastName", Checks.NAME_MAX);
		String fallback = firstName != null && lastName != null ? firstName + " " + lastName : null;
		FtmNames.Names names = FtmNames.take(props, fallback);
		FuzzyDate birthDate = props.date("birthDate");
		List<String> unknownCountries = new ArrayList<>();
		List<String> nationalities = props.bounded("nationality",
				parties.ids(props.take("nationality"), unknownCountries));
		props.keep("nationality", unknownCountries);
		String description = props.first("description", Checks.TEXT_MAX);
		List<String> unknownAddresses = new ArrayList<>();
		List<Address> found = props.bounded("addressEntity",
				addresses.find(props.take("addressEntity"), unknownAddresses));
		props.keep("addressEntity", unknownAddresses);
		FtmOrigin origin = new FtmOrigin(entity.id(), entity.schema(), props.extra());
		return person -> person.name(names.name())
			.firstName(firstName)
			.lastName(lastName)
			.aliases(names.aliases())
			.birthDate(birthDate)
			.nationalityIds(nationalities)
			.description(description)
			.addresses(found)
			.ftm(origin);
	}

	/** A person as FtM entities: their addresses, then the Person. */
	static List<FtmEntity> entities(Person person, Parties parties) {
		String id = person.ftm() != null ? person.ftm().id() : "sg-person-" + person.id();
		List<FtmProperty> extra = person.ftm() != null ? person.ftm().extra() : List.of();
		List<FtmEntity> entities = new ArrayList<>(AddressBook.entities(person.addresses(), id, parties));
		FtmLine line = new FtmLine(id, "Person");
		FtmNames.put(line, person.name(), person.aliases(), extra);
		line.put("firstName", person.firstName())
			.put("lastName", person.lastName())
			.put("birthDate", person.birthDate() == null ? null : person.birthDate().value())
			.put("nationality", parties.codes(person.nationalityIds()))
			.put("description", person.description())
			.put("addressEntity", AddressBook.ids(person.addresses(), id))
			.put("position", person.positions().stream().map(Position::title).distinct().toList())
			.extra(extra);
		entities.add(line.entity());
		return entities;
	}

}
