package org.sanctionsgraph.person;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import graphql.schema.DataFetchingEnvironment;
import graphql.schema.DataFetchingFieldSelectionSet;
import org.sanctionsgraph.event.Event;
import org.sanctionsgraph.graphql.GlobalId;
import org.sanctionsgraph.measure.Measure;
import org.sanctionsgraph.measure.MeasureCriteria;
import org.sanctionsgraph.measure.MeasureFilter;
import org.sanctionsgraph.measure.MeasureKind;
import org.sanctionsgraph.paging.Connection;
import org.sanctionsgraph.paging.NestedPages;
import org.sanctionsgraph.paging.PageInput;
import org.sanctionsgraph.paging.Pager;
import org.sanctionsgraph.party.Party;
import org.sanctionsgraph.party.PartyCodes;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.Arguments;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

/** People, their positions and nationalities, and the measures and events that name them. */
@Controller
class PersonController {

	private static final String MEASURES = "Person.measures";

	private static final String EVENTS = "Person.events";

	private final MongoTemplate mongo;

	private final PartyCodes codes;

	private final Pager pager;

	private final NestedPages nested;

	PersonController(MongoTemplate mongo, PartyCodes codes, Pager pager, NestedPages nested,
			MeasureCriteria criteria) {
		this.mongo = mongo;
		this.codes = codes;
		this.pager = pager;
		this.nested = nested;
		nested.register(MEASURES, Measure.class, "targetPersonIds", criteria::of);
		nested.register(EVENTS, Event.class, "personIds");
	}

	@QueryMapping
	Person person(@Argument String id) {
		return this.mongo.findById(GlobalId.decode("id", id, "Person"), Person.class);
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
		if (filter.sanctioned() != null) {
			List<String> sanctioned = this.mongo.findDistinct(
					Query.query(Criteria.where("kind").is(MeasureKind.SANCTION.name())), "targetPersonIds",
					Measure.class, String.class);
			all.add(filter.sanctioned() ? Criteria.where("_id").in(sanctioned) : Criteria.where("_id").nin(sanctioned));
		}
		return Pager.allOf(all);
	}

	@SchemaMapping
	CompletableFuture<Connection<Measure>> measures(Person person, @Argument MeasureFilter filter,
			@Arguments PageInput page, DataFetchingEnvironment env) {
		return this.nested.load(env, MEASURES, person.id(), page.args(), filter);
	}

	@SchemaMapping
	CompletableFuture<Connection<Event>> events(Person person, @Arguments PageInput page, DataFetchingEnvironment env) {
		return this.nested.load(env, EVENTS, person.id(), page.args(), null);
	}

	@BatchMapping
	Map<Person, List<Party>> nationalities(List<Person> people) {
		return this.pager.many(people, Person::nationalityIds, Party.class);
	}

	@BatchMapping(typeName = "Position")
	Map<Position, Party> country(List<Position> positions) {
		return this.pager.one(positions, Position::countryId, Party.class);
	}

}
