package org.sanctionsgraph.ftm;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.bson.Document;
import org.sanctionsgraph.designation.Designation;
import org.sanctionsgraph.event.Event;
import org.sanctionsgraph.measure.Measure;
import org.sanctionsgraph.measure.MeasureKind;
import org.sanctionsgraph.program.Membership;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/**
 * What the store holds that no FtM schema carries, counted, so an export can say what it
 * left out (the {@value #HEADER} header and the log): countermeasures, their
 * {@code respondsTo} links, sanctions with no designation (a measure reaches FtM only
 * through its designations, as Sanction entities), designations of a party (FtM lists
 * people and organisations), events and programme memberships.
 */
final class NotCarried {

	static final String HEADER = "X-FtM-Not-Carried";

	private NotCarried() {
	}

	/** The counts, in a fixed order. */
	static Map<String, Long> count(MongoTemplate mongo) {
		String measures = mongo.getCollectionName(Measure.class);
		long countermeasures = 0;
		long links = 0;
		long undesignated = 0;
		Set<Object> designated = new HashSet<>(
				mongo.findDistinct(new Query(), "measureId", Designation.class, String.class));
		Document fields = new Document("kind", 1).append("respondsToIds", 1);
		for (Document measure : mongo.getCollection(measures).find().projection(fields)) {
			links += measure.getList("respondsToIds", String.class, List.of()).size();
			if (MeasureKind.COUNTERMEASURE.name().equals(measure.getString("kind"))) {
				countermeasures++;
			}
			else {
				undesignated += designated.contains(measure.getString("_id")) ? 0 : 1;
			}
		}
		Map<String, Long> counts = new LinkedHashMap<>();
		counts.put("countermeasures", countermeasures);
		counts.put("respondsTo", links);
		counts.put("sanctionsWithoutDesignations", undesignated);
		counts.put("partyDesignations",
				mongo.count(Query.query(Criteria.where("targetPartyIds.0").exists(true)), Designation.class));
		counts.put("events", mongo.count(new Query(), Event.class));
		counts.put("memberships", mongo.count(new Query(), Membership.class));
		return counts;
	}

	/**
	 * The counts as the header gives them: {@code countermeasures=3, respondsTo=3, ...}.
	 */
	static String header(Map<String, Long> counts) {
		return counts.entrySet()
			.stream()
			.map(entry -> entry.getKey() + "=" + entry.getValue())
			.collect(Collectors.joining(", "));
	}

}
