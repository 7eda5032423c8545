package org.sanctionsgraph.ftm;

import java.io.BufferedReader;
import java.lang.management.ManagementFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.zip.GZIPInputStream;

import com.sun.management.OperatingSystemMXBean;
import org.sanctionsgraph.records.RecordTypes;
import org.sanctionsgraph.security.Actor;
import org.sanctionsgraph.write.BatchWriter;
import org.sanctionsgraph.write.RecordWriter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;

/**
 * Imports FtM entities (one JSON object per line) line by line, so memory does not grow
 * with the file. A body is first copied to a temporary file; the file is then read once
 * per pass: addresses and held entities (passports, identifications, positions,
 * occupancies) first, then people and organisations, then ties and sanctions, so an
 * entity may refer to one further down. A line that is not JSON or an entity that fails
 * validation is rejected with its line number and changes nothing; the rest goes in.
 * Changes are recorded under the actor {@value #ACTOR}.
 */
@Service
class FtmImporter {

	static final String ACTOR = Actor.IMPORT + ":ftm";

	/** Entities read from the file before they are handled (a batch's worth). */
	private static final int CHUNK = ImportBatches.BATCH;

	private static final Logger log = LoggerFactory.getLogger(FtmImporter.class);

	private final MongoTemplate mongo;

	private final FtmUpserts upserts;

	private final ImportProperties properties;

	private final RecordWriter writer;

	private final RecordTypes types;

	private final BatchWriter batchWriter;

	FtmImporter(MongoTemplate mongo, FtmUpserts upserts, ImportProperties properties, RecordWriter writer,
			RecordTypes types, BatchWriter batchWriter) {
		this.mongo = mongo;
		this.batchWriter = batchWriter;
		this.writer = writer;
		this.types = types;
		this.upserts = upserts;
		this.properties = properties;
	}

	/** One line of one pass: its number and the entity on it. */
	private interface Pass {

		/**
		 * Called with each chunk of entities before they are handled, to look up what
		 * they refer to at once.
		 */
		default void before(List<FtmEntity> chunk) {
		}

		void handle(long line, FtmEntity entity);

	}

	/** A pass that reads, before a chunk, the ids it refers to. */
	private static Pass referring(Function<FtmEntity, List<String>> refers, Consumer<Collection<String>> prefetch,
			Pass pass) {
		return new Pass() {

			@Override
			public void before(List<FtmEntity> chunk) {
				prefetch.accept(chunk.stream().flatMap(entity -> refers.apply(entity).stream()).toList());
			}

			@Override
			public void handle(long line, FtmEntity entity) {
				pass.handle(line, entity);
			}

		};
	}

	/** Imports a body (decompressed already), copied to a temporary file first. */
	ImportSummary.Report importStream(InputStream body) throws IOException {
		Path spool = Files.createTempFile("ftm-import-", ".ndjson");
		try {
			Files.copy(body, spool, StandardCopyOption.REPLACE_EXISTING);
			return importFile(spool);
		}
		finally {
			Files.deleteIfExists(spool);
		}
	}

	/** Imports a file of FtM JSON lines, gzip-compressed or not. */
	ImportSummary.Report importFile(Path file) throws IOException {
		Parties parties = Parties.load(this.mongo);
		AddressBook addresses = new AddressBook(this.mongo, parties);
		ImportSummary summary = new ImportSummary();
		Progress progress = new Progress(summary);
		SecurityContext previous = SecurityContextHolder.getContext();
		SecurityContext context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(ACTOR, null, List.of()));
		SecurityContextHolder.setContext(context);
		try {
			HeldEntities held = new HeldEntities(this.mongo, parties);
			FtmMeasures measures = new FtmMeasures(this.mongo, this.writer, this.types);
			ImportBatches batches = new ImportBatches(this.upserts, addresses, held, summary);
			read(file, summary, progress, true, (line, entity) -> {
				boolean address = entity.schema().equals("Address");
				boolean kept = HeldFtm.SCHEMATA.contains(entity.schema());
				summary.read(entity.schema(), address || kept || mapped(entity.schema()));
				if (address) {
					batches.address(line, entity);
				}
				else if (kept) {
					batches.held(line, entity);
				}
				else if (entity.schema().equals(SanctionFtm.SCHEMA)) {
					measures.observe(entity);
				}
			});
			batches.flush();
			read(file, summary, progress, false,
					referring(entity -> entity.values("addressEntity"), addresses::prefetch, (line, entity) -> {
						if (entity.schema().equals("Person")) {
							batches.person(line, entity.id(), PersonFtm.change(entity, parties, addresses));
						}
						else if (OrganizationFtm.SCHEMATA.contains(entity.schema())) {
							batches.organization(line, entity.id(), OrganizationFtm.change(entity, parties, addresses));
						}
					}));
			batches.flush();
			FtmEnds ends = new FtmEnds(this.mongo);
			read(file, summary, progress, false, referring(entity -> entity.schema().equals(SanctionFtm.SCHEMA)
					? entity.values("entity") : TieFtm.endIds(entity), ends::prefetch, (line, entity) -> {
						if (TieFtm.SCHEMATA.contains(entity.schema())) {
							batches.tie(line, entity.id(), TieFtm.change(entity, ends));
						}
						else if (entity.schema().equals(SanctionFtm.SCHEMA)) {
							batches.designation(line, entity.id(), SanctionFtm.change(entity, ends, measures, parties));
						}
						else if (HeldFtm.holder(entity) != null && HeldFtm.SCHEMATA.contains(entity.schema())) {
							batches.holder(line, HeldFtm.holder(entity));
						}
					}));
			batches.flush();
		}
		catch (IOException | RuntimeException ex) {
			// the listeners' failure, if any, goes with this import, not the next
			try {
				this.batchWriter.settle();
			}
			catch (RuntimeException listener) {
				ex.addSuppressed(listener);
			}
			throw ex;
		}
		finally {
			SecurityContextHolder.setContext(previous);
		}
		// every record imported is searchable before the import answers
		this.batchWriter.settle();
		ImportSummary.Report report = summary.report();
		log.info(
				"FtM import of {} done in {} s ({} ms, process CPU {} ms): {} created, {} updated, {} unchanged, {} rejected, unknown schemata {}",
				file.getFileName(), progress.seconds(), progress.millis(), progress.cpuMillis(), report.created(),
				report.updated(), report.unchanged(), report.rejectedCount(), report.unknownSchemas());
		return report;
	}

	private static long processCpuNanos() {
		return ManagementFactory.getOperatingSystemMXBean() instanceof OperatingSystemMXBean os ? os.getProcessCpuTime()
				: -1;
	}

	static boolean mapped(String schema) {
		return schema.equals("Person") || OrganizationFtm.SCHEMATA.contains(schema) || TieFtm.SCHEMATA.contains(schema)
				|| schema.equals(SanctionFtm.SCHEMA);
	}

	/**
	 * Reads every line of the file, a chunk at a time (so each pass may look up what a
	 * chunk refers to at once); the first pass rejects lines that are not entities, later
	 * passes skip them.
	 */
	private void read(Path file, ImportSummary summary, Progress progress, boolean first, Pass pass)
			throws IOException {
		List<FtmEntity> chunk = new ArrayList<>(CHUNK);
		List<Long> lines = new ArrayList<>(CHUNK);
		try (BufferedReader reader = new BufferedReader(new InputStreamReader(open(file), StandardCharsets.UTF_8))) {
			long number = 0;
			for (String line = reader.readLine(); line != null; line = reader.readLine()) {
				number++;
				if (line.isBlank()) {
					continue;
				}
				try {
					chunk.add(FtmEntity.parse(line));
					lines.add(number);
				}
				catch (FtmEntity.Invalid ex) {
					if (first) {
						summary.reject(number, ex.id(), ex.getMessage());
					}
					progress.tick();
				}
				if (chunk.size() == CHUNK) {
					handle(chunk, lines, summary, progress, pass);
				}
			}
		}
		handle(chunk, lines, summary, progress, pass);
	}

	private static void handle(List<FtmEntity> chunk, List<Long> lines, ImportSummary summary, Progress progress,
			Pass pass) {
		if (chunk.isEmpty()) {
			return;
		}
		pass.before(chunk);
		for (int i = 0; i < chunk.size(); i++) {
			FtmEntity entity = chunk.get(i);
			try {
				pass.handle(lines.get(i), entity);
			}
			catch (FtmEntity.Invalid ex) {
				summary.reject(lines.get(i), ex.id() != null ? ex.id() : entity.id(), ex.getMessage());
			}
			progress.tick();
		}
		chunk.clear();
		lines.clear();
	}

	private static InputStream open(Path file) throws IOException {
		InputStream in = Files.newInputStream(file);
		byte[] magic = new byte[2];
		try (InputStream peek = Files.newInputStream(file)) {
			if (peek.readNBytes(magic, 0, 2) == 2 && (magic[0] & 0xff) == 0x1f && (magic[1] & 0xff) == 0x8b) {
				return new GZIPInputStream(in, 64 * 1024);
			}
		}
		return in;
	}

	/** Logs how far an import got, at most once per progress interval. */
	private final class Progress {

		private final ImportSummary summary;

		private final long started = System.nanoTime();

		private long logged = this.started;

		private final long cpu = processCpuNanos();

		Progress(ImportSummary summary) {
			this.summary = summary;
		}

		void tick() {
			long now = System.nanoTime();
			if (now - this.logged >= FtmImporter.this.properties.progressInterval().toNanos()) {
				this.logged = now;
				long done = this.summary.done();
				log.info("FtM import: {} entities done, {} a second, {} rejected", done,
						Math.round(done / Math.max(1e-9, (now - this.started) / 1e9)), this.summary.rejectedCount());
			}
		}

		long seconds() {
			return (System.nanoTime() - this.started) / 1_000_000_000L;
		}

		long millis() {
			return (System.nanoTime() - this.started) / 1_000_000L;
		}

		/**
		 * CPU time the whole process (the embedded server included) spent since the
		 * import started, so a benchmark on a shared machine can tell work from waiting
		 * (-1 when the runtime does not say).
		 */
		long cpuMillis() {
			return this.cpu < 0 ? -1 : (processCpuNanos() - this.cpu) / 1_000_000L;
		}

	}

}
