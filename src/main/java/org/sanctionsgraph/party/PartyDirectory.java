package org.sanctionsgraph.party;

import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.sanctionsgraph.paging.RecordCache;
import org.sanctionsgraph.write.RecordListener;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * Every party, held in memory: a few hundred countries and blocs that nearly every answer names
 * (imposers, targets, nationalities), so reading them from the database for each request would be
 * most of its round trips. The copy is dropped whenever a party is written, by this instance or
 * (through the change stream on a replica set) by another, and read again on next use; a load that
 * raced with a write is not kept. Beyond {@link #MAX_HELD} parties it holds nothing and every read
 * goes to the database.
 */
@Component
public class PartyDirectory implements RecordCache<Party>, RecordListener {

	static final int MAX_HELD = 20_000;

	/** The parties by id and by code; {@code null} maps when there are too many to hold. */
	private record Snapshot(Map<String, Party> byId, Map<String, Party> byCode) {
	}

	private final MongoTemplate mongo;

	private final AtomicLong version = new AtomicLong();

	private volatile Snapshot snapshot;

	PartyDirectory(MongoTemplate mongo) {
		this.mongo = mongo;
	}

	@Override
	public Class<Party> type() {
		return Party.class;
	}

	@Override
	public Map<String, Party> byIds(Collection<String> ids) {
		return lookUp(ids, Snapshot::byId, "_id", Party::id);
	}

	/**
	 * Every party by id when they are held in memory (read now if they were dropped), else null: then
	 * callers batch their reads through {@link #byIds} instead.
	 */
	public Map<String, Party> held() {
		return current().byId();
	}

	/** The parties with these (normalised) codes, by code; unknown codes are absent. */
	public Map<String, Party> byCodes(Collection<String> codes) {
		return lookUp(codes, Snapshot::byCode, "code", Party::code);
	}

	/** From memory when the parties are held, else with one query on {@code field}. */
	private Map<String, Party> lookUp(Collection<String> keys, Function<Snapshot, Map<String, Party>> index,
			String field, Function<Party, String> key) {
		Map<String, Party> held = index.apply(current());
		if (held == null) {
			return this.mongo.find(Query.query(Criteria.where(field).in(new LinkedHashSet<>(keys))), Party.class)
				.stream()
				.collect(Collectors.toMap(key, Function.identity()));
		}
		Map<String, Party> found = new HashMap<>();
		for (String k : keys) {
			Party party = held.get(k);
			if (party != null) {
				found.put(k, party);
			}
		}
		return found;
	}

	@Override
	public void written(Object record) {
		if (record instanceof Party) {
			invalidate();
		}
	}

	/** Forgets the held parties; for loaders that write parties without the record writer. */
	public void invalidate() {
		this.version.incrementAndGet();
		this.snapshot = null;
	}

	private Snapshot current() {
		Snapshot held = this.snapshot;
		if (held != null) {
			return held;
		}
		long seen = this.version.get();
		List<Party> all = this.mongo.find(new Query().limit(MAX_HELD + 1), Party.class);
		Snapshot loaded = all.size() > MAX_HELD ? new Snapshot(null, null)
				: new Snapshot(all.stream().collect(Collectors.toUnmodifiableMap(Party::id, Function.identity())),
						all.stream()
							.filter(party -> party.code() != null)
							.collect(Collectors.toUnmodifiableMap(Party::code, Function.identity())));
		synchronized (this) {
			if (this.version.get() == seen) {
				this.snapshot = loaded;
			}
		}
		return loaded;
	}

}
