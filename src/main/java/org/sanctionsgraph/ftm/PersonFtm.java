package org.sanctionsgraph.ftm;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

import org.sanctionsgraph.model.Address;
import org.sanctionsgraph.model.FtmOrigin;
import org.sanctionsgraph.model.FtmProperty;
import org.sanctionsgraph.model.FuzzyDate;
import org.sanctionsgraph.model.Identifier;
import org.sanctionsgraph.model.IdentifierScheme;
import org.sanctionsgraph.person.Gender;
import org.sanctionsgraph.person.Person;
import org.sanctionsgraph.person.PersonBuilder;
import org.sanctionsgraph.write.Checks;

/**
 * FtM Person entities and people: name, first and last names, aliases, birth date and
 * place, nationalities, citizenships, gender, father's name (as the patronymic),
 * description, passport, id and tax numbers (as identifiers) and addresses map to fields;
 * everything else is kept as extra (an FtM {@code position} too: a position held comes
 * from an Occupancy, see {@link HeldFtm}).
 */
final class PersonFtm {

	private static final List<IdentifierScheme> SCHEMES = List.of(IdentifierScheme.PASSPORT,
			IdentifierScheme.NATIONAL_ID, IdentifierScheme.TAX_NUMBER);

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
		List<String> nationalities = Unmapped.bounded("nationality",
				parties.ids(props.take("nationality"), unknownCountries));
		props.keep("nationality", unknownCountries);
		String description = props.first("description", Checks.TEXT_MAX);
		String patronymic = props.first("fatherName", Checks.NAME_MAX);
		String birthPlace = props.first("birthPlace", Checks.NAME_MAX);
		List<String> unknownCitizenships = new ArrayList<>();
		List<String> citizenships = Unmapped.bounded("citizenship",
				parties.ids(props.take("citizenship"), unknownCitizenships));
		props.keep("citizenship", unknownCitizenships);
		Gender gender = gender(props);
		List<Identifier> identifiers = FtmIdentifiers.take(props, SCHEMES);
		List<String> unknownAddresses = new ArrayList<>();
		List<Address> found = Unmapped.bounded("addressEntity",
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
			.patronymic(patronymic)
			.birthPlace(birthPlace)
			.citizenshipIds(citizenships)
			.gender(gender)
			.identifiers(identifiers)
			.addresses(found)
			.ftm(origin);
	}

	private static Gender gender(Unmapped props) {
		List<String> values = props.take("gender");
		for (Gender gender : Gender.values()) {
			if (values.size() == 1 && values.get(0).equalsIgnoreCase(gender.name())) {
				return gender;
			}
		}
		props.keep("gender", values);
		return null;
	}

	/**
	 * A person as FtM entities: their addresses, the Person, then their identifiers and
	 * positions held as entities.
	 */
	static List<FtmEntity> entities(Person person, Parties parties, HeldExport held) {
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
			.put("fatherName", person.patronymic())
			.put("birthPlace", person.birthPlace())
			.put("citizenship", parties.codes(person.citizenshipIds()))
			.put("gender", person.gender() == null ? null : person.gender().name().toLowerCase(Locale.ROOT))
			.put("addressEntity", AddressBook.ids(person.addresses(), id));
		HeldExport.Split split = held.split(id, person.identifiers(), person.positions());
		FtmIdentifiers.put(line, split.properties());
		line.extra(extra);
		entities.add(line.entity());
		entities.addAll(split.entities());
		return entities;
	}

}
