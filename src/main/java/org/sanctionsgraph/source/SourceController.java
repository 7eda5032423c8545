package org.sanctionsgraph.source;

import java.util.List;
import java.util.Map;

import graphql.schema.DataFetchingFieldSelectionSet;
import org.sanctionsgraph.graphql.GlobalId;
import org.sanctionsgraph.model.Citation;
import org.sanctionsgraph.paging.Connection;
import org.sanctionsgraph.paging.PageInput;
import org.sanctionsgraph.paging.Pager;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.Arguments;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/** Sources, and the source behind every citation. */
@Controller
class SourceController {

	private final Pager pager;

	SourceController(Pager pager) {
		this.pager = pager;
	}

	@QueryMapping
	Source source(@Argument String id) {
		return this.pager.byId(Source.class, GlobalId.decode("id", id, "Source"));
	}

	@QueryMapping
	Connection<Source> sources(@Arguments PageInput page, DataFetchingFieldSelectionSet selection) {
		return this.pager.page(Source.class, null, page.args(), selection.contains("totalCount"));
	}

	@BatchMapping(typeName = "Citation")
	Map<Citation, Source> source(List<Citation> citations) {
		return this.pager.one(citations, Citation::sourceId, Source.class);
	}

}
