package org.sanctionsgraph.measure;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

import graphql.schema.DataFetchingEnvironment;
import org.dataloader.DataLoader;
import org.sanctionsgraph.paging.Pager;
import org.sanctionsgraph.program.Membership;
import org.sanctionsgraph.program.MembershipStatus;
import org.sanctionsgraph.program.StatusPeriod;
import reactor.core.publisher.Mono;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.graphql.execution.BatchLoaderRegistry;
import org.springframework.stereotype.Controller;

/**
 * A membership's status over time: the periods stored with it plus those the
 * countermeasures that changed it bring (one query a batch), so the two can never
 * disagree.
 */
@Controller
class MembershipHistory {

	private static final String PERIODS = "Membership.periods";

	private final MongoTemplate mongo;

	private final Pager pager;

	MembershipHistory(MongoTemplate mongo, Pager pager, BatchLoaderRegistry registry) {
		this.mongo = mongo;
		this.pager = pager;
		registry.<Membership, List<StatusPeriod>>forName(PERIODS)
			.registerMappedBatchLoader((memberships, env) -> Mono.fromSupplier(() -> periods(memberships)));
	}

	private Map<Membership, List<StatusPeriod>> periods(Set<Membership> memberships) {
		List<String> ids = memberships.stream().map(Membership::id).toList();
		Map<String, List<StatusPeriod>> fromMeasures = new HashMap<>();
		for (Measure measure : this.mongo.find(Query.query(Criteria.where("membershipChange.membershipId").in(ids)),
				Measure.class)) {
			MembershipChange change = measure.membershipChange();
			fromMeasures.computeIfAbsent(change.membershipId(), id -> new ArrayList<>())
				.add(new StatusPeriod(change.status(), change.from(), measure.id(), change.note(),
						measure.citations()));
		}
		Map<Membership, List<StatusPeriod>> result = new HashMap<>();
		for (Membership membership : memberships) {
			result.put(membership,
					Membership.merge(membership.history(), fromMeasures.getOrDefault(membership.id(), List.of())));
		}
		return result;
	}

	@SchemaMapping(typeName = "Membership")
	CompletableFuture<List<StatusPeriod>> history(Membership membership, DataFetchingEnvironment env) {
		DataLoader<Membership, List<StatusPeriod>> loader = env.getDataLoader(PERIODS);
		return loader.load(membership);
	}

	@SchemaMapping(typeName = "Membership")
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
