package org.sanctionsgraph.feed;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.graphql.test.tester.GraphQlTester;

/** Changes for the feed's tests to hear: small sanctions on Belarus, one call each. */
public final class FeedFixtures {

	private FeedFixtures() {
	}

	/**
	 * Records a sanction by the imposer against Belarus in force from the day (a day of
	 * its own per call keeps two measures from being duplicates); returns its id.
	 */
	public static String recordSanction(GraphQlTester tester, String imposer, String title, LocalDate inForce) {
		Map<String, Object> fields = new HashMap<>();
		fields.put("title", title);
		fields.put("imposedBy", List.of(imposer));
		fields.put("measureTypes", List.of("EXPORT_CONTROL"));
		fields.put("targets", List.of(Map.of("kind", "PARTY", "party", "BY")));
		fields.put("inForce", inForce.toString());
		return tester.documentName("recordSanction")
			.variable("fields", fields)
			.execute()
			.path("recordSanction.userErrors")
			.entityList(Object.class)
			.hasSize(0)
			.path("recordSanction.measure.id")
			.entity(String.class)
			.get();
	}

}
