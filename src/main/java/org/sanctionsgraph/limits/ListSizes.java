package org.sanctionsgraph.limits;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.sanctionsgraph.db.CleanStops;
import org.sanctionsgraph.db.LongOperations;
import org.sanctionsgraph.records.ListSource;
import org.sanctionsgraph.records.ListSource.FieldsOfARecord;
import org.sanctionsgraph.records.ListSource.Fixed;
import org.sanctionsgraph.records.ListSource.Referencing;
import org.sanctionsgraph.records.ListSource.Stored;
import org.sanctionsgraph.model.RecordListener;
import org.sanctionsgraph.records.RecordType;
import org.sanctionsgraph.records.RecordTypes;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.data.core.PropertyPath;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * The most items each plain list can hold right now, so the query cost counts a list by a
 * bound rather than a guess: per source each feature declares on its record kind
 * ({@link RecordType#list}), the largest list stored (or, for a reverse lookup, the most
 * records naming one record), computed at start-up with one aggregation per source and
 * raised by every write this instance hears of ({@link RecordListener}: its own writes,
 * bulk loads, and other instances' writes through the change stream). A bound never goes
 * down while the app runs (a list that shrank keeps its old bound, still an upper bound).
 *
 * <p>
 * The race, and the choice made: the writer tells listeners once its write has committed
 * and before it answers, so the bound is raised before the write is acknowledged, and
 * every request admitted after that counts it. A request admitted in between (or, on
 * another instance, before the change stream brings the write) was measured on the data
 * as it was; it may read one write's growth more than it was counted for, at most the
 * {@value #MOST} items one write stores, and the request time limit still bounds its
 * work. Raising before the write would only move the window (a query admitted before the
 * write runs alongside it either way).
 *
 * <p>
 * Kept between starts, where the store can tell a clean stop from a crash
 * ({@link CleanStops}, the embedded server): each bound is kept in the store
 * ({@value #KEPT}, one document per source) and raised there with every rise heard, so a
 * start after a clean stop takes them back instead of reading every record again (on a
 * million measures that was half the start). It measures only what the kept bounds may
 * not cover: a source with no kept bound (new in this version, or left unmeasured by a
 * stop midway through a measure). After a crash, a bulk load before the start's measure
 * (the process may stop before it measures), or once a write was stored without this
 * listener hearing of it ({@link #missed}, a listener's failure), the kept bounds are not
 * trusted and everything is measured again.
 */
@Component
@Order(5)
class ListSizes implements RecordListener, ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(ListSizes.class);

	/** How often a pass over a large collection says how far it got. */
	private static final long PROGRESS_EVERY_NANOS = TimeUnit.SECONDS.toNanos(10);

	/** Records read at a time in a pass over a record kind. */
	static final int PAGE = 10_000;

	/**
	 * The most items a write stores in one list ({@code write.Checks.LIST_MAX}; this
	 * package may not import the write path, and a test checks that both agree): what a
	 * list counts when nothing better is known.
	 */
	static final int MOST = 200;

	/** The collection keeping the bounds between starts. */
	static final String KEPT = "listBounds";

	/**
	 * The document in {@value #KEPT} saying its bounds may be too low (a write not heard,
	 * a bulk load before the start's measure); a start that finds it measures every
	 * bound.
	 */
	static final String STALE = "stale";

	/** The list of fields in a change ({@code write.HistoryController} serves it). */
	static final String CHANGE_FIELDS = "Change.fields";

	private final MongoTemplate mongo;

	private final RecordTypes types;

	private final Map<String, List<ListSource>> lists = new HashMap<>();

	/**
	 * The sources that read each record kind's stored data, for the writes it hears of.
	 */
	private final Map<String, List<ListSource>> sourcesByKind;

	private final Map<ListSource, Long> most = new ConcurrentHashMap<>();

	private final AtomicLong version = new AtomicLong();

	private volatile boolean ready;

	/**
	 * Set when the start-up measure begins: a load that ends before then is measured by
	 * it, so {@link #loaded} need not measure the same records a second time.
	 */
	private volatile boolean measuring;

	/**
	 * The store's word on clean stops, or null for a store that cannot give it (then
	 * nothing is kept).
	 */
	private final CleanStops stops;

	/** How many sources the start-up measure read the stored data for. */
	private volatile int measuredAtStart;

	@Autowired
	ListSizes(MongoTemplate mongo, RecordTypes types, ObjectProvider<CleanStops> stops) {
		this(mongo, types, stops.getIfAvailable());
	}

	ListSizes(MongoTemplate mongo, RecordTypes types, CleanStops stops) {
		this.mongo = mongo;
		this.types = types;
		this.stops = stops;
		// the fields a change lists: one per stored field of the record changed at most
		this.lists.put(CHANGE_FIELDS, List.of(new FieldsOfARecord()));
		for (RecordType<?> type : types.all()) {
			type.lists().forEach((field, parts) -> {
				parts.forEach(this::check);
				boolean ofItsOwnType = field.contains(".");
				RecordType<?> served = ofItsOwnType ? types.named(field.substring(0, field.indexOf('.'))) : type;
				String name = ofItsOwnType ? field.substring(field.indexOf('.') + 1) : field;
				List<String> typeNames = new ArrayList<>();
				typeNames.add(ofItsOwnType ? field.substring(0, field.indexOf('.')) : type.name());
				if (served != null) {
					typeNames.addAll(served.objectTypes());
				}
				typeNames.forEach(typeName -> this.lists.put(typeName + "." + name, parts));
			});
		}
		this.sourcesByKind = this.lists.values()
			.stream()
			.flatMap(List::stream)
			.distinct()
			.filter(part -> part.recordType() != null)
			.collect(Collectors.groupingBy(ListSource::recordType));
	}

	/** Fails the start on a source naming no record kind or no stored field. */
	private void check(ListSource part) {
		if (part.recordType() != null) {
			RecordType<?> type = this.types.named(part.recordType());
			if (type == null) {
				throw new IllegalStateException("A list is declared on no record kind named " + part.recordType());
			}
			PropertyPath.from(part.path(), type.documentClass());
		}
	}

	@Override
	public void run(ApplicationArguments args) {
		this.measuring = true;
		List<ListSource> all = this.lists.values().stream().flatMap(List::stream).distinct().toList();
		List<ListSource> left = this.stops == null ? all : takeKept(all);
		measure(left);
		this.measuredAtStart = (int) left.stream().filter(part -> part.recordType() != null).count();
		if (this.stops != null) {
			// every bound as it is now, measured or taken (a rise heard meanwhile too)
			all.stream()
				.filter(part -> part.recordType() != null)
				.forEach(part -> keep(part, this.most.get(part), true));
		}
		this.ready = true;
		this.version.incrementAndGet();
	}

	/**
	 * Takes back the bounds kept in the store where they can be trusted, and answers the
	 * sources left to measure. Kept bounds about to be measured again are deleted first,
	 * so a stop midway leaves them missing (measured at the next start), not old.
	 */
	private List<ListSource> takeKept(List<ListSource> all) {
		MongoCollection<Document> kept = kept();
		Map<String, Long> bounds = new HashMap<>();
		if (this.stops.followsCleanStop()) {
			kept.find()
				.forEach(doc -> bounds.put(String.valueOf(doc.get("_id")),
						doc.get("most") instanceof Number n ? n.longValue() : null));
		}
		if (bounds.containsKey(STALE)) {
			log.info("The list bounds kept in the store may be too low (records stored unheard, or loaded in bulk "
					+ "before a start's measure): measuring them all");
			bounds.clear();
		}
		List<ListSource> left = new ArrayList<>();
		int taken = 0;
		for (ListSource part : all) {
			Long bound = part.recordType() == null ? null : bounds.get(key(part));
			if (bound == null) {
				left.add(part);
			}
			else {
				raise(part, bound);
				taken++;
			}
		}
		if (bounds.isEmpty()) {
			kept.deleteMany(new Document());
		}
		else {
			List<String> again = left.stream().filter(part -> part.recordType() != null).map(ListSizes::key).toList();
			kept.deleteMany(Filters.in("_id", again));
			log.info("Took {} list bounds kept in the store at the last clean stop; {} left to measure", taken,
					again.size());
		}
		return left;
	}

	/** How many sources the start-up measure read the stored data for (for tests). */
	int measuredAtStart() {
		return this.measuredAtStart;
	}

	/**
	 * Computes the sources' bounds from the stored data: the arrays stored on one record
	 * kind in a single pass over its collection, whatever their number (one pass per
	 * array took a record kind with seven lists seven passes over a million documents),
	 * and each other source by itself.
	 */
	private void measure(List<ListSource> parts) {
		Map<String, List<Stored>> stored = new LinkedHashMap<>();
		for (ListSource part : parts) {
			if (part instanceof Stored array) {
				stored.computeIfAbsent(array.recordType(), kind -> new ArrayList<>()).add(array);
			}
			else {
				raise(part, largest(part));
			}
		}
		stored.forEach((kind, arrays) -> {
			long[] most = largestArrays(this.types.named(kind), arrays);
			for (int i = 0; i < arrays.size(); i++) {
				raise(arrays.get(i), most[i]);
			}
		});
	}

	/**
	 * The largest size of each array, read in one pass over the record kind's documents.
	 */
	private long[] largestArrays(RecordType<?> type, List<Stored> arrays) {
		return pass(type, arrays, PAGE).most();
	}

	/**
	 * What one pass over a record kind found: each array's largest size, and how many
	 * records it read.
	 */
	record Pass(long[] most, long read) {
	}

	/**
	 * One pass over a record kind's stored arrays, {@code page} records at a time (for
	 * tests).
	 */
	Pass pass(String recordType, int page) {
		RecordType<?> type = this.types.named(recordType);
		List<Stored> arrays = sources(type).stream()
			.filter(Stored.class::isInstance)
			.map(Stored.class::cast)
			.filter(stored -> stored.recordType().equals(recordType))
			.toList();
		return pass(type, arrays, page);
	}

	private Pass pass(RecordType<?> type, List<Stored> arrays, int page) {
		String[][] steps = new String[arrays.size()][];
		Document projection = new Document();
		for (int i = 0; i < arrays.size(); i++) {
			steps[i] = arrays.get(i).path().split("\\.");
			// the top-level field: paths below one another would collide in a projection
			projection.put(steps[i][0], 1);
		}
		long[] most = new long[arrays.size()];
		long started = System.nanoTime();
		long logged = started;
		long read = 0;
		// a pass over a whole collection at start or after a bulk load, not a request:
		// the per-request time limit would stop it at a million records. Read a page at
		// a time in id order: the embedded server gathers a query's whole answer before
		// its first batch, which for a million records did not fit the heap
		Object after = null;
		for (int got = page; got == page;) {
			got = 0;
			for (Document doc : collection(type)
				.withTimeout(LongOperations.WHOLE_COLLECTION.toMillis(), TimeUnit.MILLISECONDS)
				.find(after == null ? new Document() : Filters.gt("_id", after))
				.projection(projection)
				.sort(new Document("_id", 1))
				.limit(page)) {
				for (int i = 0; i < most.length; i++) {
					most[i] = Math.max(most[i], largestIn(doc, steps[i]));
				}
				after = doc.get("_id");
				got++;
				read++;
				if (System.nanoTime() - logged > PROGRESS_EVERY_NANOS) {
					logged = System.nanoTime();
					log.info("Measuring the list bounds of {}: {} records read so far", type.name(), read);
				}
			}
		}
		long seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started);
		if (seconds >= 1) {
			log.info("Measured the list bounds of {} over {} records in {} s", type.name(), read, seconds);
		}
		else {
			log.debug("Measured the list bounds of {} over {} records in {} s", type.name(), read, seconds);
		}
		return new Pass(most, read);
	}

	/** Whether every bound has been computed from the stored data. */
	boolean ready() {
		return this.ready;
	}

	/** Changes each time a bound rises, so measures made before can be told apart. */
	long version() {
		return this.version.get();
	}

	/** Whether the list {@code type.field} is bounded by the stored data. */
	boolean bounded(String type, String field) {
		return this.lists.containsKey(type + "." + field);
	}

	/**
	 * The most items the list {@code type.field} may return (at least 1), or
	 * {@value #MOST} for a list not known here or before the bounds are computed.
	 */
	long items(String type, String field) {
		List<ListSource> parts = this.lists.get(type + "." + field);
		if (parts == null || !this.ready) {
			return MOST;
		}
		long items = 0;
		for (ListSource part : parts) {
			items += this.most.getOrDefault(part, (long) MOST);
		}
		return Math.max(items, 1);
	}

	@Override
	public void written(Object record) {
		writtenAll(List.of(record));
	}

	/**
	 * Raises the bounds for records just stored: each record's own lists from its
	 * document, and the lists that gather records referring to another (a measure's
	 * designations) by one count per record referred to, however many of the batch refer
	 * to it.
	 */
	@Override
	public void writtenAll(List<?> records) {
		try {
			raiseFor(records);
		}
		catch (RuntimeException ex) {
			// some records may not have raised their bounds: the kept ones are not to be
			// trusted
			missed();
			throw ex;
		}
	}

	/**
	 * Records were stored and this listener was not told of them all: the bounds kept in
	 * the store are marked as not to be trusted, so the next start measures them again.
	 */
	@Override
	public void missed() {
		if (this.stops == null) {
			return;
		}
		try {
			kept().updateOne(Filters.eq("_id", STALE), Updates.set("since", new Date()),
					new UpdateOptions().upsert(true));
		}
		catch (RuntimeException ex) {
			log.error("Could not mark the kept list bounds as stale: {}", ex.toString());
		}
	}

	private void raiseFor(List<?> records) {
		Map<ListSource, Set<Object>> referred = new LinkedHashMap<>();
		Map<ListSource, RecordType<?>> referring = new HashMap<>();
		for (Object record : records) {
			RecordType<?> type = this.types.ofRecord(record);
			List<ListSource> sources = type == null ? List.of() : sources(type);
			if (sources.isEmpty()) {
				continue;
			}
			Document doc = new Document();
			this.mongo.getConverter().write(record, doc);
			for (ListSource part : sources) {
				if (part instanceof Stored stored) {
					raise(part, largestIn(doc, stored.path().split("\\.")));
				}
				else if (part instanceof Referencing referencing) {
					Object key = valueAt(doc, referencing.path());
					if (key != null) {
						referred.computeIfAbsent(part, p -> new LinkedHashSet<>()).add(key);
						referring.put(part, type);
					}
				}
			}
		}
		referred.forEach((part, keys) -> {
			String path = ((Referencing) part).path();
			for (Object key : keys) {
				raise(part, collection(referring.get(part)).countDocuments(Filters.eq(path, key)));
			}
		});
	}

	@Override
	public void loaded(Class<?> documentClass) {
		if (!this.measuring) {
			// a load at start-up (the runners before this one): the start-up measure
			// reads every record it stored, once; until it has, the kept bounds may be
			// too low (this process may stop before it measures)
			missed();
			return;
		}
		this.types.all()
			.stream()
			.filter(type -> type.documentClass().equals(documentClass))
			.forEach(type -> measure(sources(type)));
	}

	private List<ListSource> sources(RecordType<?> type) {
		return this.sourcesByKind.getOrDefault(type.name(), List.of());
	}

	private void raise(ListSource part, long items) {
		boolean[] rose = new boolean[1];
		this.most.compute(part, (source, before) -> {
			// a first value is a rise too: a process that stops before its measure keeps
			// it
			rose[0] = before == null || items > before;
			return rose[0] ? items : before;
		});
		if (rose[0]) {
			this.version.incrementAndGet();
			if (this.stops != null && part.recordType() != null) {
				keep(part, items, this.ready);
			}
		}
	}

	/**
	 * Raises the bound kept in the store to {@code items} (never lowers it: two rises
	 * kept side by side keep the larger); if it cannot, marks the kept bounds stale. A
	 * rise heard before the start-up measure has kept or measured every bound raises only
	 * a bound kept already: one missing is measured at the next start, and a document
	 * made from a single rise would pass for a measure.
	 */
	private void keep(ListSource part, long items, boolean orCreate) {
		try {
			kept().updateOne(Filters.eq("_id", key(part)), Updates.max("most", items),
					new UpdateOptions().upsert(orCreate));
		}
		catch (RuntimeException ex) {
			log.warn("Could not keep the list bound of {}: {}", key(part), ex.toString());
			missed();
		}
	}

	private MongoCollection<Document> kept() {
		return this.mongo.getCollection(KEPT);
	}

	/** A source's name in the store: its kind of list, record kind and field. */
	static String key(ListSource part) {
		return part.getClass().getSimpleName() + " " + part.recordType() + " " + part.path();
	}

	/** The largest size of a source in the stored data. */
	private long largest(ListSource part) {
		if (part instanceof Fixed fixed) {
			return fixed.items();
		}
		if (part instanceof FieldsOfARecord) {
			return this.types.all()
				.stream()
				.mapToLong(type -> StreamSupport
					.stream(this.mongo.getConverter()
						.getMappingContext()
						.getRequiredPersistentEntity(type.documentClass())
						.spliterator(), false)
					.count())
				.max()
				.orElse(MOST);
		}
		// a reverse lookup (arrays stored on records are measured in one pass per record
		// kind, see largestArrays): each named record's count as "items", then the
		// largest
		List<Document> pipeline = new ArrayList<>();
		String path = part.path();
		pipeline.add(new Document("$match", new Document(path, new Document("$ne", null))));
		pipeline.add(new Document("$group", new Document("_id", "$" + path).append("items", new Document("$sum", 1))));
		pipeline.add(new Document("$group", new Document("_id", null).append("most", new Document("$max", "$items"))));
		// a pass over a whole collection at start or after a bulk load, not a request:
		// the per-request time limit would stop it at a million records
		Document result = collection(this.types.named(part.recordType()))
			.withTimeout(LongOperations.WHOLE_COLLECTION.toMillis(), TimeUnit.MILLISECONDS)
			.aggregate(pipeline)
			.first();
		return result != null && result.get("most") instanceof Number number ? number.longValue() : 0;
	}

	private MongoCollection<Document> collection(RecordType<?> type) {
		return this.mongo.getCollection(RecordTypes.collection(type.documentClass()));
	}

	/**
	 * The largest array at the end of a path, through the arrays on its way, in one
	 * document.
	 */
	private static long largestIn(Object value, String[] steps) {
		if (value instanceof List<?> list && steps.length > 0) {
			long largest = 0;
			for (Object item : list) {
				largest = Math.max(largest, largestIn(item, steps));
			}
			return largest;
		}
		if (!(value instanceof Document doc)) {
			return 0;
		}
		Object next = doc.get(steps[0]);
		if (steps.length == 1) {
			return next instanceof List<?> list ? list.size() : 0;
		}
		return largestIn(next, Arrays.copyOfRange(steps, 1, steps.length));
	}

	private static Object valueAt(Document doc, String path) {
		Object value = doc;
		for (String step : path.split("\\.")) {
			value = value instanceof Document current ? current.get(step) : null;
		}
		return value;
	}

}
