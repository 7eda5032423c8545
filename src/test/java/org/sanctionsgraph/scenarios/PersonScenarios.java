package org.sanctionsgraph.scenarios;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sanctionsgraph.scenarios.SeedExpectations.gid;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** People: the measures naming them and the people filters. */
public abstract class PersonScenarios extends Scenario {

	@Test
	void peopleAndTheMeasuresNamingThem() {
		this.graphQl.documentName("personMeasures")
			.variable("id", gid("Person", Fixtures.PERSON))
			.execute()
			.path("person.measures.edges[*].node.id")
			.entityList(String.class)
			.containsExactly(gid("Measure", "fixture-sanction-1"))
			.path("person.measures.edges[0].node.targets[*].person.id")
			.entityList(String.class)
			.contains(gid("Person", Fixtures.PERSON));
	}

	@Test
	void peopleFilters() {
		assertThat(people(Map.of("nationality", "BY"))).containsExactly("Alyaksandr Lukashenka", "Raman Pratasevich");
		assertThat(people(Map.of("holdsPosition", true))).containsExactly("Alyaksandr Lukashenka", "Vladimir Putin");
		// Lukashenka himself is named by the UK's, Canada's, the Baltic states' and the
		// EU's
		// measures
		assertThat(people(Map.of("sanctioned", true))).containsExactly("Alyaksandr Lukashenka", "Fixture Person");
		assertThat(people(Map.of("sanctioned", false, "nationality", "RU"))).containsExactly("Sofia Sapega",
				"Vladimir Putin");
	}

	private List<String> people(Map<String, Object> filter) {
		return this.graphQl.documentName("people")
			.variable("filter", filter)
			.execute()
			.path("people.edges[*].node.name")
			.entityList(String.class)
			.get();
	}

}
