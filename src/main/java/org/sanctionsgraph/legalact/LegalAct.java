package org.sanctionsgraph.legalact;

import java.util.List;

import org.sanctionsgraph.model.Citation;
import org.sanctionsgraph.model.FuzzyDate;
import org.sanctionsgraph.model.Lists;
import org.sanctionsgraph.paging.Sortable;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.mapping.FieldType;
import org.springframework.data.mongodb.core.mapping.MongoId;

import io.soabase.recordbuilder.core.RecordBuilder;

/**
 * A legal act measures and designations rest on, such as a Council Regulation: what
 * identifies it in official registers, and when it was adopted and took effect.
 * {@code sortKey} (derived) orders acts by adoption, those with no known adoption last.
 */
@RecordBuilder
@Document("legalActs")
public record LegalAct(@MongoId(FieldType.STRING) String id, String title, List<LegalActIdentifier> identifiers,
		String url, FuzzyDate adopted, FuzzyDate inForce, String authorityId, String description,
		List<Citation> citations, @Indexed String sortKey, long revision) implements Sortable {

	public LegalAct {
		identifiers = Lists.orEmpty(identifiers);
		citations = Lists.orEmpty(citations);
		sortKey = adopted == null ? "~" : adopted.earliest().toString();
	}

}
