package org.sanctionsgraph.program;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.sanctionsgraph.paging.RecordCache;
import org.sanctionsgraph.write.RecordListener;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * The programmes most recently read, held in memory (a bounded, least-recently-used set): a page of
 * measures names a handful of regimes again and again. A programme is dropped when it is written,
 * by this instance or (through the change stream on a replica set) by another; a read that raced
 * with a write is not kept. Only programmes found are kept, so a new one is seen at once.
 */
@Component
public class ProgramCache implements RecordCache<Program>, RecordListener {

	static final int MAX_HELD = 10_000;

	private final MongoTemplate mongo;

	private final Cache<String, Program> held = Caffeine.newBuilder().maximumSize(MAX_HELD).build();

	/** Moves on with every write; a read that started before a write does not fill the cache. */
	private long version;

	ProgramCache(MongoTemplate mongo) {
		this.mongo = mongo;
	}

	@Override
	public Class<Program> type() {
		return Program.class;
	}

	@Override
	public Map<String, Program> byIds(Collection<String> ids) {
		Map<String, Program> found = new HashMap<>();
		Set<String> missing = new LinkedHashSet<>();
		for (String id : ids) {
			Program program = this.held.getIfPresent(id);
			if (program != null) {
				found.put(id, program);
			}
			else {
				missing.add(id);
			}
		}
		if (missing.isEmpty()) {
			return found;
		}
		long seen;
		synchronized (this) {
			seen = this.version;
		}
		List<Program> loaded = new ArrayList<>(
				this.mongo.find(Query.query(Criteria.where("_id").in(missing)), Program.class));
		synchronized (this) {
			if (this.version == seen) {
				loaded.forEach(program -> this.held.put(program.id(), program));
			}
		}
		loaded.forEach(program -> found.put(program.id(), program));
		return found;
	}

	@Override
	public void written(Object record) {
		if (record instanceof Program program) {
			synchronized (this) {
				this.version++;
				this.held.invalidate(program.id());
			}
		}
	}

}
