package org.sanctionsgraph.embedded;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import de.bwaldvogel.mongo.backend.AbstractUniqueIndex;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.bson.Document;
import org.sanctionsgraph.embedded.QueryConditions.Condition;

/**
 * Chooses how a query reads a collection's indexes. For the conditions the query fixes as
 * a whole: a single-field unique index (such as {@code _id}) when the query fixes that
 * field, else the {@link OrderedIndex} whose first field the query fixes, with a range on
 * its second field when the query bounds it, preferring one that already holds the
 * requested sort order (then the scan stops once the page is full), then one that uses
 * the range, then the one holding fewest entries. When an {@code $or} has a plan for each
 * of its branches (each with the conditions around the {@code $or}), the union of the
 * branches' positions, each position once, is the plan instead if the query as a whole
 * has none, or has one that neither gives the requested order nor reads fewer entries. A
 * plan only names candidates: the caller matches each against the whole query. With no
 * index to use, a range of string ids, or a sort on the id alone, reads the store itself
 * in id order ({@link Ids}). Called with the collection's monitor held (see
 * {@link IndexedH2Collection}).
 */
final class IndexPlanner {

	private static final String ID = "_id";

	/**
	 * How a query is read: the positions of its candidates, and whether they come in the
	 * requested order.
	 */
	interface Plan {

		Stream<Object> positions();

		boolean ordered();

		/**
		 * About how many index entries the plan reads (its range bounds aside), to
		 * compare plans.
		 */
		long entries();

	}

	/**
	 * The collection's documents in the order of their {@code _id}: the H2 store keeps
	 * each document under its {@code _id}, in a sorted map, so its keys are the
	 * positions, and strings among them sort as the server sorts strings.
	 */
	interface Ids {

		/** The lowest and highest keys, or null when there is no document. */
		Object first();

		Object last();

		/** The keys from {@code from} on (inclusive), upwards or downwards. */
		Iterator<Object> from(Object from, boolean reverse);

	}

	/** The plan of a query no document can match: it reads nothing. */
	private static final Plan NOTHING = new Plan() {

		@Override
		public Stream<Object> positions() {
			return Stream.empty();
		}

		@Override
		public boolean ordered() {
			// no documents are in every order
			return true;
		}

		@Override
		public long entries() {
			return 0;
		}

	};

	private final List<Index<Object>> indexes;

	private final Ids ids;

	IndexPlanner(List<Index<Object>> indexes, Ids ids) {
		this.indexes = indexes;
		this.ids = ids;
	}

	/**
	 * The plan for a query and its sort, or null when no index serves it (the caller
	 * scans).
	 */
	Plan plan(Document query, Document orderBy) {
		if (query == null || query.isEmpty()) {
			// every document, in _id order when that is the order asked for
			return byId(null, orderBy);
		}
		QueryConditions conditions = QueryConditions.of(query);
		Plan whole = conjunctive(conditions, orderBy);
		if (whole == null) {
			whole = byId(conditions.get(ID), orderBy);
		}
		if (whole == null) {
			whole = valued(conditions);
		}
		if (whole != null && whole.ordered() && orderBy != null && !orderBy.isEmpty()
				&& whole.entries() != Long.MAX_VALUE) {
			// the requested order from the index: a page reads only its own documents (a
			// walk through every id in order still competes with an $or's branches)
			return whole;
		}
		for (List<Document> branches : conditions.alternatives()) {
			Plan union = union(conditions, branches);
			if (union != null && (whole == null || union.entries() < whole.entries())) {
				return union;
			}
		}
		return whole;
	}

	private Plan union(QueryConditions around, List<Document> branches) {
		List<Plan> plans = new ArrayList<>();
		for (Document branch : branches) {
			Plan plan = conjunctive(around.and(branch), null);
			if (plan == null) {
				return null;
			}
			plans.add(plan);
		}
		// saturating: a branch read as a range counts as Long.MAX_VALUE entries, and a
		// sum
		// that wrapped round to a negative number would beat every other plan
		long entries = plans.stream()
			.mapToLong(Plan::entries)
			.reduce(0, (a, b) -> a > Long.MAX_VALUE - b ? Long.MAX_VALUE : a + b);
		return new Plan() {

			@Override
			public Stream<Object> positions() {
				Set<Object> seen = new HashSet<>();
				return plans.stream().flatMap(Plan::positions).filter(seen::add);
			}

			@Override
			public boolean ordered() {
				return false;
			}

			@Override
			public long entries() {
				return entries;
			}

		};
	}

	private Plan conjunctive(QueryConditions conditions, Document orderBy) {
		if (conditions.isEmpty()) {
			return null;
		}
		if (conditions.matchNothing()) {
			return NOTHING;
		}
		Plan best = null;
		int bestScore = -1;
		long bestSize = Long.MAX_VALUE;
		for (Index<Object> index : this.indexes) {
			if (index instanceof AbstractUniqueIndex<Object> unique && index.getKeys().size() == 1) {
				Condition c = conditions.get(index.getKeys().get(0).getKey());
				if (c != null && c.equal != null) {
					return uniquePlan(unique, c.equal);
				}
			}
			else if (index instanceof OrderedIndex ordered) {
				Condition first = conditions.get(ordered.indexKeys().get(0).getKey());
				if (first != null && first.equal == null && first.bounded() && bestScore < 0
						&& (!ordered.sparse() || first.lower != null)) {
					// only a range on the first key: better than a scan, worse than any
					// equality (a sparse index lacks documents without the field, which
					// only a range with a lower bound never matches)
					best = firstKeyRange(ordered, first);
					bestScore = 0;
					bestSize = Long.MAX_VALUE;
					continue;
				}
				if (first == null || first.equal == null) {
					continue;
				}
				Condition second = ordered.indexKeys().size() > 1 && !ordered.isMultikey(1)
						? conditions.get(ordered.indexKeys().get(1).getKey()) : null;
				if (second != null && !second.bounded()) {
					second = null;
				}
				Boolean reverse = first.equal.size() == 1 ? providedOrder(ordered, orderBy) : null;
				int score = (reverse != null ? 4 : 0) + (second != null ? 2 : 0) + (first.equal.size() == 1 ? 1 : 0);
				Plan candidate = orderedPlan(ordered, first.equal, second, reverse);
				// of two indexes that serve the query as well, the one holding fewer
				// entries for its values
				long size = candidate.entries();
				if (score > bestScore || (score == bestScore && size < bestSize)) {
					best = candidate;
					bestScore = score;
					bestSize = size;
				}
			}
		}
		return best;
	}

	/**
	 * A plan over the documents' {@code _id} order: for a range of string ids (a string
	 * bound matches strings only), or, with no condition on the id, for a sort on the id
	 * alone when every id is a string (the store sorts other types apart from strings,
	 * not as the server does). Null when neither applies, or when the order asked for is
	 * another.
	 */
	private Plan byId(Condition id, Document orderBy) {
		Boolean reverse = idOrder(orderBy);
		if (this.ids == null || (orderBy != null && !orderBy.isEmpty() && reverse == null)) {
			return null;
		}
		boolean backwards = Boolean.TRUE.equals(reverse);
		if (id != null && id.equal == null && !id.bounded()) {
			// only that the id holds a value, which every id does
			id = null;
		}
		Object lower;
		Object upper;
		if (id != null) {
			if (id.equal != null || !id.bounded() || !(id.lower == null || id.lower instanceof String)
					|| !(id.upper == null || id.upper instanceof String)) {
				return null;
			}
			// from the lowest string up to the highest, unless bounded
			lower = id.lower != null ? id.lower : "";
			upper = id.upper;
		}
		else {
			// with neither a condition nor a sort on the id, a scan reads the same in
			// fewer steps
			if (orderBy == null || orderBy.isEmpty() || !(this.ids.first() instanceof String)) {
				return null;
			}
			lower = "";
			upper = null;
		}
		if (backwards && upper == null && !(this.ids.last() instanceof String)) {
			// downwards from the highest string, which the store cannot name
			return null;
		}
		boolean lowerInclusive = id == null || id.lower == null || id.lowerInclusive;
		boolean upperInclusive = id == null || id.upper == null || id.upperInclusive;
		Object start = backwards ? (upper != null ? upper : this.ids.last()) : lower;
		return new Plan() {

			@Override
			public Stream<Object> positions() {
				if (start == null) {
					return Stream.empty();
				}
				Iterator<Object> keys = IndexPlanner.this.ids.from(start, backwards);
				Iterator<Object> inRange = new Iterator<>() {

					private Object next = advance();

					private Object advance() {
						while (keys.hasNext()) {
							Object key = keys.next();
							if (!(key instanceof String text)) {
								return null;
							}
							int low = text.compareTo((String) lower);
							int high = upper == null ? -1 : text.compareTo((String) upper);
							if (backwards ? low < 0 : high > 0) {
								return null;
							}
							boolean outside = low < 0 || high > 0 || (low == 0 && !lowerInclusive)
									|| (high == 0 && !upperInclusive);
							if (!outside) {
								return key;
							}
						}
						return null;
					}

					@Override
					public boolean hasNext() {
						return this.next != null;
					}

					@Override
					public Object next() {
						Object key = this.next;
						this.next = advance();
						return key;
					}

				};
				return StreamSupport.stream(Spliterators.spliteratorUnknownSize(inRange, Spliterator.ORDERED), false);
			}

			@Override
			public boolean ordered() {
				return reverse != null;
			}

			@Override
			public long entries() {
				return Long.MAX_VALUE;
			}

		};
	}

	/** Whether a sort is on the id alone: null if not, else whether it runs downwards. */
	private static Boolean idOrder(Document orderBy) {
		if (orderBy == null || orderBy.isEmpty()) {
			return Boolean.FALSE;
		}
		if (orderBy.size() != 1 || !(orderBy.get(ID) instanceof Number n)) {
			return null;
		}
		return n.doubleValue() < 0;
	}

	/**
	 * Whether scanning one value of the index yields the sort order: null if not, else
	 * whether the scan must run backwards. No sort at all is any order.
	 */
	private static Boolean providedOrder(OrderedIndex index, Document orderBy) {
		if (orderBy == null || orderBy.isEmpty()) {
			return Boolean.FALSE;
		}
		List<IndexKey> keys = index.indexKeys();
		if (orderBy.size() > keys.size() - 1) {
			return null;
		}
		Boolean reverse = null;
		int i = 1;
		for (Map.Entry<String, Object> sort : orderBy.entrySet()) {
			IndexKey key = keys.get(i);
			if (!key.getKey().equals(sort.getKey()) || index.isMultikey(i) || !(sort.getValue() instanceof Number n)) {
				return null;
			}
			boolean ascending = n.doubleValue() > 0;
			boolean backwards = ascending != key.isAscending();
			if (reverse != null && reverse != backwards) {
				return null;
			}
			reverse = backwards;
			i++;
		}
		return reverse;
	}

	private static Plan uniquePlan(AbstractUniqueIndex<Object> index, List<Object> values) {
		String key = index.getKeys().get(0).getKey();
		return new Plan() {

			@Override
			public Stream<Object> positions() {
				Iterable<Object> positions = index.getPositions(new Document(key, new Document("$in", values)));
				return StreamSupport.stream(positions.spliterator(), false);
			}

			@Override
			public boolean ordered() {
				return false;
			}

			@Override
			public long entries() {
				return values.size();
			}

		};
	}

	/**
	 * A plan over an {@link OrderedIndex}: the ranges of one or more values of its first
	 * key.
	 */
	private static Plan orderedPlan(OrderedIndex index, List<Object> values, Condition range, Boolean reverse) {
		boolean backwards = Boolean.TRUE.equals(reverse);
		int width = index.indexKeys().size();
		boolean distinct = values.size() > 1 || index.anyMultikeyAfterFirst();
		return new Plan() {

			@Override
			public Stream<Object> positions() {
				TreeSet<Object> sorted = new TreeSet<>(index::compareFirstKey);
				sorted.addAll(values);
				Stream<Object> positions = (backwards ? sorted.descendingSet() : sorted).stream()
					.flatMap(value -> index
						.range(probe(value, range, width, true, index), probe(value, range, width, false, index),
								backwards)
						.stream())
					.map(OrderedIndex.Entry::position);
				if (distinct) {
					Set<Object> seen = new HashSet<>();
					positions = positions.filter(seen::add);
				}
				return positions;
			}

			@Override
			public long entries() {
				long n = 0;
				for (Object value : values) {
					n += index.entriesFor(value);
				}
				return n;
			}

			@Override
			public boolean ordered() {
				return reverse != null;
			}

		};
	}

	/**
	 * A plan over an {@link OrderedIndex} for a range of its first key alone, in no
	 * order: the entries between the bounds (taken inclusive; every candidate is matched
	 * against the whole query), each document once (a multikey field gives several).
	 */
	private static Plan firstKeyRange(OrderedIndex index, Condition range) {
		boolean ascending = index.indexKeys().get(0).isAscending();
		// an array matches two bounds with two different items ([1, 9] is above 5 and
		// below 3): on a field that held arrays, one bound only, the wider range
		Object upper = index.isMultikey(0) && range.lower != null ? null : range.upper;
		Object low = ascending ? range.lower : upper;
		Object high = ascending ? upper : range.lower;
		return unorderedWalk(index, low, high, entry -> true);
	}

	/**
	 * The entries of an index whose first value lies between {@code low} and {@code high}
	 * (inclusive; null for no bound) and that {@code keep} keeps, in no order, each
	 * document once (a multikey field gives several entries).
	 */
	private static Plan unorderedWalk(OrderedIndex index, Object low, Object high, Predicate<OrderedIndex.Entry> keep) {
		int width = index.indexKeys().size();
		Object[] from = new Object[width];
		Object[] to = new Object[width];
		Arrays.fill(from, OrderedIndex.LOW);
		Arrays.fill(to, OrderedIndex.HIGH);
		from[0] = low != null ? low : OrderedIndex.LOW;
		to[0] = high != null ? high : OrderedIndex.HIGH;
		return new Plan() {

			@Override
			public Stream<Object> positions() {
				Set<Object> seen = new HashSet<>();
				return index
					.range(OrderedIndex.Entry.of(from, OrderedIndex.LOW), OrderedIndex.Entry.of(to, OrderedIndex.HIGH),
							false)
					.stream()
					.filter(keep)
					.map(OrderedIndex.Entry::position)
					.filter(seen::add);
			}

			@Override
			public long entries() {
				return Long.MAX_VALUE;
			}

			@Override
			public boolean ordered() {
				return false;
			}

		};
	}

	/**
	 * When nothing better serves the query, for a field the query needs a value in
	 * ({@code $ne: null}) that is the first key of an index on which it never held an
	 * array: the entries holding a value there, in no order, each document once, without
	 * reading the documents that hold none. Null when there is no such index.
	 */
	private Plan valued(QueryConditions conditions) {
		for (Index<Object> index : this.indexes) {
			if (index instanceof OrderedIndex ordered && !ordered.isMultikey(0)) {
				Condition first = conditions.get(ordered.indexKeys().get(0).getKey());
				if (first != null && first.notNull) {
					return unorderedWalk(ordered, null, null, entry -> OrderedIndex.holdsValue(entry.value(0)));
				}
			}
		}
		return null;
	}

	/**
	 * The lowest (or highest) possible entry for one value of the first key, within the
	 * bounds on the second key when there are any.
	 */
	private static OrderedIndex.Entry probe(Object value, Condition range, int width, boolean low, OrderedIndex index) {
		Object[] values = new Object[width];
		Arrays.fill(values, low ? OrderedIndex.LOW : OrderedIndex.HIGH);
		values[0] = value;
		Object position = low ? OrderedIndex.LOW : OrderedIndex.HIGH;
		if (range != null) {
			boolean ascending = index.indexKeys().get(1).isAscending();
			// in index order, the low end of an ascending key is its lower bound
			boolean lowerEnd = low == ascending;
			Object bound = lowerEnd ? range.lower : range.upper;
			boolean inclusive = lowerEnd ? range.lowerInclusive : range.upperInclusive;
			if (bound != null) {
				values[1] = bound;
				if (!inclusive) {
					// step over every entry holding the bound itself
					Object past = low ? OrderedIndex.HIGH : OrderedIndex.LOW;
					for (int i = 2; i < width; i++) {
						values[i] = past;
					}
					position = past;
				}
			}
		}
		return OrderedIndex.Entry.of(values, position);
	}

}
