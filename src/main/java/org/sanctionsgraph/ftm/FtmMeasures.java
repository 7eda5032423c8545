package org.sanctionsgraph.ftm;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

import org.sanctionsgraph.measure.Measure;
import org.sanctionsgraph.measure.MeasureBuilder;
import org.sanctionsgraph.measure.MeasureKind;
import org.sanctionsgraph.measure.Target;
import org.sanctionsgraph.measure.TargetKind;
import org.sanctionsgraph.model.FuzzyDate;
import org.sanctionsgraph.program.Program;
import org.sanctionsgraph.program.ProgramBuilder;
import org.sanctionsgraph.program.ProgramKind;
import org.sanctionsgraph.records.RecordTypes;
import org.sanctionsgraph.write.Fingerprint;
import org.sanctionsgraph.write.RecordWriter;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/**
 * The programmes and measures FtM Sanction entities are designations under. A programme
 * is found by its code ({@code programId}), else by its name ({@code program}), and made
 * when there is none. The measure is one per imposing parties and programme, made by the
 * first import that needs it under an id derived from those two (so every import finds it
 * again), a sanction whose listing starts with the earliest designation under it: an
 * earlier listing moves its start, through the write path. The measures and programmes of
 * one import are held while it runs (a few, one per list and regime).
 */
final class FtmMeasures {

	/** Measures and programmes held at most, so a file of many regimes stays bounded. */
	private static final int HELD_MAX = 10_000;

	private final MongoTemplate mongo;

	private final RecordWriter writer;

	private final RecordTypes types;

	private final Map<String, Measure> measures = new HashMap<>();

	private final Map<String, Program> programs = new HashMap<>();

	/** The earliest listing of each list in the file, by {@link #key}. */
	private final Map<String, FuzzyDate> earliest = new HashMap<>();

	FtmMeasures(MongoTemplate mongo, RecordWriter writer, RecordTypes types) {
		this.mongo = mongo;
		this.writer = writer;
		this.types = types;
	}

	/**
	 * What names one list in a file before anything is looked up: the imposers' codes and
	 * the programme's code, else its name.
	 */
	static String key(List<String> countryCodes, String programCode, String programName) {
		String codes = String.join(",",
				new TreeSet<>(countryCodes.stream().map(code -> code.strip().toLowerCase(Locale.ROOT)).toList()));
		String program = programCode != null ? "id:" + programCode
				: programName != null ? "name:" + programName.toLowerCase(Locale.ROOT) : "-";
		return codes + "\n" + program;
	}

	/**
	 * Notes a Sanction's listing (its first listingDate or startDate that is a date)
	 * while an import reads the file the first time, so each measure is made starting
	 * with the earliest listing of its list in the file and not moved again and again.
	 */
	void observe(FtmEntity sanction) {
		List<String> dates = new ArrayList<>(sanction.values("listingDate"));
		dates.addAll(sanction.values("startDate"));
		FuzzyDate date = null;
		for (int i = 0; i < dates.size() && date == null; i++) {
			try {
				date = new FuzzyDate(dates.get(i).strip());
			}
			catch (IllegalArgumentException ex) {
				// not a date: the Sanction is checked (and refused) when it is imported
			}
		}
		String code = first(sanction.values("programId"));
		String name = first(sanction.values("program"));
		String key = key(sanction.values("country"), code, name);
		if (date != null && (this.earliest.containsKey(key) || this.earliest.size() < HELD_MAX)) {
			this.earliest.merge(key, date, FtmMeasures::min);
		}
	}

	private static String first(List<String> values) {
		return values.isEmpty() || values.get(0).isBlank() ? null : values.get(0).strip();
	}

	private static FuzzyDate min(FuzzyDate one, FuzzyDate other) {
		return other.earliest().isBefore(one.earliest()) ? other : one;
	}

	/**
	 * The programme with this code, else this name (code and name null: none), made with
	 * both, the address and the imposers as administrators when no programme has them.
	 */
	Program program(String code, String name, String url, List<String> imposerIds) {
		if (code == null && name == null) {
			return null;
		}
		String key = code != null ? "code:" + code : "name:" + name.toLowerCase(Locale.ROOT);
		Program held = this.programs.get(key);
		if (held != null) {
			return held;
		}
		Criteria criteria = code != null ? Criteria.where("code").is(code)
				: Criteria.where("sortKey").is(name.toLowerCase(Locale.ROOT));
		Program program = this.mongo.findOne(Query.query(criteria), Program.class);
		if (program == null) {
			program = this.writer.create(this.types.of(Program.class).name(), Program.class,
					ProgramBuilder.builder()
						.id("ftm-program-" + Fingerprint.of(key).substring(0, 24))
						.name(name != null ? name : code)
						.kind(ProgramKind.SANCTIONS_REGIME)
						.administratorIds(imposerIds)
						.authorityId(imposerIds.isEmpty() ? null : imposerIds.get(0))
						.code(code)
						.url(url)
						.revision(1)
						.build(),
					FtmUpserts.OPERATION);
		}
		hold(this.programs, key, program);
		return program;
	}

	/**
	 * The id of the measure of these imposers under the programme (null: none), made or
	 * moved to start no later than {@code listing} and the earliest listing of the list
	 * ({@code key}) in the file.
	 */
	String measureFor(List<String> imposerIds, Program program, FuzzyDate listing, String key, String imposerCodes) {
		FuzzyDate listed = min(listing, this.earliest.getOrDefault(key, listing));
		TreeSet<String> imposers = new TreeSet<>(imposerIds);
		String id = "ftm-measure-"
				+ Fingerprint.of(String.join(",", imposers) + "\n" + (program == null ? "-" : program.id()))
					.substring(0, 24);
		Measure measure = this.measures.get(id);
		if (measure == null) {
			measure = this.mongo.findById(id, Measure.class);
		}
		String recordType = this.types.of(Measure.class).name();
		if (measure == null) {
			String title = program != null ? program.name() : "Sanctions listed by " + imposerCodes;
			String group = "Those listed under " + title
					+ (program != null && program.code() != null ? " (" + program.code() + ")" : "");
			measure = this.writer.create(recordType, Measure.class,
					MeasureBuilder.builder()
						.id(id)
						.kind(MeasureKind.SANCTION)
						.title(title)
						.imposerIds(new ArrayList<>(imposers))
						.targets(List.of(new Target(TargetKind.GROUP, null, null, null, group, null)))
						.programId(program == null ? null : program.id())
						.listed(listed)
						.revision(1)
						.build(),
					FtmUpserts.OPERATION);
		}
		else if (measure.listed() == null || listed.earliest().isBefore(measure.listed().earliest())) {
			RecordWriter.Outcome<Measure> outcome = this.writer.update(recordType, Measure.class, id,
					measure.revision(), FtmUpserts.OPERATION,
					current -> MeasureBuilder.builder(current).listed(listed).build());
			if (!(outcome instanceof RecordWriter.Outcome.Written<Measure> written)) {
				throw new FtmEntity.Invalid("the measure " + id + " changed while it was imported; import it again");
			}
			measure = written.record();
		}
		hold(this.measures, id, measure);
		return id;
	}

	private static <T> void hold(Map<String, T> held, String key, T value) {
		if (held.size() >= HELD_MAX) {
			held.clear();
		}
		held.put(key, value);
	}

}
