package org.sanctionsgraph.limits;

import java.util.List;
import java.util.Map;
import java.util.function.ToLongFunction;

import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLList;
import graphql.schema.GraphQLNamedType;
import graphql.schema.GraphQLType;
import graphql.schema.GraphQLTypeUtil;
import org.sanctionsgraph.paging.PageArgs;

/**
 * What one field costs, declared in one place. Every field costs 1; a field that may
 * return many items counts its selection once per item it may return; the fields below,
 * whose work is more than one read, add a cost of their own. docs/security.md ("Security
 * model") lists the same figures.
 */
final class FieldCosts {

	/** Items a connection counts when neither {@code first} nor {@code last} is given. */
	static final int DEFAULT_PAGE = 20;

	/** Extra cost of fields whose work is more than one read, by {@code Type.field}. */
	private static final Map<String, ToLongFunction<Map<String, Object>>> EXTRA = Map.of(
			// ranks up to 1000 name matches in the search index
			"Query.search", args -> 50,
			// two finds and two counts over the events and measures of each party
			"Query.timeline", args -> 10L * Math.max(1, size(args.get("parties"))),
			// one read per link followed
			"Query.responseChain", args -> 20L * number(args.get("depth"), 5),
			// rebuilds the measure from its change history
			"Query.measure", args -> args.get("asKnownOn") != null ? 50 : 0,
			// looks through every sanction's targets and every designation
			"Query.people", args -> args.get("filter") instanceof Map<?, ?> filter && (filter.get("sanctioned") != null
					|| filter.get("sanctionedOn") != null || filter.get("sanctionedBy") != null) ? 50 : 0);

	private FieldCosts() {
	}

	/** The cost of a field on its own, without its selection. */
	static long own(GraphQLNamedType parent, GraphQLFieldDefinition field, Map<String, Object> args) {
		ToLongFunction<Map<String, Object>> extra = EXTRA.get(parent.getName() + "." + field.getName());
		return 1 + (extra != null ? extra.applyAsLong(args) : 0);
	}

	/**
	 * How many times the field's selection counts: the items the field may return. A
	 * connection counts its page size, {@code nodes} its ids, any other list the most
	 * items it holds in the stored data ({@link ListSizes}).
	 */
	static long items(GraphQLNamedType parent, GraphQLFieldDefinition field, Map<String, Object> args,
			ListSizes lists) {
		GraphQLType type = GraphQLTypeUtil.unwrapNonNull(field.getType());
		if (connection(field)) {
			Object size = args.get("first") != null ? args.get("first") : args.get("last");
			return size instanceof Number number ? Math.max(number.longValue(), 1) : DEFAULT_PAGE;
		}
		if (!(type instanceof GraphQLList) || parent.getName().endsWith("Connection")
				|| parent.getName().startsWith("__")) {
			// one item; a connection's edges and nodes, already counted by its page size;
			// or the schema's own description, which introspection reads from memory
			return 1;
		}
		if (args.get("ids") instanceof List<?> ids) {
			return Math.max(ids.size(), 1);
		}
		return lists.items(parent.getName(), field.getName());
	}

	/**
	 * The argument that sets how many items the field returns ({@code first},
	 * {@code last} or {@code ids}), when one is given.
	 */
	static String sizeArgument(GraphQLFieldDefinition field, Map<String, Object> args) {
		for (String name : List.of("first", "last", "ids")) {
			if (args.get(name) != null && field.getArgument(name) != null) {
				return name;
			}
		}
		return null;
	}

	/** Whether a connection's page size is outside what paging accepts. */
	static boolean outsidePage(GraphQLFieldDefinition field, Object size) {
		return connection(field) && size instanceof Number number
				&& (number.longValue() < 0 || number.longValue() > PageArgs.MAX);
	}

	private static boolean connection(GraphQLFieldDefinition field) {
		return GraphQLTypeUtil.unwrapAll(field.getType()).getName().endsWith("Connection");
	}

	private static int size(Object list) {
		return list instanceof List<?> items ? items.size() : 1;
	}

	private static long number(Object value, long otherwise) {
		return value instanceof Number number ? Math.max(number.longValue(), 1) : otherwise;
	}

}
