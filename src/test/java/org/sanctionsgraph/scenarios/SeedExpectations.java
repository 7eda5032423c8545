package org.sanctionsgraph.scenarios;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.sanctionsgraph.graphql.GlobalId;

/**
 * Turns a record of the seed file into the response the SeedRecord query must give for
 * it, so the test compares every stored fact with what the API returns.
 */
final class SeedExpectations {

	/** Seed-file section, the GraphQL type of its records and the global-id type. */
	static final Map<String, String> SECTION_TYPES = Map.of("sources", "Source", "parties", "Party", "people", "Person",
			"organizations", "Organization", "programs", "Program", "events", "Event", "measures", "Measure",
			"memberships", "Membership");

	private SeedExpectations() {
	}

	static String gid(String type, String key) {
		return GlobalId.encode(type, key);
	}

	@SuppressWarnings("unchecked")
	static Map<String, Object> expected(String type, Map<String, Object> seed, Map<String, Object> story) {
		Map<String, Object> e = new LinkedHashMap<>();
		e.put("id", gid(type, (String) seed.get("id")));
		switch (type) {
			case "Party" -> {
				copy(e, seed, "code", "name", "kind", "description");
				e.put("aliases", aliases(seed));
				e.put("citations", citations(seed));
			}
			case "Person" -> {
				copy(e, seed, "name", "firstName", "lastName", "description");
				e.put("aliases", aliases(seed));
				e.put("nationalities", refs("Party", seed.get("nationalityIds")));
				List<Map<String, Object>> positions = new ArrayList<>();
				for (Map<String, Object> p : (List<Map<String, Object>>) seed.getOrDefault("positions", List.of())) {
					Map<String, Object> position = new LinkedHashMap<>();
					position.put("title", p.get("title"));
					position.put("country", ref("Party", p.get("countryId")));
					position.put("start", date(p.get("start")));
					position.put("end", date(p.get("end")));
					position.put("note", p.get("note"));
					positions.add(position);
				}
				e.put("positions", positions);
				e.put("citations", citations(seed));
			}
			case "Organization" -> {
				copy(e, seed, "name", "kind", "description");
				e.put("aliases", aliases(seed));
				e.put("country", ref("Party", seed.get("countryId")));
				e.put("citations", citations(seed));
			}
			case "Program" -> {
				copy(e, seed, "name", "kind", "description");
				e.put("aliases", aliases(seed));
				e.put("established", date(seed.get("established")));
				e.put("administrators", refs("Party", seed.get("administratorIds")));
				e.put("citations", citations(seed));
			}
			case "Event" -> {
				copy(e, seed, "kind", "name", "description", "location");
				e.put("date", date(seed.get("date")));
				e.put("endDate", date(seed.get("endDate")));
				e.put("parties", refs("Party", seed.get("partyIds")));
				e.put("people", refs("Person", seed.get("personIds")));
				e.put("organizations", refs("Organization", seed.get("organizationIds")));
				e.put("concerns", refs("Measure", seed.get("concernsMeasureIds")));
				e.put("citations", citations(seed));
			}
			case "Measure" -> {
				copy(e, seed, "kind", "title", "description", "legalBasis", "reason", "endReason");
				e.put("__typename", "SANCTION".equals(seed.get("kind")) ? "Sanction" : "Countermeasure");
				e.put("measureTypes", seed.getOrDefault("measureTypes", List.of()));
				e.put("imposers", refs("Party", seed.get("imposerIds")));
				List<Map<String, Object>> targets = new ArrayList<>();
				for (Map<String, Object> t : (List<Map<String, Object>>) seed.getOrDefault("targets", List.of())) {
					Map<String, Object> target = new LinkedHashMap<>();
					target.put("kind", t.get("kind"));
					target.put("party", ref("Party", t.get("partyId")));
					target.put("person", ref("Person", t.get("personId")));
					target.put("organization", ref("Organization", t.get("organizationId")));
					target.put("description", t.get("description"));
					Object country = t.get("countryId") != null ? t.get("countryId") : t.get("partyId");
					target.put("country", ref("Party", country));
					targets.add(target);
				}
				e.put("targets", targets);
				e.put("program", ref("Program", seed.get("programId")));
				e.put("triggeredBy", refs("Event", seed.get("triggeringEventIds")));
				e.put("respondsTo", refs("Measure", seed.get("respondsToIds")));
				Map<String, Object> change = (Map<String, Object>) seed.get("membershipChange");
				e.put("affectedMemberships",
						change == null ? List.of() : List.of(ref("Membership", change.get("membershipId"))));
				for (String date : List.of("announced", "listed", "inForce", "ended")) {
					e.put(date, date(seed.get(date)));
				}
				e.put("citations", citations(seed));
			}
			case "Membership" -> {
				e.put("member", ref("Party", seed.get("memberId")));
				e.put("program", ref("Program", seed.get("programId")));
				List<Map<String, Object>> history = new ArrayList<>();
				List<Map<String, Object>> periods = new ArrayList<>((List<Map<String, Object>>) seed.get("history"));
				// periods brought by measures that changed this membership
				for (Map<String, Object> measure : (List<Map<String, Object>>) story.get("measures")) {
					Map<String, Object> change = (Map<String, Object>) measure.get("membershipChange");
					if (change != null && seed.get("id").equals(change.get("membershipId"))) {
						Map<String, Object> period = new LinkedHashMap<>(change);
						period.put("causeMeasureId", measure.get("id"));
						period.put("citations", measure.get("citations"));
						periods.add(period);
					}
				}
				periods.sort(Comparator.comparing(p -> (String) p.get("from")));
				for (Map<String, Object> p : periods) {
					Map<String, Object> period = new LinkedHashMap<>();
					period.put("status", p.get("status"));
					period.put("from", date(p.get("from")));
					period.put("cause", ref("Measure", p.get("causeMeasureId")));
					period.put("note", p.get("note"));
					period.put("citations", citations(p));
					history.add(period);
				}
				e.put("history", history);
				e.put("citations", citations(seed));
			}
			case "Source" -> {
				copy(e, seed, "kind", "title", "publisher", "url", "description");
				e.put("published", date(seed.get("published")));
			}
			default -> throw new IllegalArgumentException(type);
		}
		return e;
	}

	private static void copy(Map<String, Object> e, Map<String, Object> seed, String... keys) {
		for (String key : keys) {
			e.put(key, seed.get(key));
		}
	}

	@SuppressWarnings("unchecked")
	private static List<Map<String, Object>> aliases(Map<String, Object> seed) {
		List<Map<String, Object>> aliases = new ArrayList<>();
		for (Map<String, Object> a : (List<Map<String, Object>>) seed.getOrDefault("aliases", List.of())) {
			Map<String, Object> alias = new LinkedHashMap<>();
			alias.put("value", a.get("value"));
			alias.put("lang", a.get("lang"));
			aliases.add(alias);
		}
		return aliases;
	}

	@SuppressWarnings("unchecked")
	private static List<Map<String, Object>> citations(Map<String, Object> seed) {
		List<Map<String, Object>> citations = new ArrayList<>();
		for (Map<String, Object> c : (List<Map<String, Object>>) seed.getOrDefault("citations", List.of())) {
			Map<String, Object> citation = new LinkedHashMap<>();
			citation.put("source", ref("Source", c.get("sourceId")));
			citation.put("quote", c.get("quote"));
			citation.put("note", c.get("note"));
			citations.add(citation);
		}
		return citations;
	}

	private static Map<String, Object> date(Object value) {
		return value == null ? null : Map.of("value", value);
	}

	private static Map<String, Object> ref(String type, Object key) {
		return key == null ? null : Map.of("id", gid(type, (String) key));
	}

	@SuppressWarnings("unchecked")
	private static List<Map<String, Object>> refs(String type, Object keys) {
		return keys == null ? List.of() : ((List<String>) keys).stream().map(key -> ref(type, key)).toList();
	}

}
