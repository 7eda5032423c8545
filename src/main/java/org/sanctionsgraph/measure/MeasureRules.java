package org.sanctionsgraph.measure;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

import org.bson.Document;
import org.sanctionsgraph.graphql.GlobalId;
import org.sanctionsgraph.graphql.UserError;
import org.sanctionsgraph.graphql.UserErrorCode;
import org.sanctionsgraph.model.FuzzyDate;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * The rules a measure as a whole must keep, checked on the record that results from every
 * write (recording and amending alike), so no path can produce a measure that creation
 * would refuse.
 */
@Component
class MeasureRules {

	/**
	 * How many steps of "answers" are followed looking for a cycle; longer chains are not
	 * known.
	 */
	static final int CHAIN_MAX = 100;

	private static final String RESPONDS_TO = "input.fields.respondsTo";

	private final MongoTemplate mongo;

	MeasureRules(MongoTemplate mongo) {
		this.mongo = mongo;
	}

	/**
	 * Every problem with the measure as a whole; the duplicate check runs only when there
	 * is no other.
	 */
	List<UserError> check(Measure measure) {
		List<UserError> errors = new ArrayList<>();
		if (measure.kind() == MeasureKind.SANCTION) {
			if (!measure.respondsToIds().isEmpty()) {
				errors.add(UserError.of(RESPONDS_TO, UserErrorCode.INVALID,
						"a sanction answers no measure; record a countermeasure instead"));
			}
			if (measure.membershipChange() != null) {
				errors.add(UserError.of("input.fields.membershipChange", UserErrorCode.INVALID,
						"only a countermeasure changes a membership"));
			}
		}
		if (measure.kind() == MeasureKind.COUNTERMEASURE && measure.respondsToIds().isEmpty()) {
			errors.add(UserError.of(RESPONDS_TO, UserErrorCode.REQUIRED,
					"a countermeasure must answer at least one measure"));
		}
		if (measure.respondsToIds().contains(measure.id())) {
			errors.add(UserError.of(RESPONDS_TO, UserErrorCode.INVALID, "a countermeasure cannot answer itself"));
		}
		else if (measure.kind() == MeasureKind.COUNTERMEASURE && !measure.respondsToIds().isEmpty()) {
			answers(measure, errors);
		}
		if (measure.startDay() != null && measure.endDay() != null
				&& measure.endDay().compareTo(measure.startDay()) < 0) {
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

	/**
	 * The rules about what a measure answers: it does not start before a measure it
	 * answers is first known, and following "answers" from it never leads back to it.
	 */
	private void answers(Measure measure, List<UserError> errors) {
		List<Measure> answered = this.mongo.find(Query.query(Criteria.where("_id").in(measure.respondsToIds())),
				Measure.class);
		FuzzyDate start = measure.start();
		for (Measure other : answered) {
			LocalDate known = firstKnown(other);
			if (start != null && known != null && start.latest().isBefore(known)) {
				errors.add(UserError.of(RESPONDS_TO, UserErrorCode.INVALID,
						"the countermeasure starts (" + start.value() + ") before "
								+ GlobalId.encode("Measure", other.id()) + ", which it answers, was first known ("
								+ known + ")"));
			}
		}
		String cycle = cycleThrough(measure.id(), answered);
		if (cycle != null) {
			errors.add(UserError.of(RESPONDS_TO, UserErrorCode.INVALID, "answering " + GlobalId.encode("Measure", cycle)
					+ " would make a cycle: it answers this measure, directly or through others"));
		}
	}

	/**
	 * The earliest day a measure is known by: announced, listed or in force, whichever
	 * came first.
	 */
	private static LocalDate firstKnown(Measure measure) {
		return Stream.of(measure.announced(), measure.listed(), measure.inForce())
			.filter(Objects::nonNull)
			.map(FuzzyDate::earliest)
			.min(LocalDate::compareTo)
			.orElse(null);
	}

	/**
	 * The answered measure from which "answers" leads back to {@code id}, or null.
	 * Follows the chains of all answered measures together, one query per level reading
	 * only the ids, at most {@link #CHAIN_MAX} levels deep.
	 */
	private String cycleThrough(String id, List<Measure> answered) {
		if (!this.mongo.exists(Query.query(Criteria.where("respondsToIds").is(id)), Measure.class)) {
			return null; // nothing answers this measure (a new one, say), so no chain can
							// lead back to it
		}
		Map<String, String> origin = new HashMap<>();
		for (Measure first : answered) {
			origin.putIfAbsent(first.id(), first.id());
		}
		Map<String, String> level = new LinkedHashMap<>();
		for (Measure first : answered) {
			first.respondsToIds().forEach(next -> level.putIfAbsent(next, first.id()));
		}
		for (int depth = 0; depth < CHAIN_MAX && !level.isEmpty(); depth++) {
			if (level.containsKey(id)) {
				return level.get(id);
			}
			level.keySet().removeAll(origin.keySet());
			origin.putAll(level);
			Query next = Query.query(Criteria.where("_id").in(level.keySet()));
			next.fields().include("respondsToIds");
			Map<String, String> following = new LinkedHashMap<>();
			for (Document doc : this.mongo.find(next, Document.class, this.mongo.getCollectionName(Measure.class))) {
				String from = level.get(doc.getString("_id"));
				doc.getList("respondsToIds", String.class, List.of()).forEach(m -> following.putIfAbsent(m, from));
			}
			following.keySet().removeAll(origin.keySet());
			level.clear();
			level.putAll(following);
		}
		return null;
	}

	/**
	 * Another measure of the same kind, imposers, targets and types starting the same
	 * day.
	 */
	private Measure duplicateOf(Measure measure) {
		if (measure.duplicateKey() == null) {
			return null;
		}
		// Read by the indexed fields rather than the key alone, so measures stored before
		// the key
		// existed are found too; the key then decides, as the unique index does.
		Query sameStart = Query.query(Criteria.where("kind")
			.is(measure.kind().name())
			.and("sortKey")
			.is(measure.startDay())
			.and("imposerIds")
			.in(measure.imposerIds())
			.and("_id")
			.ne(measure.id()));
		for (Measure other : this.mongo.find(sameStart, Measure.class)) {
			if (measure.duplicateKey().equals(other.duplicateKey())) {
				return other;
			}
		}
		return null;
	}

}
