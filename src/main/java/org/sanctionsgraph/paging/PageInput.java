package org.sanctionsgraph.paging;

import graphql.schema.DataFetchingEnvironment;

/**
 * The paging arguments of a connection field as the client sent them, bound with
 * {@code @Arguments}; {@link #args()} validates them.
 */
public record PageInput(Integer first, String after, Integer last, String before, SortDirection order) {

	public PageArgs args() {
		return PageArgs.of(first, after, last, before, order);
	}

	/**
	 * The paging arguments of the field being fetched, read without data binding (for hot
	 * fields).
	 */
	public static PageInput of(DataFetchingEnvironment env) {
		Object order = env.getArgument("order");
		return new PageInput(env.getArgument("first"), env.getArgument("after"), env.getArgument("last"),
				env.getArgument("before"), order == null || order instanceof SortDirection ? (SortDirection) order
						: SortDirection.valueOf(order.toString()));
	}

}
