package org.sanctionsgraph.party;

import java.util.concurrent.CompletableFuture;

import graphql.schema.DataFetchingEnvironment;
import graphql.schema.DataFetchingFieldSelectionSet;
import org.sanctionsgraph.measure.Measure;
import org.sanctionsgraph.measure.MeasureCriteria;
import org.sanctionsgraph.measure.MeasureFilter;
import org.sanctionsgraph.paging.Connection;
import org.sanctionsgraph.paging.NestedPages;
import org.sanctionsgraph.paging.PageInput;
import org.sanctionsgraph.paging.Pager;
import org.sanctionsgraph.program.Membership;

import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.Arguments;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

/** Countries, blocs and groups, and the measures and memberships hanging off each. */
@Controller
class PartyController {

	private static final String IMPOSED = "Party.measuresImposed";

	private static final String TARGETING = "Party.measuresTargeting";

	private static final String MEMBERSHIPS = "Party.memberships";

	private final PartyCodes codes;

	private final Pager pager;

	private final NestedPages nested;

	PartyController(PartyCodes codes, Pager pager, NestedPages nested, MeasureCriteria criteria) {
		this.codes = codes;
		this.pager = pager;
		this.nested = nested;
		nested.register(IMPOSED, Measure.class, "imposerIds", criteria::of);
		nested.register(TARGETING, Measure.class, "targetCountryIds", criteria::of);
		nested.register(MEMBERSHIPS, Membership.class, "memberId");
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

	@SchemaMapping
	CompletableFuture<Connection<Measure>> measuresImposed(Party party, @Argument MeasureFilter filter,
			@Arguments PageInput page, DataFetchingEnvironment env) {
		return this.nested.load(env, IMPOSED, party.id(), page.args(), filter);
	}

	@SchemaMapping
	CompletableFuture<Connection<Measure>> measuresTargeting(Party party, @Argument MeasureFilter filter,
			@Arguments PageInput page, DataFetchingEnvironment env) {
		return this.nested.load(env, TARGETING, party.id(), page.args(), filter);
	}

	@SchemaMapping
	CompletableFuture<Connection<Membership>> memberships(Party party, @Arguments PageInput page,
			DataFetchingEnvironment env) {
		return this.nested.load(env, MEMBERSHIPS, party.id(), page.args(), null);
	}

}
