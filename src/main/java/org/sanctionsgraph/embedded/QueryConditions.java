package org.sanctionsgraph.embedded;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import de.bwaldvogel.mongo.bson.BsonRegularExpression;
import de.bwaldvogel.mongo.bson.Document;

/**
 * The part of a query an index can serve: what it fixes or bounds per field, read from
 * its top level and from {@code $and}, and the {@code $or} lists found there (each branch
 * of which must hold together with the rest). Anything else is left to matching, which
 * always sees the whole query.
 */
final class QueryConditions {

	/** What the query says about one field: values it must equal (any of), and bounds. */
	static final class Condition {

		List<Object> equal;

		Object lower;

		boolean lowerInclusive;

		Object upper;

		boolean upperInclusive;

		/**
		 * Whether the field must hold a value ({@code $ne: null}): the field present and
		 * not null.
		 */
		boolean notNull;

		boolean bounded() {
			return this.lower != null || this.upper != null;
		}

	}

	private final Map<String, Condition> fields = new HashMap<>();

	private final List<List<Document>> alternatives = new ArrayList<>();

	private QueryConditions() {
	}

	static QueryConditions of(Document query) {
		QueryConditions conditions = new QueryConditions();
		if (query != null) {
			conditions.collect(query);
		}
		return conditions;
	}

	/**
	 * The conditions one branch of an {@code $or} adds to these: the branch's own, then
	 * the surrounding ones it does not restate (both hold for every document of that
	 * branch). The branch's own {@code $or} lists are not planned.
	 */
	QueryConditions and(Document branch) {
		QueryConditions combined = new QueryConditions();
		combined.collect(branch);
		this.fields.forEach((field, condition) -> combined.fields.merge(field, condition, QueryConditions::both));
		combined.alternatives.clear();
		return combined;
	}

	Condition get(String field) {
		return this.fields.get(field);
	}

	boolean isEmpty() {
		return this.fields.isEmpty();
	}

	/**
	 * Whether a field must equal one of no values ({@code $in} of an empty list): no
	 * document matches, whatever the rest says.
	 */
	boolean matchNothing() {
		return this.fields.values().stream().anyMatch(c -> c.equal != null && c.equal.isEmpty());
	}

	/** The {@code $or} lists that must each hold, in query order. */
	List<List<Document>> alternatives() {
		return this.alternatives;
	}

	private void collect(Document query) {
		for (Map.Entry<String, Object> entry : query.entrySet()) {
			String field = entry.getKey();
			Object value = entry.getValue();
			if (field.equals("$and") && value instanceof Collection<?> parts) {
				for (Object part : parts) {
					if (part instanceof Document document) {
						collect(document);
					}
				}
			}
			else if (field.equals("$or") && value instanceof Collection<?> branches) {
				List<Document> list = new ArrayList<>();
				branches.forEach(branch -> list.add(branch instanceof Document document ? document : null));
				if (!list.isEmpty() && !list.contains(null)) {
					this.alternatives.add(list);
				}
			}
			else if (!field.startsWith("$")) {
				Condition condition = condition(value);
				if (condition != null) {
					this.fields.merge(field, condition, QueryConditions::both);
				}
			}
		}
	}

	/**
	 * Two conditions on one field that must both hold ({@code $and} of two bounds, as a
	 * date window gives): the first one's parts, completed by the second's. Either part
	 * alone is implied by the query, so keeping one of two bounds on the same side only
	 * reads more, never less.
	 */
	private static Condition both(Condition first, Condition second) {
		if (first.equal == null) {
			first.equal = second.equal;
		}
		if (first.lower == null) {
			first.lower = second.lower;
			first.lowerInclusive = second.lowerInclusive;
		}
		if (first.upper == null) {
			first.upper = second.upper;
			first.upperInclusive = second.upperInclusive;
		}
		first.notNull |= second.notNull;
		return first;
	}

	private static Condition condition(Object value) {
		if (value instanceof Document operators) {
			Condition c = new Condition();
			for (Map.Entry<String, Object> op : operators.entrySet()) {
				Object operand = op.getValue();
				switch (op.getKey()) {
					case "$eq" -> {
						if (!plain(operand)) {
							return null;
						}
						c.equal = List.of(operand);
					}
					case "$in" -> {
						if (!(operand instanceof Collection<?> list)) {
							return null;
						}
						for (Object item : list) {
							if (!plain(item)) {
								return null;
							}
						}
						c.equal = new ArrayList<>(list);
					}
					case "$gt", "$gte" -> {
						if (!plain(operand)) {
							return null;
						}
						c.lower = operand;
						c.lowerInclusive = op.getKey().equals("$gte");
					}
					case "$lt", "$lte" -> {
						if (!plain(operand)) {
							return null;
						}
						c.upper = operand;
						c.upperInclusive = op.getKey().equals("$lte");
					}
					case "$ne" -> {
						if (operand != null) {
							return null;
						}
						c.notNull = true;
					}
					default -> {
						// another operator (or an exact sub-document): no index condition
						// from this field
						return null;
					}
				}
			}
			return c.equal != null || c.bounded() || c.notNull ? c : null;
		}
		if (!plain(value)) {
			return null;
		}
		Condition c = new Condition();
		c.equal = List.of(value);
		return c;
	}

	/** A scalar an index entry can equal: not null, not an array, document or pattern. */
	private static boolean plain(Object value) {
		return value != null && !(value instanceof Collection) && !(value instanceof Map)
				&& !BsonRegularExpression.isRegularExpression(value) && !(value instanceof java.util.regex.Pattern);
	}

}
