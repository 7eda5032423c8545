package org.sanctionsgraph.measure;

import java.util.List;

import org.sanctionsgraph.person.SanctionedPeople;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * The people sanctions target, for the people filter (one distinct query over the indexed
 * targets).
 */
@Component
class SanctionTargets implements SanctionedPeople {

	private final MongoTemplate mongo;

	SanctionTargets(MongoTemplate mongo) {
		this.mongo = mongo;
	}

	@Override
	public List<String> ids() {
		return this.mongo.findDistinct(Query.query(Criteria.where("kind").is(MeasureKind.SANCTION.name())),
				"targetPersonIds", Measure.class, String.class);
	}

}
