package org.sanctionsgraph.scenarios;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sanctionsgraph.scenarios.SeedExpectations.gid;

import java.util.Map;

import org.junit.jupiter.api.Test;

/** Events: the measures they triggered, the people involved and the event filters. */
public abstract class EventScenarios extends Scenario {

	@Test
	void eventsAndTheMeasuresTheyTriggered() {
		this.graphQl.documentName("eventDetail")
			.variable("id", gid("Event", "ev-flight-diversion"))
			.execute()
			.path("event.measures.edges[*].node.id")
			.entityList(String.class)
			.containsExactly(gid("Measure", "m-us-soe-2021"), gid("Measure", "m-eu-listings-2021-06"),
					gid("Measure", "m-eu-sectoral-2021"))
			.path("event.people[*].name")
			.entityList(String.class)
			.containsExactly("Raman Pratasevich", "Sofia Sapega")
			.path("event.people[0].events.edges[*].node.id")
			.entityList(String.class)
			.containsExactly(gid("Event", "ev-arrests"), gid("Event", "ev-flight-diversion"));
		this.graphQl.documentName("eventDetail")
			.variable("id", gid("Event", "ev-putin-pledge"))
			.execute()
			.path("event.concerns[*].title")
			.entityList(String.class)
			.containsExactly("EU sectoral sanctions on Belarus");
	}

	@Test
	void eventFilters() {
		this.graphQl.documentName("events")
			.variable("filter", Map.of("party", "BY", "from", "2021-01-01", "to", "2021-06-30"))
			.execute()
			.path("events.edges[*].node.name")
			.entityList(String.class)
			.containsExactly("Arrest of Raman Pratasevich and Sofia Sapega",
					"Forced landing of a Ryanair flight in Minsk");
		this.graphQl.documentName("events")
			.variable("filter", Map.of("kind", "ELECTION"))
			.execute()
			.path("events.edges[*].node.date.value")
			.entityList(String.class)
			.containsExactly("2020-08-09");
	}

}
