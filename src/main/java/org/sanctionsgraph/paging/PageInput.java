package org.sanctionsgraph.paging;

/**
 * The paging arguments of a connection field as the client sent them, bound with
 * {@code @Arguments}; {@link #args()} validates them.
 */
public record PageInput(Integer first, String after, Integer last, String before, SortDirection order) {

	public PageArgs args() {
		return PageArgs.of(first, after, last, before, order);
	}

}
