package org.sanctionsgraph.measure;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.sanctionsgraph.graphql.GlobalId;
import org.sanctionsgraph.graphql.UserError;
import org.sanctionsgraph.graphql.UserErrorCode;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/** The rules a measure as a whole must keep, checked on the record that results from every write. */
@Component
class MeasureRules {

	private final MongoTemplate mongo;

	MeasureRules(MongoTemplate mongo) {
		this.mongo = mongo;
	}

	/** Every problem with the measure as a whole; the duplicate check runs only when there is no other. */
	List<UserError> check(Measure measure) {
		List<UserError> errors = new ArrayList<>();
		if (measure.kind() == MeasureKind.COUNTERMEASURE && measure.respondsToIds().isEmpty()) {
			errors.add(UserError.of("input.fields.respondsTo", UserErrorCode.REQUIRED,
					"a countermeasure must answer at least one measure"));
		}
		if (measure.respondsToIds().contains(measure.id())) {
			errors.add(UserError.of("input.fields.respondsTo", UserErrorCode.INVALID,
					"a countermeasure cannot answer itself"));
		}
		if (measure.startDay() != null && measure.endDay() != null && measure.endDay().compareTo(measure.startDay()) < 0) {
			errors.add(UserError.of("input.ended", UserErrorCode.INVALID,
					"the end (" + measure.ended().value() + ") is before the start (" + measure.startDay() + ")"));
		}
		if (measure.membershipChange() != null && measure.membershipChange().from() == null) {
			if (measure.start() == null) {
				errors.add(UserError.of("input.fields.membershipChange.from", UserErrorCode.REQUIRED,
						"give the date of the change, or a date for the measure"));
			}
		}
		if (errors.isEmpty()) {
			Measure duplicate = duplicateOf(measure);
			if (duplicate != null) {
				errors.add(new UserError("input.fields", "the same measure is already recorded",
						UserErrorCode.DUPLICATE, GlobalId.encode("Measure", duplicate.id()), null));
			}
		}
		return errors;
	}

	/** Another measure of the same kind, imposers, targets and types starting the same day. */
	private Measure duplicateOf(Measure measure) {
		if (measure.startDay() == null) {
			return null;
		}
		Query sameStart = Query.query(Criteria.where("kind")
			.is(measure.kind().name())
			.and("sortKey")
			.is(measure.startDay())
			.and("imposerIds")
			.in(measure.imposerIds())
			.and("_id")
			.ne(measure.id()));
		for (Measure other : this.mongo.find(sameStart, Measure.class)) {
			if (Set.copyOf(other.imposerIds()).equals(Set.copyOf(measure.imposerIds()))
					&& new HashSet<>(other.targets()).equals(new HashSet<>(measure.targets()))
					&& Set.copyOf(other.measureTypes()).equals(Set.copyOf(measure.measureTypes()))) {
				return other;
			}
		}
		return null;
	}

}
