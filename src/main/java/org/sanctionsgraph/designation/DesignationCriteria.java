package org.sanctionsgraph.designation;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.sanctionsgraph.graphql.BadArgumentException;
import org.sanctionsgraph.graphql.GlobalId;
import org.sanctionsgraph.measure.Measure;
import org.sanctionsgraph.measure.MeasureCriteria;
import org.sanctionsgraph.paging.Pager;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/** Builds the MongoDB criteria for a {@link DesignationFilter}. */
@Component
class DesignationCriteria {

	private final MongoTemplate mongo;

	DesignationCriteria(MongoTemplate mongo) {
		this.mongo = mongo;
	}

	Criteria of(DesignationFilter filter) {
		if (filter == null) {
			return null;
		}
		List<Criteria> all = new ArrayList<>();
		if (filter.measure() != null) {
			all.add(Criteria.where("measureId").is(GlobalId.decode("filter.measure", filter.measure(), "Measure")));
		}
		if (filter.target() != null) {
			all.add(Criteria.where(targetField(filter.target()))
				.is(GlobalId.decode("filter.target", filter.target()).key()));
		}
		if (filter.inForceOn() != null) {
			all.addAll(inForceOn(filter.inForceOn(), Pager.allOf(List.copyOf(all))));
		}
		return Pager.allOf(all);
	}

	/** The designation's field holding targets of the kind a global id names. */
	static String targetField(String id) {
		GlobalId target = GlobalId.decode("filter.target", id);
		return switch (target.type()) {
			case "Person" -> SanctionCoverage.PEOPLE;
			case "Organization" -> SanctionCoverage.ORGANIZATIONS;
			case "Party" -> "targetPartyIds";
			default -> throw new BadArgumentException("filter.target",
					"refers to a " + target.type() + "; expected a Person, Organization or Party id");
		};
	}

	/**
	 * Listed on or before the day and not delisted by then, under a measure in force that
	 * day (its measures are looked up among those of the designations the other
	 * conditions leave).
	 */
	private List<Criteria> inForceOn(LocalDate day, Criteria others) {
		String d = day.toString();
		Criteria listed = new Criteria().andOperator(Criteria.where("startDay").lte(d),
				new Criteria().orOperator(Criteria.where("endDay").is(null), Criteria.where("endDay").gte(d)));
		Query candidates = Query.query(others == null ? listed : new Criteria().andOperator(others, listed));
		List<String> measureIds = this.mongo.findDistinct(candidates, "measureId", Designation.class, String.class);
		List<Criteria> measureInForce = new ArrayList<>(MeasureCriteria.inForceOn(day));
		measureInForce.add(Criteria.where("_id").in(measureIds));
		List<String> inForce = this.mongo.findDistinct(Query.query(Pager.allOf(measureInForce)), "_id", Measure.class,
				String.class);
		return List.of(listed, Criteria.where("measureId").in(inForce));
	}

}
