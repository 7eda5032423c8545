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
import org.springframework.data.mongodb.core.index.CompoundIndexes;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

import io.soabase.recordbuilder.core.RecordBuilder;

/**
 * A sanctions regime, a partnership programme, a union or a treaty: something measures
 * are taken under, or that parties belong to. A regime may have a short code (such as
 * {@code EU-BLR}), unique among programmes, and the authority that runs it.
 */
@RecordBuilder
@CompoundIndexes({ @CompoundIndex(name = "kind_sort", def = "{'kind': 1, 'sortKey': 1, '_id': 1}"),
		// Two analysts giving two programmes the same code at once: only one write goes
		// through.
		@CompoundIndex(name = "code", def = "{'code': 1}", unique = true, sparse = true) })
@Document("programs")
public record Program(@MongoId(FieldType.STRING) String id, String name, ProgramKind kind, List<Name> aliases,
		List<String> administratorIds, FuzzyDate established, String description, List<Citation> citations, String code,
		String authorityId, String url, @Indexed String sortKey, long revision) implements Sortable {

	public Program {
		aliases = Lists.orEmpty(aliases);
		administratorIds = Lists.orEmpty(administratorIds);
		citations = Lists.orEmpty(citations);
		sortKey = name.toLowerCase(Locale.ROOT);
	}

	/** A programme without code, authority or address (the fields as they were first). */
	public Program(String id, String name, ProgramKind kind, List<Name> aliases, List<String> administratorIds,
			FuzzyDate established, String description, List<Citation> citations, String sortKey, long revision) {
		this(id, name, kind, aliases, administratorIds, established, description, citations, null, null, null, sortKey,
				revision);
	}

}
