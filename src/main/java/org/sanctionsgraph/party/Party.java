package org.sanctionsgraph.party;

import java.util.List;
import java.util.Locale;

import org.sanctionsgraph.model.Citation;
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
 * A state, a bloc or a group of states: something that imposes measures, is targeted by
 * them or belongs to programmes.
 */
@RecordBuilder
@CompoundIndex(name = "kind_sort", def = "{'kind': 1, 'sortKey': 1, '_id': 1}")
@Document("parties")
public record Party(@MongoId(FieldType.STRING) String id, @Indexed(unique = true, sparse = true) String code,
		String name, PartyKind kind, List<Name> aliases, String description, List<Citation> citations,
		@Indexed String sortKey, long revision) implements Sortable {

	public Party {
		aliases = Lists.orEmpty(aliases);
		citations = Lists.orEmpty(citations);
		sortKey = (code != null ? code : "~" + name).toUpperCase(Locale.ROOT);
	}

}
