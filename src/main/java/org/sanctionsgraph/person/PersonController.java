package org.sanctionsgraph.person;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import graphql.schema.DataFetchingFieldSelectionSet;
import org.sanctionsgraph.graphql.GlobalId;
import org.sanctionsgraph.model.Identifier;
import org.sanctionsgraph.organization.Organization;
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
 * People, their positions and nationalities (the measures and events that name them are
 * those features').
 */
@Controller
class PersonController {

	private final PartyCodes codes;

	private final Pager pager;

	private final SanctionedPeople sanctioned;

	PersonController(PartyCodes codes, Pager pager, SanctionedPeople sanctioned) {
		this.codes = codes;
		this.pager = pager;
		this.sanctioned = sanctioned;
	}

	@QueryMapping
	Person person(@Argument String id) {
		return this.pager.byId(Person.class, GlobalId.decode("id", id, "Person"));
	}

	@QueryMapping
	Connection<Person> people(@Argument PersonFilter filter, @Arguments PageInput page,
			DataFetchingFieldSelectionSet selection) {
		return this.pager.page(Person.class, criteria(filter), page.args(), selection.contains("totalCount"));
	}

	private Criteria criteria(PersonFilter filter) {
		if (filter == null) {
			return null;
		}
		List<Criteria> all = new ArrayList<>();
		if (filter.nationality() != null) {
			all.add(Criteria.where("nationalityIds")
				.is(this.codes.find("filter.nationality", filter.nationality()).id()));
		}
		if (filter.holdsPosition() != null) {
			all.add(Criteria.where("positions.0").exists(filter.holdsPosition()));
		}
		if (filter.sanctioned() != null || filter.sanctionedOn() != null || filter.sanctionedBy() != null) {
			List<String> imposers = filter.sanctionedBy() == null ? null
					: this.codes.ids("filter.sanctionedBy", filter.sanctionedBy());
			List<String> sanctioned = this.sanctioned.ids(filter.sanctionedOn(), imposers);
			all.add(filter.sanctioned() != Boolean.FALSE ? Criteria.where("_id").in(sanctioned)
					: Criteria.where("_id").nin(sanctioned));
		}
		if (filter.identifier() != null) {
			all.add(Criteria.where("identifiers.value").is(filter.identifier().strip()));
		}
		return Pager.allOf(all);
	}

	@BatchMapping
	Map<Person, List<Party>> nationalities(List<Person> people) {
		return this.pager.many(people, Person::nationalityIds, Party.class);
	}

	@BatchMapping
	Map<Person, List<Party>> citizenships(List<Person> people) {
		return this.pager.many(people, Person::citizenshipIds, Party.class);
	}

	/** The issuer of a person's or an organisation's identifier. */
	@BatchMapping(typeName = "Identifier", field = "country")
	Map<Identifier, Party> issuer(List<Identifier> identifiers) {
		return this.pager.one(identifiers, Identifier::countryId, Party.class);
	}

	@BatchMapping(typeName = "Position")
	Map<Position, Party> country(List<Position> positions) {
		return this.pager.one(positions, Position::countryId, Party.class);
	}

	@BatchMapping(typeName = "Position")
	Map<Position, Organization> organization(List<Position> positions) {
		return this.pager.one(positions, Position::organizationId, Organization.class);
	}

}
