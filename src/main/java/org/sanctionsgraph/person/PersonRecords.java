package org.sanctionsgraph.person;

import org.sanctionsgraph.model.Address;
import org.sanctionsgraph.records.ListSource;
import org.sanctionsgraph.records.RecordType;
import org.sanctionsgraph.records.SearchNames;
import org.sanctionsgraph.write.Drafts;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** People as a record kind: cited, and searched by name under their nationalities. */
@Configuration(proxyBeanMethods = false)
public class PersonRecords {

	public static final Drafts<Person, PersonBuilder> DRAFTS = new Drafts<>(id -> PersonBuilder.builder().id(id),
			PersonBuilder::builder, PersonBuilder::build);

	/**
	 * The kind as the registry knows it (public for tools that index people without the
	 * application).
	 */
	public static final RecordType<Person> TYPE = RecordType.of("Person", Person.class, "person")
		.citable(DRAFTS.appending(PersonBuilder::citations, PersonBuilder::citations))
		.searchable(person -> new SearchNames(person.name(), person.aliases(), person.nationalityIds()))
		.storedList("aliases", "aliases")
		.storedList("citations", "citations")
		.storedList("nationalities", "nationalityIds")
		.storedList("citizenships", "citizenshipIds")
		.storedList("positions", "positions")
		.storedList("identifiers", "identifiers")
		.storedList("addresses", "addresses")
		// the FtM origin's type is shared by the kinds an import writes
		.list("FtmOrigin.extra", ListSource.stored("Person", "ftm.extra"),
				ListSource.stored("Organization", "ftm.extra"), ListSource.stored("Tie", "ftm.extra"),
				ListSource.stored("Designation", "ftm.extra"))
		.list("Address.ftmExtra", ListSource.fixed(Address.EXTRA_MAX));

	@Bean
	RecordType<Person> personType() {
		return TYPE;
	}

}
