package org.sanctionsgraph.model;

import java.util.List;

/** Null-safe list handling for documents read from MongoDB, where absent arrays arrive as null. */
public final class Lists {

	private Lists() {
	}

	public static <T> List<T> orEmpty(List<T> list) {
		return list == null ? List.of() : List.copyOf(list);
	}

}
