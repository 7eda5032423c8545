package org.sanctionsgraph.ftm;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

import org.sanctionsgraph.measure.Measure;
import org.sanctionsgraph.program.Program;

import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * The measures and programmes an export names designations under, read once each and held
 * while it runs (the most recently used, at most {@value #HELD_MAX} of each: a store has
 * many designations under few measures).
 */
final class ExportedMeasures {

	private static final int HELD_MAX = 1000;

	private final MongoTemplate mongo;

	private final Map<String, Measure> measures = held();

	private final Map<String, Program> programs = held();

	ExportedMeasures(MongoTemplate mongo) {
		this.mongo = mongo;
	}

	/** The measure with this id, or null. */
	Measure measure(String id) {
		return read(this.measures, id, key -> this.mongo.findById(key, Measure.class));
	}

	/** The programme with this id, or null. */
	Program program(String id) {
		return read(this.programs, id, key -> this.mongo.findById(key, Program.class));
	}

	private static <T> T read(Map<String, T> held, String id, Function<String, T> find) {
		if (id == null) {
			return null;
		}
		if (!held.containsKey(id)) {
			held.put(id, find.apply(id));
		}
		return held.get(id);
	}

	private static <T> Map<String, T> held() {
		return new LinkedHashMap<>(16, 0.75f, true) {

			@Override
			protected boolean removeEldestEntry(Map.Entry<String, T> eldest) {
				return size() > HELD_MAX;
			}

		};
	}

}
