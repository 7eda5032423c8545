package org.sanctionsgraph.program;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import graphql.schema.DataFetchingEnvironment;
import graphql.schema.DataFetchingFieldSelectionSet;
import org.sanctionsgraph.graphql.GlobalId;
import org.sanctionsgraph.paging.Connection;
import org.sanctionsgraph.paging.NestedPages;
import org.sanctionsgraph.paging.PageInput;
import org.sanctionsgraph.paging.Pager;
import org.sanctionsgraph.party.Party;

import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.Arguments;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

/**
 * Programmes and unions, and their members (a membership's status over time is the
 * measure feature's).
 */
@Controller
class ProgramController {

	private static final String MEMBERSHIPS = "Program.memberships";

	private static final String PARTY_MEMBERSHIPS = "Party.memberships";

	private final Pager pager;

	private final NestedPages nested;

	ProgramController(Pager pager, NestedPages nested) {
		this.pager = pager;
		this.nested = nested;
		nested.register(MEMBERSHIPS, Membership.class, "programId");
		nested.register(PARTY_MEMBERSHIPS, Membership.class, "memberId");
	}

	@QueryMapping
	Program program(@Argument String id) {
		return this.pager.byId(Program.class, GlobalId.decode("id", id, "Program"));
	}

	@QueryMapping
	Connection<Program> programs(@Argument ProgramKind kind, @Argument String code, @Arguments PageInput page,
			DataFetchingFieldSelectionSet selection) {
		List<Criteria> all = new ArrayList<>();
		if (kind != null) {
			all.add(Criteria.where("kind").is(kind.name()));
		}
		if (code != null) {
			all.add(Criteria.where("code").is(code.strip().toUpperCase(Locale.ROOT)));
		}
		Criteria filter = Pager.allOf(all);
		return this.pager.page(Program.class, filter, page.args(), selection.contains("totalCount"));
	}

	@SchemaMapping
	CompletableFuture<Connection<Membership>> memberships(Program program, @Arguments PageInput page,
			DataFetchingEnvironment env) {
		return this.nested.load(env, MEMBERSHIPS, program.id(), page.args(), null);
	}

	@SchemaMapping(typeName = "Party", field = "memberships")
	CompletableFuture<Connection<Membership>> partyMemberships(Party party, @Arguments PageInput page,
			DataFetchingEnvironment env) {
		return this.nested.load(env, PARTY_MEMBERSHIPS, party.id(), page.args(), null);
	}

	@BatchMapping
	Map<Program, List<Party>> administrators(List<Program> programs) {
		return this.pager.many(programs, Program::administratorIds, Party.class);
	}

	@BatchMapping
	Map<Program, Party> authority(List<Program> programs) {
		return this.pager.one(programs, Program::authorityId, Party.class);
	}

	@BatchMapping
	Map<Membership, Party> member(List<Membership> memberships) {
		return this.pager.one(memberships, Membership::memberId, Party.class);
	}

	@BatchMapping(field = "program")
	Map<Membership, Program> membershipProgram(List<Membership> memberships) {
		return this.pager.one(memberships, Membership::programId, Program.class);
	}

}
