package org.sanctionsgraph.write;

import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * How a feature builds and changes its records through their own type: a builder generated for the
 * document record, so a change names fields as methods the compiler checks, never as strings.
 *
 * @param blank a builder for a new record with the given id
 * @param from a builder holding an existing record's values
 * @param build the record a builder describes (derived fields are computed by the record)
 */
public record Drafts<T, B>(Function<String, B> blank, Function<T, B> from, Function<B, T> build) {

	/** Hands a checked value to its setter when it was given (a null value leaves the field as it is). */
	public static <V> void given(V value, Consumer<V> setter) {
		if (value != null) {
			setter.accept(value);
		}
	}

	/** How to build a new record, given its id, with the change applied. */
	public Function<String, T> creating(Consumer<B> change) {
		return id -> {
			B draft = this.blank.apply(id);
			change.accept(draft);
			return this.build.apply(draft);
		};
	}

	/** The change applied to an existing record. */
	public UnaryOperator<T> changing(Consumer<B> change) {
		return record -> {
			B draft = this.from.apply(record);
			change.accept(draft);
			return this.build.apply(draft);
		};
	}

}
