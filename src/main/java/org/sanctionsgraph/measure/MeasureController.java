package org.sanctionsgraph.measure;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import graphql.schema.DataFetchingEnvironment;
import graphql.schema.DataFetchingFieldSelectionSet;
import org.sanctionsgraph.event.Event;
import org.sanctionsgraph.graphql.GlobalId;
import org.sanctionsgraph.organization.Organization;
import org.sanctionsgraph.paging.Connection;
import org.sanctionsgraph.paging.NestedPages;
import org.sanctionsgraph.paging.PageInput;
import org.sanctionsgraph.paging.Pager;
import org.sanctionsgraph.person.Person;
import org.sanctionsgraph.program.Membership;
import org.sanctionsgraph.program.Program;
import org.sanctionsgraph.write.HistoryReplay;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.Arguments;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

/**
 * Measures: the list with its filters, and every relation of a measure in both
 * directions.
 */
@Controller
class MeasureController {

	private static final String RELATED_EVENTS = "Measure.relatedEvents";

	private final MeasureCriteria criteria;

	private final Pager pager;

	private final NestedPages nested;

	private final HistoryReplay replay;

	MeasureController(MeasureCriteria criteria, Pager pager, NestedPages nested, HistoryReplay replay) {
		this.replay = replay;
		this.criteria = criteria;
		this.pager = pager;
		this.nested = nested;
		nested.register(RELATED_EVENTS, Event.class, "concernsMeasureIds");
	}

	@QueryMapping
	Measure measure(@Argument String id, @Argument Instant asKnownOn) {
		String key = GlobalId.decode("id", id, "Measure");
		if (asKnownOn != null) {
			return this.replay.asKnownOn(Measure.class, "Measure", key, asKnownOn);
		}
		return this.pager.byId(Measure.class, key);
	}

	@QueryMapping
	Connection<Measure> measures(@Argument MeasureFilter filter, @Arguments PageInput page,
			DataFetchingFieldSelectionSet selection) {
		return this.pager.page(Measure.class, this.criteria.of(filter), page.args(), selection.contains("totalCount"));
	}

	@SchemaMapping(typeName = "Measure")
	CompletableFuture<Connection<Event>> relatedEvents(Measure measure, @Arguments PageInput page,
			DataFetchingEnvironment env) {
		return this.nested.load(env, RELATED_EVENTS, measure.id(), page.args(), null);
	}

	@BatchMapping(typeName = "Measure")
	Map<Measure, Program> program(List<Measure> list) {
		return this.pager.one(list, Measure::programId, Program.class);
	}

	@BatchMapping(typeName = "Measure")
	Map<Measure, List<Event>> triggeredBy(List<Measure> list) {
		return this.pager.many(list, Measure::triggeringEventIds, Event.class);
	}

	@BatchMapping(typeName = "Measure")
	Map<Measure, List<Measure>> respondsTo(List<Measure> list) {
		return this.pager.many(list, Measure::respondsToIds, Measure.class);
	}

	@BatchMapping(typeName = "Measure")
	Map<Measure, List<Membership>> affectedMemberships(List<Measure> list) {
		return this.pager.many(list, measure -> measure.membershipChange() == null ? List.of()
				: List.of(measure.membershipChange().membershipId()), Membership.class);
	}

	@SchemaMapping(typeName = "Measure")
	boolean isInForce(Measure measure, @Argument LocalDate on) {
		return measure.inForceOn(on);
	}

	@BatchMapping(typeName = "MeasureTarget")
	Map<Target, Person> person(List<Target> targets) {
		return this.pager.one(targets, Target::personId, Person.class);
	}

	@BatchMapping(typeName = "MeasureTarget")
	Map<Target, Organization> organization(List<Target> targets) {
		return this.pager.one(targets, Target::organizationId, Organization.class);
	}

}
