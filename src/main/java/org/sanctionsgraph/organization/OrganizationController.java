package org.sanctionsgraph.organization;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import graphql.schema.DataFetchingFieldSelectionSet;
import org.sanctionsgraph.graphql.GlobalId;
import org.sanctionsgraph.paging.Connection;
import org.sanctionsgraph.paging.PageInput;
import org.sanctionsgraph.paging.Pager;
import org.sanctionsgraph.party.Party;
import org.sanctionsgraph.party.PartyCodes;

import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.Arguments;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/**
 * Organisations and their country (the measures that target them are the measure
 * feature's).
 */
@Controller
class OrganizationController {

	private final PartyCodes codes;

	private final Pager pager;

	OrganizationController(PartyCodes codes, Pager pager) {
		this.codes = codes;
		this.pager = pager;
	}

	@QueryMapping
	Organization organization(@Argument String id) {
		return this.pager.byId(Organization.class, GlobalId.decode("id", id, "Organization"));
	}

	@QueryMapping
	Connection<Organization> organizations(@Argument String country, @Argument String identifier,
			@Arguments PageInput page, DataFetchingFieldSelectionSet selection) {
		List<Criteria> all = new ArrayList<>();
		if (country != null) {
			all.add(Criteria.where("countryId").is(this.codes.find("country", country).id()));
		}
		if (identifier != null) {
			all.add(Criteria.where("identifiers.value").is(identifier.strip()));
		}
		Criteria filter = Pager.allOf(all);
		return this.pager.page(Organization.class, filter, page.args(), selection.contains("totalCount"));
	}

	@BatchMapping
	Map<Organization, Party> country(List<Organization> organizations) {
		return this.pager.one(organizations, Organization::countryId, Party.class);
	}

	@BatchMapping
	Map<Organization, Party> jurisdiction(List<Organization> organizations) {
		return this.pager.one(organizations, Organization::jurisdictionId, Party.class);
	}

}
