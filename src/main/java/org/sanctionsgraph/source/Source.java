package org.sanctionsgraph.source;

import org.sanctionsgraph.model.FuzzyDate;
import org.sanctionsgraph.paging.Sortable;
import org.springframework.data.mongodb.core.mapping.FieldType;
import org.springframework.data.mongodb.core.mapping.MongoId;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

import io.soabase.recordbuilder.core.RecordBuilder;

/** A document records are cited from. Fields the document does not state stay null. */
@RecordBuilder
@Document("sources")
public record Source(@MongoId(FieldType.STRING) String id, SourceKind kind, String title, String publisher,
		FuzzyDate published, String url, String description, @Indexed String sortKey,
		long revision) implements Sortable {

	public Source {
		sortKey = published == null ? "~" : published.earliest().toString();
	}

}
