package org.sanctionsgraph.model;

import java.util.ArrayList;
import java.util.List;

/**
 * Null-safe list handling for documents read from MongoDB, where absent arrays arrive as
 * null.
 */
public final class Lists {

	private Lists() {
	}

	public static <T> List<T> orEmpty(List<T> list) {
		return list == null ? List.of() : List.copyOf(list);
	}

	/**
	 * A new list: the items of {@code list} (none when null) followed by {@code item}.
	 */
	public static <T> List<T> append(List<T> list, T item) {
		List<T> all = new ArrayList<>(orEmpty(list));
		all.add(item);
		return List.copyOf(all);
	}

}
