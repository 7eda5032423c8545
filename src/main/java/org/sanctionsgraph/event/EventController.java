package org.sanctionsgraph.event;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import graphql.schema.DataFetchingEnvironment;
import graphql.schema.DataFetchingFieldSelectionSet;
import org.sanctionsgraph.graphql.BadArgumentException;
import org.sanctionsgraph.graphql.GlobalId;
import org.sanctionsgraph.measure.Measure;
import org.sanctionsgraph.measure.MeasureCriteria;
import org.sanctionsgraph.measure.MeasureFilter;
import org.sanctionsgraph.organization.Organization;
import org.sanctionsgraph.paging.Connection;
import org.sanctionsgraph.paging.NestedPages;
import org.sanctionsgraph.paging.PageInput;
import org.sanctionsgraph.paging.Pager;
import org.sanctionsgraph.party.Party;
import org.sanctionsgraph.party.PartyCodes;
import org.sanctionsgraph.person.Person;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.Arguments;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

/** Events, who took part, and the measures they triggered or concern. */
@Controller
class EventController {

	private static final String MEASURES = "Event.measures";

	private final MongoTemplate mongo;

	private final PartyCodes codes;

	private final Pager pager;

	private final NestedPages nested;

	EventController(MongoTemplate mongo, PartyCodes codes, Pager pager, NestedPages nested, MeasureCriteria criteria) {
		this.mongo = mongo;
		this.codes = codes;
		this.pager = pager;
		this.nested = nested;
		nested.register(MEASURES, Measure.class, "triggeringEventIds", criteria::of);
	}

	@QueryMapping
	Event event(@Argument String id) {
		return this.mongo.findById(GlobalId.decode("id", id, "Event"), Event.class);
	}

	@QueryMapping
	Connection<Event> events(@Argument EventFilter filter, @Arguments PageInput page,
			DataFetchingFieldSelectionSet selection) {
		return this.pager.page(Event.class, criteria(filter), page.args(), selection.contains("totalCount"));
	}

	private Criteria criteria(EventFilter filter) {
		if (filter == null) {
			return null;
		}
		if (filter.from() != null && filter.to() != null && filter.from().isAfter(filter.to())) {
			throw new BadArgumentException("filter.to", "must not be before filter.from");
		}
		List<Criteria> all = new ArrayList<>();
		if (filter.party() != null) {
			all.add(Criteria.where("partyIds").is(this.codes.find("filter.party", filter.party()).id()));
		}
		if (filter.kind() != null) {
			all.add(Criteria.where("kind").is(filter.kind().name()));
		}
		if (filter.from() != null) {
			all.add(Criteria.where("sortKey").gte(filter.from().toString()));
		}
		if (filter.to() != null) {
			all.add(Criteria.where("sortKey").lte(filter.to().toString()));
		}
		return Pager.allOf(all);
	}

	@SchemaMapping
	CompletableFuture<Connection<Measure>> measures(Event event, @Argument MeasureFilter filter,
			@Arguments PageInput page, DataFetchingEnvironment env) {
		return this.nested.load(env, MEASURES, event.id(), page.args(), filter);
	}

	@BatchMapping
	Map<Event, List<Party>> parties(List<Event> events) {
		return this.pager.many(events, Event::partyIds, Party.class);
	}

	@BatchMapping
	Map<Event, List<Person>> people(List<Event> events) {
		return this.pager.many(events, Event::personIds, Person.class);
	}

	@BatchMapping
	Map<Event, List<Organization>> organizations(List<Event> events) {
		return this.pager.many(events, Event::organizationIds, Organization.class);
	}

	@BatchMapping
	Map<Event, List<Measure>> concerns(List<Event> events) {
		return this.pager.many(events, Event::concernsMeasureIds, Measure.class);
	}

}
