package org.sanctionsgraph.event;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import graphql.schema.DataFetchingEnvironment;
import graphql.schema.DataFetchingFieldSelectionSet;
import org.sanctionsgraph.graphql.BadArgumentException;
import org.sanctionsgraph.graphql.GlobalId;
import org.sanctionsgraph.organization.Organization;
import org.sanctionsgraph.paging.Connection;
import org.sanctionsgraph.paging.NestedPages;
import org.sanctionsgraph.paging.PageInput;
import org.sanctionsgraph.paging.Pager;
import org.sanctionsgraph.party.Party;
import org.sanctionsgraph.party.PartyCodes;
import org.sanctionsgraph.person.Person;

import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.Arguments;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

/**
 * Events, who took part, and a person's events (the measures they triggered or concern
 * are the measure feature's).
 */
@Controller
class EventController {

	private static final String PERSON_EVENTS = "Person.events";

	private final PartyCodes codes;

	private final Pager pager;

	private final NestedPages nested;

	EventController(PartyCodes codes, Pager pager, NestedPages nested) {
		this.codes = codes;
		this.pager = pager;
		this.nested = nested;
		nested.register(PERSON_EVENTS, Event.class, "personIds");
	}

	@QueryMapping
	Event event(@Argument String id) {
		return this.pager.byId(Event.class, GlobalId.decode("id", id, "Event"));
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

	@SchemaMapping(typeName = "Person", field = "events")
	CompletableFuture<Connection<Event>> personEvents(Person person, @Arguments PageInput page,
			DataFetchingEnvironment env) {
		return this.nested.load(env, PERSON_EVENTS, person.id(), page.args(), null);
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

}
