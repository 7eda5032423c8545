package org.sanctionsgraph.generate;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.bson.Document;
import org.sanctionsgraph.measure.Measure;
import org.sanctionsgraph.measure.MeasureKind;
import org.sanctionsgraph.measure.MeasureType;
import org.sanctionsgraph.measure.Target;
import org.sanctionsgraph.measure.TargetKind;
import org.sanctionsgraph.model.Citation;
import org.sanctionsgraph.model.FuzzyDate;
import org.sanctionsgraph.party.Party;
import org.sanctionsgraph.model.RecordEvents;
import org.sanctionsgraph.party.PartyKind;
import org.sanctionsgraph.person.Person;
import org.sanctionsgraph.program.Program;
import org.sanctionsgraph.program.ProgramKind;
import org.sanctionsgraph.source.Source;
import org.sanctionsgraph.source.SourceKind;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Loads a relational data set written as CSV files (the layout of the PostGraphile
 * comparison in {@code bench/peer}:
 * {@code party, person, measure, measure_imposer, measure_target, response}), so that
 * this API and a relational one serve the same records. Started with
 * {@code --sanctions.generate.csv-dir=DIR}; loads once per database and directory.
 *
 * <p>
 * Mapping: party rows become parties (matched by code; a country already present takes
 * the CSV's name, so both sides answer the same); people, measures and programmes get ids
 * {@code csv-p<n>}, {@code csv-m<n>} and {@code csv-prog-<code>}, with the numbers
 * zero-padded so that ties on the start date order by the CSV id as they do in SQL.
 * Imposers are kept in party-id order and targets in target-id order. The CSV's measure
 * types map onto this API's vocabulary ({@link #TYPES}); two pairs of CSV names share one
 * of ours.
 */
@Component
@Order(2)
@ConditionalOnProperty("sanctions.generate.csv-dir")
class CsvLoader implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(CsvLoader.class);

	private static final int BATCH = 5_000;

	static final String SOURCE_ID = "csv-source";

	/** The CSV's measure types, in this API's vocabulary. */
	static final Map<String, MeasureType> TYPES = Map.of("ASSET_FREEZE", MeasureType.ASSET_FREEZE, "TRAVEL_BAN",
			MeasureType.TRAVEL_BAN, "VISA_BAN", MeasureType.TRAVEL_BAN, "ARMS_EMBARGO", MeasureType.ARMS_EMBARGO,
			"TRADE_RESTRICTION", MeasureType.IMPORT_RESTRICTION, "IMPORT_BAN", MeasureType.IMPORT_RESTRICTION,
			"FINANCIAL", MeasureType.FINANCIAL_RESTRICTION, "SECTORAL", MeasureType.SECTORAL_SANCTIONS,
			"EXPORT_CONTROL", MeasureType.EXPORT_CONTROL, "AVIATION_BAN", MeasureType.TRANSPORT_RESTRICTION);

	private static final CSVFormat FORMAT = CSVFormat.RFC4180;

	private final MongoTemplate mongo;

	private final RecordEvents events;

	private final Path dir;

	private final Clock clock;

	/** Rows not stored, being the same as a record stored already. */
	private long refused;

	private LoadProgress progress;

	/** Stores the batches of people and measures while the next is read. */
	private BulkInsert.Pipeline pipeline;

	CsvLoader(MongoTemplate mongo, RecordEvents events, GenerateProperties properties, Clock clock) {
		this.mongo = mongo;
		this.events = events;
		this.clock = clock;
		this.dir = properties.csvDir().toAbsolutePath().normalize();
	}

	/** The id of the n-th CSV measure. */
	static String measureId(long n) {
		return String.format(Locale.ROOT, "csv-m%07d", n);
	}

	static String personId(long n) {
		return String.format(Locale.ROOT, "csv-p%07d", n);
	}

	@Override
	public void run(ApplicationArguments args) throws IOException {
		try (BulkInsert.Pipeline batches = new BulkInsert.Pipeline(this.mongo)) {
			this.pipeline = batches;
			load();
		}
		finally {
			this.pipeline = null;
		}
	}

	private void load() throws IOException {
		for (String file : List.of("party", "person", "measure", "measure_imposer", "measure_target", "response")) {
			if (!Files.isReadable(file(file))) {
				throw new IllegalArgumentException(
						"sanctions.generate.csv-dir: " + file(file) + " is missing or unreadable");
			}
		}
		String marker = "csv-" + this.dir.getFileName() + "-" + Files.size(file("measure"));
		if (this.mongo.exists(Query.query(Criteria.where("_id").is(marker)), "seed")) {
			log.info("CSV data set {} already loaded", this.dir);
			return;
		}
		long started = System.nanoTime();
		// a load that stopped midway (no marker yet) runs again and skips what it stored
		this.progress = new LoadProgress("CSV data set " + this.dir.getFileName(), this.clock);
		Citation cited = new Citation(SOURCE_ID, null, "CSV data set " + this.dir.getFileName());
		if (!this.mongo.exists(Query.query(Criteria.where("_id").is(SOURCE_ID)), Source.class)) {
			BulkInsert.insert(this.mongo, Source.class,
					List.of(new Source(SOURCE_ID, SourceKind.REFERENCE, "Synthetic comparison data set (CSV)", null,
							null, null, "Loaded from CSV files; not real.", null, 1)));
		}

		// parties: CSV id -> our id; row order is the CSV id order
		Map<String, String> partyIds = new HashMap<>();
		Map<String, Integer> partyRank = new HashMap<>();
		int[] renamed = { 0 };
		each("party", row -> {
			String code = row.get(1);
			String name = row.get(2);
			PartyKind kind = "BLOC".equals(row.get(3)) ? PartyKind.BLOC : PartyKind.COUNTRY;
			Party existing = this.mongo.findOne(Query.query(Criteria.where("code").is(code)), Party.class);
			String id;
			if (existing == null) {
				id = code.toLowerCase(Locale.ROOT);
				refused(Party.class,
						BulkInsert
							.insert(this.mongo, Party.class,
									List.of(new Party(id, code, name, kind, List.of(), null, List.of(cited), null, 1)))
							.refused());
			}
			else {
				id = existing.id();
				if (!name.equals(existing.name()) || kind != existing.kind()) {
					this.mongo.updateFirst(Query.query(Criteria.where("_id").is(id)),
							Update.update("name", name).set("kind", kind.name()), Party.class);
					renamed[0]++;
				}
			}
			partyIds.put(row.get(0), id);
			partyRank.put(id, partyRank.size());
		});

		Map<String, String> nationality = new HashMap<>();
		List<Object> batch = new ArrayList<>();
		each("person", row -> {
			String country = partyIds.get(row.get(2));
			String id = personId(Long.parseLong(row.get(0)));
			nationality.put(id, country);
			batch.add(new Person(id, row.get(1), null, null, List.of(), null, List.of(country), List.of(), null,
					List.of(cited), null, 1));
			flush(Person.class, batch, false);
		});
		flush(Person.class, batch, true);

		Map<Long, List<String>> imposers = new HashMap<>();
		each("measure_imposer", row -> imposers.computeIfAbsent(Long.parseLong(row.get(0)), k -> new ArrayList<>())
			.add(partyIds.get(row.get(1))));
		Map<Long, List<Target>> targets = new HashMap<>();
		each("measure_target", row -> {
			Target target = row.get(2).isEmpty()
					? new Target(TargetKind.PERSON, null, personId(Long.parseLong(row.get(3))), null, null,
							nationality.get(personId(Long.parseLong(row.get(3)))))
					: new Target(TargetKind.PARTY, partyIds.get(row.get(2)), null, null, null, null);
			targets.computeIfAbsent(Long.parseLong(row.get(1)), k -> new ArrayList<>()).add(target);
		});
		Map<Long, List<String>> respondsTo = new HashMap<>();
		each("response", row -> respondsTo.computeIfAbsent(Long.parseLong(row.get(0)), k -> new ArrayList<>())
			.add(measureId(Long.parseLong(row.get(1)))));
		respondsTo.values().forEach(list -> list.sort(Comparator.naturalOrder()));

		Map<String, Program> programs = new LinkedHashMap<>();
		int[] measures = { 0 };
		each("measure", row -> {
			long n = Long.parseLong(row.get(0));
			List<String> by = new ArrayList<>(imposers.getOrDefault(n, List.of()));
			by.sort(Comparator.comparing(partyRank::get));
			String code = row.get(4);
			String programId = code.isEmpty() ? null : "csv-prog-" + code;
			if (programId != null && !programs.containsKey(programId)) {
				programs.put(programId, new Program(programId, code, ProgramKind.SANCTIONS_REGIME, List.of(),
						by.isEmpty() ? List.of() : List.of(by.get(0)), null, null, List.of(cited), null, 1));
			}
			String end = row.get(6);
			batch.add(Measure.of(measureId(n), MeasureKind.valueOf(row.get(1)), row.get(2), null, types(row.get(3)), by,
					targets.getOrDefault(n, List.of()), programId, null, null, List.of(),
					respondsTo.getOrDefault(n, List.of()), null, null, FuzzyDate.of(row.get(5)),
					end.isEmpty() ? null : FuzzyDate.of(end), end.isEmpty() ? null : "ended (CSV end date)", null,
					List.of(cited)));
			measures[0]++;
			flush(Measure.class, batch, false);
		});
		flush(Measure.class, batch, true);
		this.pipeline.finish();
		List<Program> programList = new ArrayList<>(programs.values());
		for (int i = 0; i < programList.size(); i += BATCH) {
			refused(Program.class,
					BulkInsert
						.insert(this.mongo, Program.class,
								programList.subList(i, Math.min(programList.size(), i + BATCH)))
						.refused());
		}
		this.mongo.insert(new Document("_id", marker), "seed");
		List.of(Party.class, Person.class, Measure.class, Program.class).forEach(this.events::loaded);
		log.info(
				"Loaded CSV data set {}: {} parties ({} renamed to the CSV's names), {} people, {} measure rows, "
						+ "{} programmes in {} s; {} rows not stored as the same as a record stored (see above)",
				this.dir, partyIds.size(), renamed[0], nationality.size(), measures[0], programs.size(),
				(System.nanoTime() - started) / 1_000_000_000, this.refused);
	}

	/** "{A,B}" in CSV vocabulary to our types, without repeats, in the CSV's order. */
	static List<MeasureType> types(String array) {
		String inner = array.startsWith("{") && array.endsWith("}") ? array.substring(1, array.length() - 1) : array;
		List<MeasureType> out = new ArrayList<>();
		for (String name : inner.split(",")) {
			if (name.isBlank()) {
				continue;
			}
			MeasureType type = TYPES.get(name.trim());
			if (type == null) {
				throw new IllegalArgumentException("sanctions.generate.csv-dir: unknown measure type '" + name + "'");
			}
			if (!out.contains(type)) {
				out.add(type);
			}
		}
		return out;
	}

	private Path file(String name) {
		return this.dir.resolve(name + ".csv");
	}

	private void each(String name, Consumer<CSVRecord> action) {
		try (Reader reader = Files.newBufferedReader(file(name), StandardCharsets.UTF_8)) {
			for (CSVRecord row : FORMAT.parse(reader)) {
				action.accept(row);
				this.progress.read(name + ".csv");
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private void flush(Class<?> type, List<Object> batch, boolean last) {
		if (batch.size() >= BATCH || (last && !batch.isEmpty())) {
			int size = batch.size();
			this.pipeline.insert(type, batch, inserted -> {
				refused(type, inserted.refused());
				this.progress.stored(this.mongo.getCollectionName(type), size - inserted.refused().size());
			});
			batch.clear();
		}
	}

	/** Says which rows were not stored, being the same as a record stored before. */
	private void refused(Class<?> type, List<Object> ids) {
		if (!ids.isEmpty()) {
			this.refused += ids.size();
			log.warn(
					"CSV data set {}: {} {} not stored, each the same as one stored already "
							+ "(for a measure: same kind, imposers, targets, types and start): {}",
					this.dir, ids.size(), this.mongo.getCollectionName(type), ids);
		}
	}

}
