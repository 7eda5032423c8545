package org.sanctionsgraph.program;

import java.util.List;
import java.util.Locale;

import org.sanctionsgraph.model.Citation;
import org.sanctionsgraph.model.FuzzyDate;
import org.sanctionsgraph.model.Lists;
import org.sanctionsgraph.model.Name;
import org.sanctionsgraph.paging.Sortable;
import org.springframework.data.mongodb.core.mapping.FieldType;
import org.springframework.data.mongodb.core.mapping.MongoId;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

import io.soabase.recordbuilder.core.RecordBuilder;

/**
 * A sanctions regime, a partnership programme, a union or a treaty: something measures
 * are taken under, or that parties belong to.
 */
@RecordBuilder
@CompoundIndex(name = "kind_sort", def = "{'kind': 1, 'sortKey': 1, '_id': 1}")
@Document("programs")
public record Program(@MongoId(FieldType.STRING) String id, String name, ProgramKind kind, List<Name> aliases,
		List<String> administratorIds, FuzzyDate established, String description, List<Citation> citations,
		@Indexed String sortKey, long revision) implements Sortable {

	public Program {
		aliases = Lists.orEmpty(aliases);
		administratorIds = Lists.orEmpty(administratorIds);
		citations = Lists.orEmpty(citations);
		sortKey = name.toLowerCase(Locale.ROOT);
	}

}
