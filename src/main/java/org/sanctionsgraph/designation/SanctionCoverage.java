package org.sanctionsgraph.designation;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.bson.Document;
import org.sanctionsgraph.measure.Measure;
import org.sanctionsgraph.measure.MeasureCriteria;
import org.sanctionsgraph.measure.MeasureKind;
import org.sanctionsgraph.measure.TargetListings;
import org.sanctionsgraph.paging.Pager;
import org.sanctionsgraph.person.SanctionedPeople;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * Who is sanctioned on a day, and which measures applied to a target on a day: a person
 * or organisation is when a sanction in force that day covers them. A sanction covers a
 * target it names directly unless it also holds designations of that target, in which
 * case the designations' own dates decide (listed on or before the day, not delisted by
 * then); a designation under a sanction covers its target even when the sanction's
 * targets do not name it. Without a day, any sanction or designation ever recorded
 * counts.
 *
 * <p>
 * Designations are few next to measures, so they are read whole (their dates only); the
 * measures are asked only for distinct ids, and read one by one only for the targets
 * whose designations could take a direct listing away.
 */
@Component
class SanctionCoverage implements SanctionedPeople, TargetListings {

	/** The measures' and designations' field holding person targets. */
	static final String PEOPLE = "targetPersonIds";

	/** The measures' and designations' field holding organisation targets. */
	static final String ORGANIZATIONS = "targetOrganizationIds";

	private final MongoTemplate mongo;

	SanctionCoverage(MongoTemplate mongo) {
		this.mongo = mongo;
	}

	@Override
	public List<String> ids(LocalDate on, List<String> imposerIds) {
		return List.copyOf(covered(PEOPLE, null, on, imposerIds));
	}

	@Override
	public List<String> lapsedOn(String field, String key, LocalDate day) {
		Map<String, Boolean> applies = new HashMap<>();
		Query designations = Query.query(Criteria.where(field).is(key));
		designations.fields().include("measureId", "startDay", "endDay");
		for (Document doc : this.mongo.find(designations, Document.class,
				this.mongo.getCollectionName(Designation.class))) {
			applies.merge(doc.getString("measureId"),
					Designation.listedOn(doc.getString("startDay"), doc.getString("endDay"), day), Boolean::logicalOr);
		}
		return applies.entrySet().stream().filter(entry -> !entry.getValue()).map(Map.Entry::getKey).toList();
	}

	/**
	 * The targets (held in {@code field}) sanctions cover.
	 * @param among only these targets, or null for all
	 * @param day the day, or null for "ever"
	 * @param imposerIds only sanctions by these parties, or null for any
	 */
	Set<String> covered(String field, Collection<String> among, LocalDate day, List<String> imposerIds) {
		// (measure, target) -> whether a designation of the target under the measure
		// applies on the day
		Map<List<String>, Boolean> listings = new HashMap<>();
		Query designations = Query
			.query(among == null ? Criteria.where(field + ".0").exists(true) : Criteria.where(field).in(among));
		designations.fields().include("measureId", field, "startDay", "endDay");
		for (Document doc : this.mongo.find(designations, Document.class,
				this.mongo.getCollectionName(Designation.class))) {
			boolean applies = day == null
					|| Designation.listedOn(doc.getString("startDay"), doc.getString("endDay"), day);
			for (String target : doc.getList(field, String.class, List.of())) {
				listings.merge(List.of(doc.getString("measureId"), target), applies, Boolean::logicalOr);
			}
		}
		Set<String> covered = new HashSet<>();
		Set<String> designatedUnder = new HashSet<>();
		listings.keySet().forEach(pair -> designatedUnder.add(pair.get(0)));
		Set<String> sanctionsInForce = new HashSet<>(this.mongo.findDistinct(
				Query.query(sanctions(day, imposerIds, Criteria.where("_id").in(designatedUnder))), "_id",
				Measure.class, String.class));
		listings.forEach((pair, applies) -> {
			if (applies && sanctionsInForce.contains(pair.get(0))) {
				covered.add(pair.get(1));
			}
		});
		Criteria named = among == null ? null : Criteria.where(field).in(among);
		Set<String> direct = new HashSet<>(this.mongo.findDistinct(Query.query(sanctions(day, imposerIds, named)),
				field, Measure.class, String.class));
		if (among != null) {
			direct.retainAll(among);
		}
		// Targets some designation does not cover on the day: named directly, they are
		// covered only by a sanction that holds no designation of them.
		Set<String> doubtful = new HashSet<>();
		listings.forEach((pair, applies) -> {
			if (!applies && direct.contains(pair.get(1))) {
				doubtful.add(pair.get(1));
			}
		});
		direct.removeAll(doubtful);
		covered.addAll(direct);
		doubtful.removeAll(covered);
		if (!doubtful.isEmpty()) {
			Query named2 = Query.query(sanctions(day, imposerIds, Criteria.where(field).in(doubtful)));
			named2.fields().include(field);
			for (Document doc : this.mongo.find(named2, Document.class, this.mongo.getCollectionName(Measure.class))) {
				for (String target : doc.getList(field, String.class, List.of())) {
					if (doubtful.contains(target) && !listings.containsKey(List.of(doc.getString("_id"), target))) {
						covered.add(target);
					}
				}
			}
		}
		return covered;
	}

	/**
	 * Sanctions, by the imposers and in force on the day when given, and the extra
	 * condition.
	 */
	private static Criteria sanctions(LocalDate day, List<String> imposerIds, Criteria extra) {
		List<Criteria> all = new ArrayList<>();
		all.add(Criteria.where("kind").is(MeasureKind.SANCTION.name()));
		if (imposerIds != null) {
			all.add(Criteria.where("imposerIds").in(imposerIds));
		}
		if (day != null) {
			all.addAll(MeasureCriteria.inForceOn(day));
		}
		if (extra != null) {
			all.add(extra);
		}
		return Pager.allOf(all);
	}

}
