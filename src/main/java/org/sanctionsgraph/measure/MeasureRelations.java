package org.sanctionsgraph.measure;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import graphql.schema.DataFetchingEnvironment;
import org.sanctionsgraph.event.Event;
import org.sanctionsgraph.organization.Organization;
import org.sanctionsgraph.paging.Connection;
import org.sanctionsgraph.paging.NestedPages;
import org.sanctionsgraph.paging.PageInput;
import org.sanctionsgraph.paging.Pager;
import org.sanctionsgraph.party.Party;
import org.sanctionsgraph.person.Person;
import org.sanctionsgraph.program.Program;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.Arguments;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

/**
 * The measures reached from other records: a party's imposed and received measures, a
 * person's or an organisation's, a programme's, an event's. They live here because
 * measures know those records, not the reverse.
 */
@Controller
class MeasureRelations {

	private static final String IMPOSED = "Party.measuresImposed";

	private static final String TARGETING = "Party.measuresTargeting";

	private static final String PERSON = "Person.measures";

	private static final String ORGANIZATION = "Organization.measures";

	private static final String PROGRAM = "Program.measures";

	private static final String EVENT = "Event.measures";

	private final Pager pager;

	private final NestedPages nested;

	MeasureRelations(Pager pager, NestedPages nested, MeasureCriteria criteria) {
		this.pager = pager;
		this.nested = nested;
		nested.register(IMPOSED, Measure.class, "imposerIds", criteria::of);
		nested.register(TARGETING, Measure.class, "targetCountryIds", criteria::of);
		// a target's own listing dates decide what was in force for it on a day
		nested.register(PERSON, Measure.class, "targetPersonIds",
				(MeasureFilter filter, String person) -> criteria.forTarget(filter, "targetPersonIds", person),
				filter -> filter.inForceOn() != null);
		nested.register(
				ORGANIZATION, Measure.class, "targetOrganizationIds", (MeasureFilter filter,
						String organization) -> criteria.forTarget(filter, "targetOrganizationIds", organization),
				filter -> filter.inForceOn() != null);
		nested.register(PROGRAM, Measure.class, "programId", criteria::of);
		nested.register(EVENT, Measure.class, "triggeringEventIds", criteria::of);
	}

	@SchemaMapping(typeName = "Party")
	CompletableFuture<Connection<Measure>> measuresImposed(Party party, @Argument MeasureFilter filter,
			@Arguments PageInput page, DataFetchingEnvironment env) {
		return this.nested.load(env, IMPOSED, party.id(), page.args(), filter);
	}

	@SchemaMapping(typeName = "Party")
	CompletableFuture<Connection<Measure>> measuresTargeting(Party party, @Argument MeasureFilter filter,
			@Arguments PageInput page, DataFetchingEnvironment env) {
		return this.nested.load(env, TARGETING, party.id(), page.args(), filter);
	}

	@SchemaMapping(typeName = "Person", field = "measures")
	CompletableFuture<Connection<Measure>> personMeasures(Person person, @Argument MeasureFilter filter,
			@Arguments PageInput page, DataFetchingEnvironment env) {
		return this.nested.load(env, PERSON, person.id(), page.args(), filter);
	}

	@SchemaMapping(typeName = "Organization", field = "measures")
	CompletableFuture<Connection<Measure>> organizationMeasures(Organization organization,
			@Argument MeasureFilter filter, @Arguments PageInput page, DataFetchingEnvironment env) {
		return this.nested.load(env, ORGANIZATION, organization.id(), page.args(), filter);
	}

	@SchemaMapping(typeName = "Program", field = "measures")
	CompletableFuture<Connection<Measure>> programMeasures(Program program, @Argument MeasureFilter filter,
			@Arguments PageInput page, DataFetchingEnvironment env) {
		return this.nested.load(env, PROGRAM, program.id(), page.args(), filter);
	}

	@SchemaMapping(typeName = "Event", field = "measures")
	CompletableFuture<Connection<Measure>> eventMeasures(Event event, @Argument MeasureFilter filter,
			@Arguments PageInput page, DataFetchingEnvironment env) {
		return this.nested.load(env, EVENT, event.id(), page.args(), filter);
	}

	@BatchMapping(typeName = "Event")
	Map<Event, List<Measure>> concerns(List<Event> events) {
		return this.pager.many(events, Event::concernsMeasureIds, Measure.class);
	}

}
