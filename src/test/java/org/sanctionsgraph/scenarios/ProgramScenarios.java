package org.sanctionsgraph.scenarios;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sanctionsgraph.scenarios.SeedExpectations.gid;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * Programmes and memberships: the story's, statuses over time, and writes that change
 * them.
 */
public abstract class ProgramScenarios extends Scenario {

	@Test
	void programsTheirMembershipsAndMeasures() {
		this.graphQl.documentName("programDetail")
			.variable("id", gid("Program", "eastern-partnership"))
			.execute()
			.path("program.memberships.edges[*].node.member.code")
			.entityList(String.class)
			.containsExactly("BY")
			.path("program.memberships.edges[0].node.status")
			.entity(String.class)
			.isEqualTo("SUSPENDED")
			.path("program.memberships.edges[0].node.program.id")
			.entity(String.class)
			.isEqualTo(gid("Program", "eastern-partnership"));
		this.graphQl.documentName("programDetail")
			.variable("id", gid("Program", "eu-belarus-regime"))
			.execute()
			.path("program.measures.edges[*].node.program.id")
			.entityList(String.class)
			.satisfies(list -> assertThat(list).containsOnly(gid("Program", "eu-belarus-regime")))
			.hasSize(5)
			.path("program.measures.edges[*].node.title")
			.entityList(String.class)
			.containsExactly("EU listings over the Belarusian election, first round: officials",
					"EU listings over the Belarusian election, second round: Lukashenka and his inner circle",
					"EU listings over the Belarusian election, third round: the first organisations",
					"EU listings after the forced landing of the Ryanair flight", "EU sectoral sanctions on Belarus");
	}

	@Test
	void membershipStatusFlipsWhenBelarusSuspendsItsParticipation() {
		String query = "{ node(id: \"%s\") { ... on Membership { before: status(on: \"2021-06-27\") after: status(on: \"2021-06-28\") prehistory: status(on: \"2009-05-06\") } } }"
			.formatted(gid("Membership", "mem-by-eastern-partnership"));
		this.graphQl.document(query)
			.execute()
			.path("node.before")
			.entity(String.class)
			.isEqualTo("ACTIVE")
			.path("node.after")
			.entity(String.class)
			.isEqualTo("SUSPENDED")
			.path("node.prehistory")
			.valueIsNull();
	}

	@Test
	void programmeWritesShowAtOnceThoughProgrammesAreCached() {
		String program = analyst().documentName("recordProgram")
			.variable("fields", Map.of("name", "Cached Regime " + unique(), "kind", "SANCTIONS_REGIME"))
			.execute()
			.path("recordProgram.program.id")
			.entity(String.class)
			.get();
		Map<String, Object> fields = sanction("Under a cached regime", "2022-03-17");
		fields.put("program", program);
		String measure = analyst().documentName("recordSanction")
			.variable("fields", fields)
			.execute()
			.path("recordSanction.measure.id")
			.entity(String.class)
			.get();
		String read = "query($id: ID!) { measure(id: $id) { program { name } } }";
		this.graphQl.document(read)
			.variable("id", measure)
			.execute()
			.path("measure.program.name")
			.entity(String.class)
			.satisfies(name -> assertThat(name).startsWith("Cached Regime"));
		analyst().document("""
				mutation($id: ID!) { amendProgram(input: { id: $id, revision: 1, fields: { name: "Renamed Regime" } }) {
				  program { name } userErrors { message } } }""")
			.variable("id", program)
			.execute()
			.path("amendProgram.program.name")
			.entity(String.class)
			.isEqualTo("Renamed Regime");
		this.graphQl.document(read)
			.variable("id", measure)
			.execute()
			.path("measure.program.name")
			.entity(String.class)
			.isEqualTo("Renamed Regime");
	}

	@Test
	void aCountermeasureThatSuspendsAMembershipChangesItsStatusInTheSameWrite() {
		String program = analyst().documentName("recordProgram")
			.variable("fields",
					Map.of("name", "Test Partnership " + unique(), "kind", "PARTNERSHIP", "administrators",
							List.of(imposer())))
			.execute()
			.path("recordProgram.program.id")
			.entity(String.class)
			.get();
		String membership = analyst().documentName("recordMembership")
			.variable("member", target())
			.variable("program", program)
			.variable("status", "ACTIVE")
			.variable("from", "2015")
			.execute()
			.path("recordMembership.membership.status")
			.entity(String.class)
			.isEqualTo("ACTIVE")
			.path("recordMembership.membership.id")
			.entity(String.class)
			.get();
		Map<String, Object> fields = countermeasure("The target bloc suspends its part in the test partnership",
				"2022-02-01");
		fields.put("membershipChange", Map.of("membership", membership, "status", "SUSPENDED"));
		analyst().documentName("recordCountermeasure")
			.variable("fields", fields)
			.execute()
			.path("recordCountermeasure.userErrors")
			.entityList(Object.class)
			.hasSize(0)
			.path("recordCountermeasure.measure.__typename")
			.entity(String.class)
			.isEqualTo("Countermeasure")
			.path("recordCountermeasure.measure.respondsTo[0].id")
			.entity(String.class)
			.isEqualTo(answered())
			.path("recordCountermeasure.measure.affectedMemberships[0].status")
			.entity(String.class)
			.isEqualTo("SUSPENDED");
		this.graphQl.documentName("membershipStatus")
			.variable("id", membership)
			.variable("on", "2022-01-31")
			.execute()
			.path("node.status")
			.entity(String.class)
			.isEqualTo("ACTIVE")
			.path("node.history[*].status")
			.entityList(String.class)
			.containsExactly("ACTIVE", "SUSPENDED")
			.path("node.history[1].from.value")
			.entity(String.class)
			.isEqualTo("2022-02-01");
	}

	@Test
	void changingAMembershipStatusDirectly() {
		String member = recordBloc("Withdrawing Bloc");
		String program = analyst().documentName("recordProgram")
			.variable("fields", Map.of("name", "Another Partnership " + unique(), "kind", "PARTNERSHIP"))
			.execute()
			.path("recordProgram.program.id")
			.entity(String.class)
			.get();
		String membership = analyst().documentName("recordMembership")
			.variable("member", member)
			.variable("program", program)
			.variable("status", "ACTIVE")
			.variable("from", "2010-01")
			.execute()
			.path("recordMembership.membership.id")
			.entity(String.class)
			.get();
		analyst()
			.document(
					"""
							mutation($id: ID!) { changeMembershipStatus(input: { id: $id, revision: 1, status: WITHDRAWN, from: "2020-06-15" }) {
							  membership { revision } userErrors { code } } }""")
			.variable("id", membership)
			.execute()
			.path("changeMembershipStatus.membership.revision")
			.entity(Integer.class)
			.isEqualTo(2);
		this.graphQl.documentName("membershipStatus")
			.variable("id", membership)
			.variable("on", "2020-06-15")
			.execute()
			.path("node.status")
			.entity(String.class)
			.isEqualTo("WITHDRAWN")
			.path("node.changes.edges[*].node.operation")
			.entityList(String.class)
			.containsExactly("recordMembership", "changeMembershipStatus");
		// the same party cannot be recorded twice in one programme
		analyst().documentName("recordMembership")
			.variable("member", member)
			.variable("program", program)
			.variable("status", "ACTIVE")
			.variable("from", "2021")
			.execute()
			.path("recordMembership.userErrors[0].code")
			.entity(String.class)
			.isEqualTo("DUPLICATE");
	}

}
