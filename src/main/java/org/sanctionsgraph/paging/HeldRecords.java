package org.sanctionsgraph.paging;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.sanctionsgraph.model.RecordListener;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/**
 * The records of one kind most recently read, held in memory (bounded, least recently
 * used first out), optionally also by a second unique key (a party's code). The
 * {@link Pager} asks it before the database. A record is dropped when it is written (by
 * this instance or, through the change stream, by another) and every record when its kind
 * is loaded in bulk; a read that raced with a write is not kept, and only records found
 * are kept, so a new one is seen at once.
 */
public class HeldRecords<T extends Sortable> implements RecordCache<T>, RecordListener {

	private final MongoTemplate mongo;

	private final Class<T> type;

	private final Cache<String, T> byId;

	private final Cache<String, T> byKey;

	private final String keyField;

	private final Function<T, String> key;

	/**
	 * Moves on with every write; a read that started before a write does not fill the
	 * cache.
	 */
	private long version;

	/** Held by id only. */
	public HeldRecords(MongoTemplate mongo, Class<T> type, int maxHeld) {
		this(mongo, type, maxHeld, null, null);
	}

	/** Held by id and by a unique {@code keyField} whose value {@code key} reads. */
	public HeldRecords(MongoTemplate mongo, Class<T> type, int maxHeld, String keyField, Function<T, String> key) {
		this.mongo = mongo;
		this.type = type;
		this.byId = Caffeine.newBuilder().maximumSize(maxHeld).build();
		this.byKey = Caffeine.newBuilder().maximumSize(maxHeld).build();
		this.keyField = keyField;
		this.key = key;
	}

	@Override
	public Class<T> type() {
		return this.type;
	}

	@Override
	public T peek(String id) {
		return this.byId.getIfPresent(id);
	}

	@Override
	public Map<String, T> byIds(Collection<String> ids) {
		return lookUp(ids, this.byId, "_id", Sortable::id);
	}

	/**
	 * The records with these values of the second key, by that value; unknown values are
	 * absent.
	 */
	public Map<String, T> byKeys(Collection<String> keys) {
		return lookUp(keys, this.byKey, this.keyField, this.key);
	}

	private Map<String, T> lookUp(Collection<String> keys, Cache<String, T> held, String field,
			Function<T, String> keyOf) {
		Map<String, T> found = new HashMap<>();
		Set<String> missing = new LinkedHashSet<>();
		for (String k : keys) {
			T record = held.getIfPresent(k);
			if (record != null) {
				found.put(k, record);
			}
			else {
				missing.add(k);
			}
		}
		if (missing.isEmpty()) {
			return found;
		}
		long seen;
		synchronized (this) {
			seen = this.version;
		}
		List<T> loaded = new ArrayList<>(this.mongo.find(Query.query(Criteria.where(field).in(missing)), this.type));
		synchronized (this) {
			if (this.version == seen) {
				loaded.forEach(this::hold);
			}
		}
		loaded.forEach(record -> found.put(keyOf.apply(record), record));
		return found;
	}

	private void hold(T record) {
		this.byId.put(record.id(), record);
		if (this.key != null && this.key.apply(record) != null) {
			this.byKey.put(this.key.apply(record), record);
		}
	}

	@Override
	public void written(Object record) {
		if (this.type.isInstance(record)) {
			synchronized (this) {
				this.version++;
				this.byId.invalidate(this.type.cast(record).id());
				// the record's previous key is not known here, and writes are rare:
				// forget them all
				this.byKey.invalidateAll();
			}
		}
	}

	@Override
	public void loaded(Class<?> documentClass) {
		if (documentClass == this.type) {
			synchronized (this) {
				this.version++;
				this.byId.invalidateAll();
				this.byKey.invalidateAll();
			}
		}
	}

}
