package org.sanctionsgraph.security;

import graphql.schema.DataFetchingFieldSelectionSet;
import org.sanctionsgraph.paging.Connection;
import org.sanctionsgraph.paging.PageArgs;
import org.sanctionsgraph.paging.SortDirection;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/** Lists API keys for ADMINs (checked in {@link ApiKeys}): never a secret or a hash. */
@Controller
class ApiKeyQueries {

	private final ApiKeys keys;

	ApiKeyQueries(ApiKeys keys) {
		this.keys = keys;
	}

	@QueryMapping
	Connection<ApiKey> apiKeys(@Argument Integer first, @Argument String after, @Argument Integer last,
			@Argument String before, DataFetchingFieldSelectionSet selection) {
		return this.keys.list(PageArgs.of(first, after, last, before, SortDirection.ASC),
				selection.contains("totalCount"));
	}

}
