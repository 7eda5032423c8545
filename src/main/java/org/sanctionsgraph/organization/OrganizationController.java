package org.sanctionsgraph.organization;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import graphql.schema.DataFetchingEnvironment;
import graphql.schema.DataFetchingFieldSelectionSet;
import org.sanctionsgraph.graphql.GlobalId;
import org.sanctionsgraph.measure.Measure;
import org.sanctionsgraph.measure.MeasureCriteria;
import org.sanctionsgraph.measure.MeasureFilter;
import org.sanctionsgraph.paging.Connection;
import org.sanctionsgraph.paging.NestedPages;
import org.sanctionsgraph.paging.PageInput;
import org.sanctionsgraph.paging.Pager;
import org.sanctionsgraph.party.Party;
import org.sanctionsgraph.party.PartyCodes;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.Arguments;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

/** Organisations and the measures that target them. */
@Controller
class OrganizationController {

	private static final String MEASURES = "Organization.measures";

	private final MongoTemplate mongo;

	private final PartyCodes codes;

	private final Pager pager;

	private final NestedPages nested;

	OrganizationController(MongoTemplate mongo, PartyCodes codes, Pager pager, NestedPages nested,
			MeasureCriteria criteria) {
		this.mongo = mongo;
		this.codes = codes;
		this.pager = pager;
		this.nested = nested;
		nested.register(MEASURES, Measure.class, "targetOrganizationIds", criteria::of);
	}

	@QueryMapping
	Organization organization(@Argument String id) {
		return this.mongo.findById(GlobalId.decode("id", id, "Organization"), Organization.class);
	}

	@QueryMapping
	Connection<Organization> organizations(@Argument String country, @Arguments PageInput page,
			DataFetchingFieldSelectionSet selection) {
		Criteria filter = country == null ? null : Criteria.where("countryId").is(this.codes.find("country", country).id());
		return this.pager.page(Organization.class, filter, page.args(), selection.contains("totalCount"));
	}

	@SchemaMapping
	CompletableFuture<Connection<Measure>> measures(Organization organization, @Argument MeasureFilter filter,
			@Arguments PageInput page, DataFetchingEnvironment env) {
		return this.nested.load(env, MEASURES, organization.id(), page.args(), filter);
	}

	@BatchMapping
	Map<Organization, Party> country(List<Organization> organizations) {
		return this.pager.one(organizations, Organization::countryId, Party.class);
	}

}
