package org.sanctionsgraph.records;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.sanctionsgraph.graphql.BadArgumentException;
import org.sanctionsgraph.graphql.GlobalId;
import org.sanctionsgraph.paging.Sortable;

import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.stereotype.Component;

/**
 * The registry of record kinds: every {@link RecordType} the features contribute, looked
 * up by name, class or collection.
 */
@Component
public class RecordTypes {

	private final Map<String, RecordType<?>> byName = new LinkedHashMap<>();

	private final Map<Class<?>, RecordType<?>> byClass = new LinkedHashMap<>();

	private final Map<String, RecordType<?>> byCollection = new LinkedHashMap<>();

	public RecordTypes(List<RecordType<?>> types) {
		for (RecordType<?> type : types) {
			if (this.byName.put(type.name(), type) != null) {
				throw new IllegalStateException("two record types are named " + type.name());
			}
			this.byClass.put(type.documentClass(), type);
			this.byCollection.put(collection(type.documentClass()), type);
		}
	}

	/** The collection a document class is stored in, as its mapping names it. */
	public static String collection(Class<?> documentClass) {
		Document mapping = documentClass.getAnnotation(Document.class);
		if (mapping == null || mapping.value().isEmpty()) {
			throw new IllegalStateException(documentClass.getName() + " names no collection in @Document");
		}
		return mapping.value();
	}

	public List<RecordType<?>> all() {
		return List.copyOf(this.byName.values());
	}

	/** The kind with this global-id name, or null. */
	public RecordType<?> named(String name) {
		return this.byName.get(name);
	}

	/** The kind stored as this class; fails for a class no feature registered. */
	@SuppressWarnings("unchecked")
	public <T extends Sortable> RecordType<T> of(Class<T> documentClass) {
		RecordType<T> type = (RecordType<T>) this.byClass.get(documentClass);
		if (type == null) {
			throw new IllegalArgumentException("no record type is stored as " + documentClass.getName());
		}
		return type;
	}

	/**
	 * The kind of a record, or null when it is not a registered record (a search hit, a
	 * timeline entry).
	 */
	public RecordType<?> ofRecord(Object record) {
		return record == null ? null : this.byClass.get(record.getClass());
	}

	/** The kind stored in this collection, or null. */
	public RecordType<?> inCollection(String collection) {
		return this.byCollection.get(collection);
	}

	public List<RecordType<?>> searchable() {
		return this.byName.values().stream().filter(RecordType::searchable).toList();
	}

	/**
	 * Decodes a global id whose kind must be registered, naming the argument when it is
	 * not.
	 */
	public GlobalId decode(String argument, String id) {
		GlobalId global = GlobalId.decode(argument, id);
		if (!this.byName.containsKey(global.type())) {
			throw new BadArgumentException(argument, "not an id issued by this API");
		}
		return global;
	}

}
