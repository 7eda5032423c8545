package org.sanctionsgraph.program;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

import graphql.schema.DataFetchingEnvironment;
import graphql.schema.DataFetchingFieldSelectionSet;
import org.dataloader.DataLoader;
import org.sanctionsgraph.graphql.GlobalId;
import org.sanctionsgraph.measure.Measure;
import org.sanctionsgraph.measure.MeasureCriteria;
import org.sanctionsgraph.measure.MeasureFilter;
import org.sanctionsgraph.measure.MembershipChange;
import org.sanctionsgraph.paging.Connection;
import org.sanctionsgraph.paging.NestedPages;
import org.sanctionsgraph.paging.PageInput;
import org.sanctionsgraph.paging.Pager;
import org.sanctionsgraph.party.Party;
import reactor.core.publisher.Mono;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.Arguments;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.graphql.execution.BatchLoaderRegistry;
import org.springframework.stereotype.Controller;

/** Programmes and unions, their members and the status of each membership over time. */
@Controller
class ProgramController {

	private static final String MEMBERSHIPS = "Program.memberships";

	private static final String MEASURES = "Program.measures";

	private static final String PERIODS = "Membership.periods";

	private final MongoTemplate mongo;

	private final Pager pager;

	private final NestedPages nested;

	ProgramController(MongoTemplate mongo, Pager pager, NestedPages nested, MeasureCriteria criteria,
			BatchLoaderRegistry registry) {
		this.mongo = mongo;
		this.pager = pager;
		this.nested = nested;
		nested.register(MEMBERSHIPS, Membership.class, "programId");
		nested.register(MEASURES, Measure.class, "programId", criteria::of);
		registry.<Membership, List<StatusPeriod>>forName(PERIODS)
			.registerMappedBatchLoader((memberships, env) -> Mono.fromSupplier(() -> periods(memberships)));
	}

	@QueryMapping
	Program program(@Argument String id) {
		return this.mongo.findById(GlobalId.decode("id", id, "Program"), Program.class);
	}

	@QueryMapping
	Connection<Program> programs(@Argument ProgramKind kind, @Arguments PageInput page,
			DataFetchingFieldSelectionSet selection) {
		Criteria filter = kind == null ? null : Criteria.where("kind").is(kind.name());
		return this.pager.page(Program.class, filter, page.args(), selection.contains("totalCount"));
	}

	@SchemaMapping
	CompletableFuture<Connection<Membership>> memberships(Program program, @Arguments PageInput page,
			DataFetchingEnvironment env) {
		return this.nested.load(env, MEMBERSHIPS, program.id(), page.args(), null);
	}

	@SchemaMapping
	CompletableFuture<Connection<Measure>> measures(Program program, @Argument MeasureFilter filter,
			@Arguments PageInput page, DataFetchingEnvironment env) {
		return this.nested.load(env, MEASURES, program.id(), page.args(), filter);
	}

	@BatchMapping
	Map<Program, List<Party>> administrators(List<Program> programs) {
		return this.pager.many(programs, Program::administratorIds, Party.class);
	}

	@BatchMapping
	Map<Membership, Party> member(List<Membership> memberships) {
		return this.pager.one(memberships, Membership::memberId, Party.class);
	}

	@BatchMapping(field = "program")
	Map<Membership, Program> membershipProgram(List<Membership> memberships) {
		return this.pager.one(memberships, Membership::programId, Program.class);
	}

	/** Stored periods plus those the measures that changed the membership bring (one query a batch). */
	private Map<Membership, List<StatusPeriod>> periods(Set<Membership> memberships) {
		List<String> ids = memberships.stream().map(Membership::id).toList();
		Map<String, List<StatusPeriod>> fromMeasures = new HashMap<>();
		for (Measure measure : this.mongo.find(Query.query(Criteria.where("membershipChange.membershipId").in(ids)),
				Measure.class)) {
			MembershipChange change = measure.membershipChange();
			fromMeasures.computeIfAbsent(change.membershipId(), id -> new ArrayList<>())
				.add(new StatusPeriod(change.status(), change.from(), measure.id(), change.note(), measure.citations()));
		}
		Map<Membership, List<StatusPeriod>> result = new HashMap<>();
		for (Membership membership : memberships) {
			result.put(membership,
					Membership.merge(membership.history(), fromMeasures.getOrDefault(membership.id(), List.of())));
		}
		return result;
	}

	@SchemaMapping
	CompletableFuture<List<StatusPeriod>> history(Membership membership, DataFetchingEnvironment env) {
		DataLoader<Membership, List<StatusPeriod>> loader = env.getDataLoader(PERIODS);
		return loader.load(membership);
	}

	@SchemaMapping
	CompletableFuture<MembershipStatus> status(Membership membership, @Argument LocalDate on,
			DataFetchingEnvironment env) {
		LocalDate day = on != null ? on : LocalDate.now(ZoneOffset.UTC);
		return history(membership, env).thenApply(history -> {
			StatusPeriod period = Membership.periodOn(history, day);
			return period == null ? null : period.status();
		});
	}

	@BatchMapping(typeName = "MembershipStatusPeriod")
	Map<StatusPeriod, Measure> cause(List<StatusPeriod> periods) {
		return this.pager.one(periods, StatusPeriod::causeMeasureId, Measure.class);
	}

}
