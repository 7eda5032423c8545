package org.sanctionsgraph.embedded;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.AbstractUniqueIndex;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.h2.H2Collection;
import de.bwaldvogel.mongo.bson.BsonRegularExpression;
import de.bwaldvogel.mongo.bson.Document;
import org.h2.mvstore.MVMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An H2-backed collection that answers queries through its indexes instead of scanning: a
 * single-field unique index (such as {@code _id}) when the query fixes that field, else an
 * {@link OrderedIndex} whose first field the query fixes, with a range on its second field when
 * the query bounds it. When the index already holds the requested sort order (one fixed value,
 * then the sort fields), the scan stops as soon as the page is full; otherwise the few candidates
 * are sorted. Every candidate is matched against the whole query, so an index only ever narrows
 * what is read and never changes an answer. Queries no index serves are scanned as before.
 */
class IndexedH2Collection extends H2Collection {

	private static final Logger log = LoggerFactory.getLogger(IndexedH2Collection.class);

	/** Collections smaller than this are scanned without a debug line. */
	private static final int SCAN_WORTH_LOGGING = 1_000;

	/** Documents read through an index (for tests and diagnostics: proof that a query did not scan). */
	private final AtomicLong readThroughIndex = new AtomicLong();

	IndexedH2Collection(MongoDatabase database, String collectionName, CollectionOptions options,
			MVMap<Object, Document> dataMap, MVMap<String, Object> metaMap, CursorRegistry cursorRegistry) {
		super(database, collectionName, options, dataMap, metaMap, cursorRegistry);
	}

	@Override
	protected QueryResult queryDocuments(Document query, Document orderBy, int numberToSkip, int limit, int batchSize,
			Document fieldSelector) {
		Plan plan = plan(query, orderBy);
		if (plan == null) {
			if (log.isDebugEnabled() && count() > SCAN_WORTH_LOGGING) {
				log.debug("{}: no index serves {} (sort {}); scanning {} documents", getCollectionName(), query, orderBy,
						count());
			}
			return super.queryDocuments(query, orderBy, numberToSkip, limit, batchSize, fieldSelector);
		}
		Stream<Document> candidates = plan.documents();
		if (plan.ordered()) {
			return matchDocumentsFromStream(query, candidates, numberToSkip, limit, batchSize, null, fieldSelector);
		}
		return matchDocumentsFromStream(candidates, query, orderBy, numberToSkip, limit, batchSize, fieldSelector);
	}

	/**
	 * The documents that may match the query (a superset, to be filtered by the caller), read
	 * through an index when one serves the query, else every document.
	 */
	Stream<Document> candidates(Document query) {
		Plan plan = plan(query, null);
		if (plan == null) {
			if (log.isDebugEnabled() && count() > SCAN_WORTH_LOGGING) {
				log.debug("{}: no index serves the aggregation's $match {}; scanning {} documents", getCollectionName(),
						query, count());
			}
			return queryAllAsStream();
		}
		return plan.documents();
	}

	private Document read(Object position) {
		this.readThroughIndex.incrementAndGet();
		return getDocument(position);
	}

	long documentsReadThroughIndex() {
		return this.readThroughIndex.get();
	}

	/** How a query is read: its candidate documents, and whether they come in the requested order. */
	private interface Plan {

		Stream<Document> documents();

		boolean ordered();

	}

	/** What the query says about one field: values it must equal (any of), and bounds. */
	private static final class Condition {

		List<Object> equal;

		Object lower;

		boolean lowerInclusive;

		Object upper;

		boolean upperInclusive;

		boolean bounded() {
			return this.lower != null || this.upper != null;
		}

	}

	private Plan plan(Document query, Document orderBy) {
		if (query == null || query.isEmpty()) {
			return null;
		}
		Map<String, Condition> conditions = new HashMap<>();
		collect(query, conditions);
		if (conditions.isEmpty()) {
			return null;
		}
		Plan best = null;
		int bestScore = -1;
		long bestSize = Long.MAX_VALUE;
		for (Index<Object> index : getIndexes()) {
			if (index instanceof AbstractUniqueIndex<Object> unique && index.getKeys().size() == 1) {
				Condition c = conditions.get(index.getKeys().get(0).getKey());
				if (c != null && c.equal != null) {
					return uniquePlan(unique, c.equal);
				}
			}
			else if (index instanceof OrderedIndex ordered) {
				Condition first = conditions.get(ordered.indexKeys().get(0).getKey());
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
				OrderedPlan candidate = orderedPlan(ordered, first.equal, second, reverse);
				// of two indexes that serve the query as well, the one holding fewer entries for its values
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
	 * Whether scanning one value of the index yields the sort order: null if not, else whether the
	 * scan must run backwards. No sort at all is any order.
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

	private Plan uniquePlan(AbstractUniqueIndex<Object> index, List<Object> values) {
		String key = index.getKeys().get(0).getKey();
		return new Plan() {

			@Override
			public Stream<Document> documents() {
				Iterable<Object> positions = index.getPositions(new Document(key, new Document("$in", values)));
				return StreamSupport.stream(positions.spliterator(), false).map(IndexedH2Collection.this::read)
					.filter(Objects::nonNull);
			}

			@Override
			public boolean ordered() {
				return false;
			}

		};
	}

	/** A plan over an {@link OrderedIndex}: the ranges of one or more values of its first key. */
	private interface OrderedPlan extends Plan {

		/** The index entries held for the plan's values (its range bounds aside). */
		long entries();

	}

	private OrderedPlan orderedPlan(OrderedIndex index, List<Object> values, Condition range, Boolean reverse) {
		boolean backwards = Boolean.TRUE.equals(reverse);
		int width = index.indexKeys().size();
		boolean distinct = values.size() > 1 || anyMultikeyAfterFirst(index);
		return new OrderedPlan() {

			private Stream<OrderedIndex.Entry> scan() {
				TreeSet<Object> sorted = new TreeSet<>(index::compareFirstKey);
				sorted.addAll(values);
				return (backwards ? sorted.descendingSet() : sorted).stream()
					.flatMap(value -> index.range(probe(value, range, width, true, index),
							probe(value, range, width, false, index), backwards).stream());
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
			public Stream<Document> documents() {
				Stream<Object> positions = scan().map(OrderedIndex.Entry::position);
				if (distinct) {
					Set<Object> seen = new HashSet<>();
					positions = positions.filter(seen::add);
				}
				return positions.map(IndexedH2Collection.this::read).filter(Objects::nonNull);
			}

			@Override
			public boolean ordered() {
				return reverse != null;
			}

		};
	}

	private static boolean anyMultikeyAfterFirst(OrderedIndex index) {
		for (int i = 1; i < index.indexKeys().size(); i++) {
			if (index.isMultikey(i)) {
				return true;
			}
		}
		return false;
	}

	/**
	 * The lowest (or highest) possible entry for one value of the first key, within the bounds on the
	 * second key when there are any.
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
		return new OrderedIndex.Entry(values, position);
	}

	/** Gathers conditions from the query's top level and from {@code $and}; anything else is left to matching. */
	private static void collect(Document query, Map<String, Condition> conditions) {
		for (Map.Entry<String, Object> entry : query.entrySet()) {
			String field = entry.getKey();
			Object value = entry.getValue();
			if (field.equals("$and") && value instanceof Collection<?> parts) {
				for (Object part : parts) {
					if (part instanceof Document document) {
						collect(document, conditions);
					}
				}
			}
			else if (!field.startsWith("$") && !conditions.containsKey(field)) {
				Condition condition = condition(value);
				if (condition != null) {
					conditions.put(field, condition);
				}
			}
		}
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
						if (!(operand instanceof Collection<?> list) || list.isEmpty()) {
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
					default -> {
						// another operator (or an exact sub-document): no index condition from this field
						return null;
					}
				}
			}
			return c.equal != null || c.bounded() ? c : null;
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
