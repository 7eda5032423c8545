package org.sanctionsgraph.person;

import java.util.List;
import java.util.Locale;

import org.sanctionsgraph.model.Citation;
import org.sanctionsgraph.model.FuzzyDate;
import org.sanctionsgraph.model.Identifier;
import org.sanctionsgraph.model.Lists;
import org.sanctionsgraph.model.Name;
import org.sanctionsgraph.paging.Sortable;
import org.springframework.data.mongodb.core.mapping.FieldType;
import org.springframework.data.mongodb.core.mapping.MongoId;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.CompoundIndexes;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

import io.soabase.recordbuilder.core.RecordBuilder;

/** A natural person: an official, or anyone named in a measure or an event. */
@RecordBuilder
@Document("people")
@CompoundIndexes({ @CompoundIndex(name = "nationality_sort", def = "{'nationalityIds': 1, 'sortKey': 1, '_id': 1}"),
		@CompoundIndex(name = "position_sort", def = "{'positions.countryId': 1, 'sortKey': 1, '_id': 1}"),
		@CompoundIndex(name = "identifier_sort", def = "{'identifiers.value': 1, 'sortKey': 1, '_id': 1}") })
public record Person(@MongoId(FieldType.STRING) String id, String name, String firstName, String lastName,
		List<Name> aliases, FuzzyDate birthDate, List<String> nationalityIds, List<Position> positions,
		String description, List<Citation> citations, @Indexed String sortKey, long revision, String patronymic,
		String birthPlace, List<String> citizenshipIds, Gender gender,
		List<Identifier> identifiers) implements Sortable {

	public Person {
		aliases = Lists.orEmpty(aliases);
		nationalityIds = Lists.orEmpty(nationalityIds);
		positions = Lists.orEmpty(positions);
		citations = Lists.orEmpty(citations);
		sortKey = name.toLowerCase(Locale.ROOT);
		citizenshipIds = Lists.orEmpty(citizenshipIds);
		identifiers = Lists.orEmpty(identifiers);
	}

	/**
	 * A person without the fields screening adds (patronymic, birth place, citizenship,
	 * gender, identifiers), as generators and older callers build one.
	 */
	public Person(String id, String name, String firstName, String lastName, List<Name> aliases, FuzzyDate birthDate,
			List<String> nationalityIds, List<Position> positions, String description, List<Citation> citations,
			String sortKey, long revision) {
		this(id, name, firstName, lastName, aliases, birthDate, nationalityIds, positions, description, citations,
				sortKey, revision, null, null, null, null, null);
	}

}
