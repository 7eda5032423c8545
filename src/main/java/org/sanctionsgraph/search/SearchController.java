package org.sanctionsgraph.search;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.sanctionsgraph.graphql.BadArgumentException;
import org.sanctionsgraph.paging.Connection;
import org.sanctionsgraph.paging.OffsetCursor;
import org.sanctionsgraph.paging.PageArgs;
import org.sanctionsgraph.paging.Pager;
import org.sanctionsgraph.paging.Sortable;
import org.sanctionsgraph.party.PartyCodes;
import org.sanctionsgraph.records.RecordTypes;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/**
 * The name search, and the records behind its hits (one query per record type a page
 * holds).
 */
@Controller
class SearchController {

	static final int MAX_QUERY = 200;

	private final SearchIndex index;

	private final PartyCodes codes;

	private final Pager pager;

	private final RecordTypes types;

	SearchController(SearchIndex index, PartyCodes codes, Pager pager, RecordTypes types) {
		this.index = index;
		this.codes = codes;
		this.pager = pager;
		this.types = types;
	}

	@QueryMapping
	Connection<SearchHit> search(@Argument String query, @Argument List<SearchType> types, @Argument String country,
			@Argument Integer first, @Argument String after) {
		if (query.isBlank() || query.length() > MAX_QUERY) {
			throw new BadArgumentException("query", "must be 1 to " + MAX_QUERY + " characters");
		}
		int size = PageArgs.of(first, null, null, null, null).size();
		int offset = after == null ? 0 : OffsetCursor.decode("after", 's', after);
		String countryId = country == null ? null : this.codes.find("country", country).id();
		SearchIndex.Result result = this.index.search(query, types, countryId, offset, size);
		return Connection.atOffset(result.hits(), offset, result.total(), 's');
	}

	@BatchMapping(typeName = "SearchHit")
	Map<SearchHit, Object> record(List<SearchHit> hits) {
		Map<String, Map<String, ? extends Sortable>> found = new LinkedHashMap<>();
		hits.stream()
			.collect(Collectors.groupingBy(SearchHit::recordType,
					Collectors.mapping(SearchHit::recordId, Collectors.toList())))
			.forEach((type, ids) -> found.put(type, this.pager.byIds(this.types.named(type).documentClass(), ids)));
		Map<SearchHit, Object> records = new LinkedHashMap<>();
		for (SearchHit hit : hits) {
			Object record = found.get(hit.recordType()).get(hit.recordId());
			if (record != null) {
				records.put(hit, record);
			}
		}
		return records;
	}

}
