package org.sanctionsgraph.write;

import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.UnaryOperator;

import org.sanctionsgraph.model.Lists;

/**
 * How a feature builds and changes its records through their own type: a builder
 * generated for the document record, so a change names fields as methods the compiler
 * checks, never as strings.
 *
 * @param blank a builder for a new record with the given id
 * @param from a builder holding an existing record's values
 * @param build the record a builder describes (derived fields are computed by the record)
 */
public record Drafts<T, B>(Function<String, B> blank, Function<T, B> from, Function<B, T> build) {

	/**
	 * Hands a checked value to its setter when it was given (a null value leaves the
	 * field as it is).
	 */
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

	/**
	 * Adds an item to a list field of an existing record, keeping what the record has:
	 * {@code list} reads the field from a builder and {@code set} replaces it (a
	 * builder's getter and setter).
	 */
	public <V> BiFunction<T, V, T> appending(Function<B, List<V>> list, BiConsumer<B, List<V>> set) {
		return (record, item) -> changing(draft -> set.accept(draft, Lists.append(list.apply(draft), item)))
			.apply(record);
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
