package org.sanctionsgraph.tie;

import java.util.List;
import java.util.concurrent.CompletableFuture;

import graphql.schema.DataFetchingEnvironment;
import org.sanctionsgraph.organization.Organization;
import org.sanctionsgraph.paging.Connection;
import org.sanctionsgraph.paging.NestedPages;
import org.sanctionsgraph.paging.PageInput;
import org.sanctionsgraph.person.Person;

import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.Arguments;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

/**
 * The ties reached from people and organisations, batch-loaded per field like every
 * nested list. They live here because ties know people and organisations, not the
 * reverse.
 */
@Controller
class TieRelations {

	/** Ties at either end of a record. */
	private static final String AT_EITHER_END = "Tie.byEnd";

	/** Ties whose first end is a record: what it owns, the roles it holds. */
	private static final String FROM = "Tie.byFrom";

	/** Ties whose second end is a record: its owners, its people. */
	private static final String TO = "Tie.byTo";

	private final NestedPages nested;

	TieRelations(NestedPages nested) {
		this.nested = nested;
		nested.register(AT_EITHER_END, Tie.class, "endIds", TieRelations::ofKinds);
		nested.register(FROM, Tie.class, "fromId", TieRelations::ofKinds);
		nested.register(TO, Tie.class, "toId", TieRelations::ofKinds);
	}

	private static Criteria ofKinds(List<TieKind> kinds) {
		return kinds.isEmpty() ? null : Criteria.where("kind").in(kinds);
	}

	@SchemaMapping(typeName = "Person")
	CompletableFuture<TieConnection> relatives(Person person, @Arguments PageInput page, DataFetchingEnvironment env) {
		return load(env, AT_EITHER_END, person.id(), page, List.of(TieKind.FAMILY));
	}

	@SchemaMapping(typeName = "Person")
	CompletableFuture<TieConnection> associates(Person person, @Arguments PageInput page, DataFetchingEnvironment env) {
		return load(env, AT_EITHER_END, person.id(), page, List.of(TieKind.ASSOCIATE));
	}

	@SchemaMapping(typeName = "Person", field = "holdings")
	CompletableFuture<TieConnection> personHoldings(Person person, @Arguments PageInput page,
			DataFetchingEnvironment env) {
		return load(env, FROM, person.id(), page, List.of(TieKind.OWNERSHIP));
	}

	@SchemaMapping(typeName = "Person")
	CompletableFuture<TieConnection> roles(Person person, @Arguments PageInput page, DataFetchingEnvironment env) {
		return load(env, FROM, person.id(), page, TieKind.ROLES);
	}

	@SchemaMapping(typeName = "Person", field = "ties")
	CompletableFuture<TieConnection> personTies(Person person, @Argument List<TieKind> kind, @Arguments PageInput page,
			DataFetchingEnvironment env) {
		return load(env, AT_EITHER_END, person.id(), page, kind == null ? List.of() : kind);
	}

	@SchemaMapping(typeName = "Organization")
	CompletableFuture<TieConnection> owners(Organization organization, @Arguments PageInput page,
			DataFetchingEnvironment env) {
		return load(env, TO, organization.id(), page, List.of(TieKind.OWNERSHIP));
	}

	@SchemaMapping(typeName = "Organization", field = "holdings")
	CompletableFuture<TieConnection> organizationHoldings(Organization organization, @Arguments PageInput page,
			DataFetchingEnvironment env) {
		return load(env, FROM, organization.id(), page, List.of(TieKind.OWNERSHIP));
	}

	@SchemaMapping(typeName = "Organization")
	CompletableFuture<TieConnection> people(Organization organization, @Arguments PageInput page,
			DataFetchingEnvironment env) {
		return load(env, TO, organization.id(), page, TieKind.PEOPLE);
	}

	@SchemaMapping(typeName = "Organization", field = "ties")
	CompletableFuture<TieConnection> organizationTies(Organization organization, @Argument List<TieKind> kind,
			@Arguments PageInput page, DataFetchingEnvironment env) {
		return load(env, AT_EITHER_END, organization.id(), page, kind == null ? List.of() : kind);
	}

	private CompletableFuture<TieConnection> load(DataFetchingEnvironment env, String name, String recordId,
			PageInput page, List<TieKind> kinds) {
		CompletableFuture<Connection<Tie>> ties = this.nested.load(env, name, recordId, page.args(),
				List.copyOf(kinds));
		return ties.thenApply(connection -> TieConnection.from(recordId, connection));
	}

}
