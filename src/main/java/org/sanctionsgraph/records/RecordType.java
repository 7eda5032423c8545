package org.sanctionsgraph.records;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.BiFunction;
import java.util.function.Function;

import org.sanctionsgraph.model.Citation;
import org.sanctionsgraph.paging.Sortable;

/**
 * What the API needs to know about one kind of stored record, contributed by the feature
 * that owns it as a bean: global ids, {@code node}, citations, history, search and type
 * resolution read these descriptors, so no other class lists the features.
 *
 * @param name the global-id type, also the name of the GraphQL type or interface (Party,
 * Measure)
 * @param documentClass the stored document class
 * @param objectTypes the GraphQL object types that serve records of this kind
 * @param objectTypeOf the object type of one record (a measure is a Sanction or a
 * Countermeasure)
 * @param payloadField the record's field on its mutation payload ({@code <name>Payload})
 * @param cite adds a citation to a record, or null when the kind cannot be cited
 * @param searchNames the names the search indexes for a record, or null when it is not
 * searched
 * @param lists where the plain lists the feature serves get their items, by
 * {@code Type.field} (see {@link #list})
 */
public record RecordType<T extends Sortable>(String name, Class<T> documentClass, List<String> objectTypes,
		Function<T, String> objectTypeOf, String payloadField, BiFunction<T, Citation, T> cite,
		Function<T, SearchNames> searchNames, Map<String, List<ListSource>> lists) {

	public RecordType {
		Objects.requireNonNull(name, "name");
		Objects.requireNonNull(documentClass, "documentClass");
		objectTypes = List.copyOf(objectTypes);
		lists = Map.copyOf(lists);
	}

	/**
	 * A kind served by the GraphQL object type of the same name, neither cited nor
	 * searched.
	 */
	public static <T extends Sortable> RecordType<T> of(String name, Class<T> documentClass, String payloadField) {
		return new RecordType<>(name, documentClass, List.of(name), record -> name, payloadField, null, null, Map.of());
	}

	/**
	 * The same kind, served by several object types (the GraphQL type {@code name} is an
	 * interface).
	 */
	public RecordType<T> servedBy(List<String> types, Function<T, String> typeOf) {
		return new RecordType<>(this.name, this.documentClass, types, typeOf, this.payloadField, this.cite,
				this.searchNames, this.lists);
	}

	public RecordType<T> citable(BiFunction<T, Citation, T> addCitation) {
		return new RecordType<>(this.name, this.documentClass, this.objectTypes, this.objectTypeOf, this.payloadField,
				addCitation, this.searchNames, this.lists);
	}

	public RecordType<T> searchable(Function<T, SearchNames> names) {
		return new RecordType<>(this.name, this.documentClass, this.objectTypes, this.objectTypeOf, this.payloadField,
				this.cite, names, this.lists);
	}

	/**
	 * Declares where a plain list this feature serves gets its items. {@code field} is a
	 * field of this kind's types ({@code aliases}: also {@code Sanction.aliases} when
	 * several object types serve the kind), or {@code Type.field} for a type of its own;
	 * several sources add up. A list no feature declares counts the most a write stores.
	 */
	public RecordType<T> list(String field, ListSource... sources) {
		Map<String, List<ListSource>> more = new LinkedHashMap<>(this.lists);
		more.put(field, List.of(sources));
		return new RecordType<>(this.name, this.documentClass, this.objectTypes, this.objectTypeOf, this.payloadField,
				this.cite, this.searchNames, more);
	}

	/** Declares a list served from an array stored on this kind's records. */
	public RecordType<T> storedList(String field, String path) {
		return list(field, ListSource.stored(this.name, path));
	}

	public String payloadType() {
		return this.name + "Payload";
	}

	public boolean citable() {
		return this.cite != null;
	}

	public boolean searchable() {
		return this.searchNames != null;
	}

	/** The object type of a record of this kind. */
	@SuppressWarnings("unchecked")
	public String objectTypeOf(Object record) {
		return this.objectTypeOf.apply((T) record);
	}

	/** The names to index for a record of this kind; only for searchable kinds. */
	@SuppressWarnings("unchecked")
	public SearchNames namesOf(Object record) {
		return this.searchNames.apply((T) record);
	}

	/** The record with one more citation; only for citable kinds. */
	public T withCitation(T record, Citation citation) {
		return this.cite.apply(record, citation);
	}

}
