package org.sanctionsgraph.scenarios;

import static org.sanctionsgraph.scenarios.SeedExpectations.gid;

import org.junit.jupiter.api.Test;

/** Organisations: by country, with the measures naming them. */
public abstract class OrganizationScenarios extends Scenario {

	@Test
	void organizationsAndTheMeasuresNamingThem() {
		this.graphQl.documentName("organizations")
			.variable("country", "KP")
			.execute()
			.path("organizations.edges[*].node.name")
			.entityList(String.class)
			.containsExactly("Fixture Trading LLC")
			.path("organizations.edges[0].node.measures.edges[*].node.id")
			.entityList(String.class)
			.containsExactly(gid("Measure", "fixture-sanction-2"));
	}

}
