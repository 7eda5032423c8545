package org.sanctionsgraph.organization;

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

/** A company, public body, NGO or media outlet. */
@RecordBuilder
@Document("organizations")
@CompoundIndexes({ @CompoundIndex(name = "country_sort", def = "{'countryId': 1, 'sortKey': 1, '_id': 1}"),
		@CompoundIndex(name = "identifier_sort", def = "{'identifiers.value': 1, 'sortKey': 1, '_id': 1}") })
public record Organization(@MongoId(FieldType.STRING) String id, String name, OrganizationKind kind, List<Name> aliases,
		String countryId, String description, List<Citation> citations, @Indexed String sortKey, long revision,
		List<Identifier> identifiers, String jurisdictionId, String legalForm, FuzzyDate incorporated,
		FuzzyDate dissolved) implements Sortable {

	public Organization {
		aliases = Lists.orEmpty(aliases);
		citations = Lists.orEmpty(citations);
		sortKey = name.toLowerCase(Locale.ROOT);
		identifiers = Lists.orEmpty(identifiers);
	}

	/**
	 * An organisation without its registration details (identifiers, jurisdiction, legal
	 * form, incorporation and dissolution), as generators and older callers build one.
	 */
	public Organization(String id, String name, OrganizationKind kind, List<Name> aliases, String countryId,
			String description, List<Citation> citations, String sortKey, long revision) {
		this(id, name, kind, aliases, countryId, description, citations, sortKey, revision, null, null, null, null,
				null);
	}

}
