package org.sanctionsgraph.paging;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.bson.Document;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * Keyset paging over MongoDB collections ordered by (sortKey, _id). Top-level lists cost
 * one find (plus one count when the total is asked for); nested lists for any number of
 * parents cost one find when their documents are few, else one aggregation plus one find,
 * so a request's round trips depend on its depth, not on how many items it returns.
 */
@Component
public class Pager {

	private static final String ID = "_id";

	private static final String SORT_KEY = "sortKey";

	private final MongoTemplate mongo;

	private final Map<Class<?>, RecordCache<?>> caches = new HashMap<>();

	public Pager(MongoTemplate mongo, List<RecordCache<?>> caches) {
		this.mongo = mongo;
		caches.forEach(cache -> this.caches.put(cache.type(), cache));
	}

	/** One page of the documents matching a filter. */
	public <T extends Sortable> Connection<T> page(Class<T> type, Criteria filter, PageArgs args, boolean count) {
		Query query = query(and(filter, keyset(args)));
		query.with(sort(args)).limit(args.size() + 1);
		List<T> fetched = args.size() == 0 ? List.of() : this.mongo.find(query, type);
		long total = count ? this.mongo.count(query(filter), type) : -1;
		return Connection.of(fetched, args, total);
	}

	/**
	 * One page per parent of the documents whose {@code groupField} (a value or an array)
	 * holds the parent's id. Parents with no documents get an empty page; totals are
	 * counted only when {@code count} is set (else -1). A single parent is one indexed
	 * find that stops at the page's end; several parents are one aggregation that groups
	 * their documents.
	 */
	public <T extends Sortable> Map<String, Connection<T>> pageByParent(Class<T> type, String groupField,
			Collection<String> parentIds, Criteria filter, PageArgs args, boolean count) {
		if (parentIds.isEmpty()) {
			return Map.of();
		}
		List<String> parents = List.copyOf(new LinkedHashSet<>(parentIds));
		if (parents.size() == 1) {
			String parent = parents.get(0);
			return Map.of(parent, page(type, and(Criteria.where(groupField).is(parent), filter), args, count));
		}
		Criteria keyset = keyset(args);
		if (!count || keyset == null) {
			Map<String, Connection<T>> small = smallBatch(type, groupField, parents, filter, keyset, args, count);
			if (small != null) {
				return small;
			}
		}
		Document inParents = new Document("$in", parents);
		int direction = args.fetchAscending() ? 1 : -1;
		List<Document> pagePipeline = new ArrayList<>();
		if (keyset != null) {
			pagePipeline.add(new Document("$match", keyset.getCriteriaObject()));
		}
		pagePipeline.add(new Document("$sort", new Document("g", 1).append(SORT_KEY, direction).append(ID, direction)));
		pagePipeline.add(new Document("$group", new Document(ID, "$g").append("ids", new Document("$push", "$_id"))));
		pagePipeline.add(new Document("$project",
				new Document("ids", new Document("$slice", List.of("$ids", args.size() + 1)))));
		Document facets = new Document("page", pagePipeline);
		if (count) {
			facets.append("counts",
					List.of(new Document("$group", new Document(ID, "$g").append("n", new Document("$sum", 1)))));
		}
		List<Document> pipeline = List.of(
				new Document("$match", and(Criteria.where(groupField).in(parents), filter).getCriteriaObject()),
				new Document("$project", new Document(SORT_KEY, 1).append("g", "$" + groupField)),
				new Document("$unwind", "$g"), new Document("$match", new Document("g", inParents)),
				new Document("$facet", facets));
		String collection = this.mongo.getCollectionName(type);
		Document result = this.mongo.getCollection(collection).aggregate(pipeline).first();

		Map<String, List<String>> idsByParent = new HashMap<>();
		Map<String, Long> counts = new HashMap<>();
		for (Document group : result.getList("page", Document.class)) {
			idsByParent.put(group.getString(ID), args.size() == 0 ? List.of() : group.getList("ids", String.class));
		}
		if (count) {
			for (Document group : result.getList("counts", Document.class)) {
				counts.put(group.getString(ID), ((Number) group.get("n")).longValue());
			}
		}
		List<String> allIds = idsByParent.values().stream().flatMap(List::stream).distinct().toList();
		Map<String, T> byId = byIds(type, allIds);

		Map<String, Connection<T>> pages = new LinkedHashMap<>();
		for (String parent : parents) {
			List<T> fetched = idsByParent.getOrDefault(parent, List.of())
				.stream()
				.map(byId::get)
				.filter(Objects::nonNull)
				.toList();
			pages.put(parent, Connection.of(fetched, args, count ? counts.getOrDefault(parent, 0L) : -1));
		}
		return pages;
	}

	/**
	 * The pages of several parents from one indexed find of all their documents, when
	 * those are few (at most a full page per parent in all); null when there are more,
	 * for the grouping aggregation to bound each parent's page instead. With no keyset,
	 * the totals are the documents found.
	 */
	private <T extends Sortable> Map<String, Connection<T>> smallBatch(Class<T> type, String groupField,
			List<String> parents, Criteria filter, Criteria keyset, PageArgs args, boolean count) {
		int cap = parents.size() * (args.size() + 1);
		Criteria criteria = and(and(Criteria.where(groupField).in(parents), filter), keyset);
		int direction = args.fetchAscending() ? 1 : -1;
		List<Document> found = new ArrayList<>();
		this.mongo.getCollection(this.mongo.getCollectionName(type))
			.find(criteria.getCriteriaObject())
			.sort(new Document(SORT_KEY, direction).append(ID, direction))
			.limit(cap + 1)
			.into(found);
		if (found.size() > cap) {
			return null;
		}
		Set<String> wanted = new HashSet<>(parents);
		Map<String, List<T>> byParent = new HashMap<>();
		for (Document doc : found) {
			T item = this.mongo.getConverter().read(type, doc);
			Object value = doc.get(groupField);
			Collection<?> values = value instanceof Collection<?> many ? many : Collections.singletonList(value);
			for (Object parent : new LinkedHashSet<>(values)) {
				if (parent instanceof String key && wanted.contains(key)) {
					byParent.computeIfAbsent(key, k -> new ArrayList<>()).add(item);
				}
			}
		}
		Map<String, Connection<T>> pages = new LinkedHashMap<>();
		for (String parent : parents) {
			List<T> all = byParent.getOrDefault(parent, List.of());
			List<T> fetched = all.size() > args.size() + 1 ? all.subList(0, args.size() + 1) : all;
			pages.put(parent, Connection.of(args.size() == 0 ? List.of() : fetched, args, count ? all.size() : -1));
		}
		return pages;
	}

	/**
	 * The document with this id, or null: the one way to read a record by id (caches
	 * first).
	 */
	public <T extends Sortable> T byId(Class<T> type, String id) {
		return byIds(type, List.of(id)).get(id);
	}

	/** The documents with the given ids, by id; missing ids are absent from the map. */
	@SuppressWarnings("unchecked")
	public <T extends Sortable> Map<String, T> byIds(Class<T> type, Collection<String> ids) {
		if (ids.isEmpty()) {
			return Map.of();
		}
		RecordCache<T> cache = (RecordCache<T>) this.caches.get(type);
		if (cache != null) {
			return cache.byIds(ids);
		}
		return this.mongo.find(new Query(Criteria.where(ID).in(new LinkedHashSet<>(ids))), type)
			.stream()
			.collect(Collectors.toMap(Sortable::id, Function.identity()));
	}

	/**
	 * For each parent, the documents its id list points at, in the list's order (one
	 * query for all).
	 */
	public <P, T extends Sortable> Map<P, List<T>> many(List<P> parents, Function<P, List<String>> ids, Class<T> type) {
		Map<String, T> found = byIds(type, parents.stream().flatMap(p -> ids.apply(p).stream()).toList());
		Map<P, List<T>> result = new LinkedHashMap<>();
		for (P parent : parents) {
			result.put(parent, ids.apply(parent).stream().map(found::get).filter(Objects::nonNull).toList());
		}
		return result;
	}

	/**
	 * For each parent, the document its id points at; parents whose id is null or unknown
	 * are left out.
	 */
	public <P, T extends Sortable> Map<P, T> one(List<P> parents, Function<P, String> id, Class<T> type) {
		Map<String, T> found = byIds(type, parents.stream().map(id).filter(Objects::nonNull).toList());
		Map<P, T> result = new LinkedHashMap<>();
		for (P parent : parents) {
			String key = id.apply(parent);
			T item = key == null ? null : found.get(key);
			if (item != null) {
				result.put(parent, item);
			}
		}
		return result;
	}

	private static Sort sort(PageArgs args) {
		Sort.Direction direction = args.fetchAscending() ? Sort.Direction.ASC : Sort.Direction.DESC;
		return Sort.by(direction, SORT_KEY, ID);
	}

	/**
	 * Items strictly after {@code after} and strictly before {@code before}, in display
	 * order.
	 */
	private static Criteria keyset(PageArgs args) {
		boolean ascending = args.direction() == SortDirection.ASC;
		List<Criteria> bounds = new ArrayList<>();
		if (args.after() != null) {
			bounds.add(beyond(args.after(), ascending));
		}
		if (args.before() != null) {
			bounds.add(beyond(args.before(), !ascending));
		}
		return bounds.isEmpty() ? null : bounds.size() == 1 ? bounds.get(0) : new Criteria().andOperator(bounds);
	}

	private static Criteria beyond(Cursor cursor, boolean greater) {
		Criteria keyBeyond = greater ? Criteria.where(SORT_KEY).gt(cursor.sortKey())
				: Criteria.where(SORT_KEY).lt(cursor.sortKey());
		Criteria idBeyond = greater ? Criteria.where(ID).gt(cursor.id()) : Criteria.where(ID).lt(cursor.id());
		// the plain bound repeats what the $or says, in a form an index on (..., sortKey)
		// can seek to
		Criteria bound = greater ? Criteria.where(SORT_KEY).gte(cursor.sortKey())
				: Criteria.where(SORT_KEY).lte(cursor.sortKey());
		return new Criteria().andOperator(bound, new Criteria().orOperator(keyBeyond,
				new Criteria().andOperator(Criteria.where(SORT_KEY).is(cursor.sortKey()), idBeyond)));
	}

	/** All of the criteria at once; null (no condition) when there are none. */
	public static Criteria allOf(List<Criteria> criteria) {
		return switch (criteria.size()) {
			case 0 -> null;
			case 1 -> criteria.get(0);
			default -> new Criteria().andOperator(criteria);
		};
	}

	private static Query query(Criteria criteria) {
		return criteria == null ? new Query() : new Query(criteria);
	}

	private static Criteria and(Criteria first, Criteria second) {
		if (first == null) {
			return second;
		}
		return second == null ? first : new Criteria().andOperator(first, second);
	}

}
