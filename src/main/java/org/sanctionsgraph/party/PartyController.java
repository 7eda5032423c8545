package org.sanctionsgraph.party;

import graphql.schema.DataFetchingFieldSelectionSet;
import org.sanctionsgraph.paging.Connection;
import org.sanctionsgraph.paging.PageInput;
import org.sanctionsgraph.paging.Pager;

import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.Arguments;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/**
 * Countries, blocs and groups (their measures and memberships are served by those
 * features).
 */
@Controller
class PartyController {

	private final PartyCodes codes;

	private final Pager pager;

	PartyController(PartyCodes codes, Pager pager) {
		this.codes = codes;
		this.pager = pager;
	}

	@QueryMapping
	Party party(@Argument String code) {
		return this.codes.find("code", code);
	}

	@QueryMapping
	Connection<Party> parties(@Argument PartyKind kind, @Arguments PageInput page,
			DataFetchingFieldSelectionSet selection) {
		Criteria filter = kind == null ? null : Criteria.where("kind").is(kind.name());
		return this.pager.page(Party.class, filter, page.args(), selection.contains("totalCount"));
	}

}
