package org.sanctionsgraph.paging;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import graphql.schema.DataFetchingEnvironment;
import org.dataloader.DataLoader;
import reactor.core.publisher.Mono;

import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.graphql.execution.BatchLoaderRegistry;
import org.springframework.stereotype.Component;

/**
 * Batch-loads connection fields nested under a list of parents (a party's measures, a
 * measure's responses): every call of the same field with the same arguments in one
 * request becomes one {@link Pager#pageByParent} call.
 */
@Component
public class NestedPages {

	/**
	 * One parent's page request; {@code filter} is the field's filter input, compared by
	 * value, and {@code count} whether the client asked for {@code totalCount}.
	 */
	record Key(String parentId, PageArgs args, Object filter, boolean count) {
	}

	private final BatchLoaderRegistry registry;

	private final Pager pager;

	public NestedPages(BatchLoaderRegistry registry, Pager pager) {
		this.registry = registry;
		this.pager = pager;
	}

	/**
	 * Registers a nested connection: children of {@code type} whose {@code groupField}
	 * holds the parent's id, narrowed by a filter input turned into criteria (once per
	 * batch).
	 */
	public <T extends Sortable, F> void register(String name, Class<T> type, String groupField,
			Function<F, Criteria> criteria) {
		this.registry.<Key, Connection<T>>forName(name)
			.registerMappedBatchLoader((keys, env) -> Mono.fromSupplier(() -> load(type, groupField, keys, criteria)));
	}

	/**
	 * Registers a nested connection whose filter may narrow differently for each parent
	 * (a person's measures in force on a day follow that person's own listing dates):
	 * where {@code perParent} says so for a filter, each parent gets its own query.
	 */
	public <T extends Sortable, F> void register(String name, Class<T> type, String groupField,
			BiFunction<F, String, Criteria> criteria, Predicate<F> perParent) {
		this.registry.<Key, Connection<T>>forName(name)
			.registerMappedBatchLoader(
					(keys, env) -> Mono.fromSupplier(() -> load(type, groupField, keys, criteria, perParent)));
	}

	/** Registers a nested connection without a filter input. */
	public <T extends Sortable> void register(String name, Class<T> type, String groupField) {
		register(name, type, groupField, filter -> null);
	}

	public <T> CompletableFuture<Connection<T>> load(DataFetchingEnvironment env, String name, String parentId,
			PageArgs args, Object filter) {
		DataLoader<Key, Connection<T>> loader = env.getDataLoader(name);
		return loader.load(new Key(parentId, args, filter, env.getSelectionSet().contains("totalCount")));
	}

	private <T extends Sortable, F> Map<Key, Connection<T>> load(Class<T> type, String groupField, Set<Key> keys,
			Function<F, Criteria> criteria) {
		return load(type, groupField, keys, (F filter, String parent) -> criteria.apply(filter), filter -> false);
	}

	@SuppressWarnings("unchecked")
	private <T extends Sortable, F> Map<Key, Connection<T>> load(Class<T> type, String groupField, Set<Key> keys,
			BiFunction<F, String, Criteria> criteria, Predicate<F> perParent) {
		Map<Key, Connection<T>> result = new HashMap<>();
		Map<List<Object>, List<Key>> groups = keys.stream()
			.collect(Collectors.groupingBy(key -> List.of(key.args(), key.filter() == null ? "" : key.filter(),
					key.count(), key.filter() != null && perParent.test((F) key.filter()) ? key.parentId() : "")));
		for (List<Key> group : groups.values()) {
			Key first = group.get(0);
			Criteria filter = first.filter() == null ? null : criteria.apply((F) first.filter(), first.parentId());
			Map<String, Connection<T>> pages = this.pager.pageByParent(type, groupField,
					group.stream().map(Key::parentId).toList(), filter, first.args(), first.count());
			group.forEach(key -> result.put(key, pages.get(key.parentId())));
		}
		return result;
	}

}
