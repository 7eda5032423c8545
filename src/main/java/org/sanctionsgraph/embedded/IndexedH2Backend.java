package org.sanctionsgraph.embedded;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.DatabaseResolver;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.aggregation.Aggregation;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.oplog.Oplog;
import io.netty.channel.Channel;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.type.StringDataType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded server's H2 backend with the secondary indexes the application declares:
 * each is an {@link OrderedIndex}, and collections plan their queries over them
 * ({@link IndexedH2Collection}), including the leading {@code $match} of an aggregation.
 * Without this the server accepts such indexes and scans whole collections. The data
 * files are the stock backend's. A command that changes data is answered only once its
 * change is on disk ({@link GroupCommit}).
 */
class IndexedH2Backend extends H2Backend {

	private static final Logger log = LoggerFactory.getLogger(IndexedH2Backend.class);

	/**
	 * The commands that change data or its layout (lower case), answered once durable.
	 * Not here: an aggregation ending in {@code $out} or {@code $merge} (the app runs
	 * none), which is saved with the next durable write or at shutdown.
	 */
	private static final Set<String> WRITES = Set.of("insert", "update", "delete", "findandmodify", "create",
			"createindexes", "drop", "dropdatabase", "dropindexes", "renamecollection");

	/** The stock backend's map names (its on-disk layout). */
	private static final String DATA_PREFIX = "databases.";

	private static final String META_PREFIX = "meta.";

	/** The map saying how the data file keeps documents, and its one key. */
	static final String FORMAT_MAP = "sanctions.format";

	private static final String DOCUMENTS = "documents";

	private static final String BSON = "bson";

	private static final String JAVA_SERIALIZED = "java-serialized";

	private final GroupCommit commits;

	/** Documents answered with their stored bytes ({@link EncodedReplies}). */
	private final AtomicLong sentAsStored = new AtomicLong();

	/** How documents are kept: {@value #BSON} or not; see {@link #bson()}. */
	private String documents;

	/**
	 * The indexes saved at the last clean stop, being read back, started on first use:
	 * the superclass's constructor opens the existing collections, and their indexes,
	 * before this class's constructor runs, so this field has no initializer (one would
	 * reset it afterwards).
	 */
	private IndexSnapshot.Restore restore;

	/** Every open secondary index, by collection namespace and index name. */
	private Map<String, OrderedIndex> open;

	/** How many indexes came from the snapshot at this start (for tests). */
	private AtomicInteger restored;

	/** How many index entries came from the snapshot at this start. */
	private AtomicLong restoredEntries;

	/**
	 * The backend over a data file, created if absent, with a page cache of
	 * {@code cacheMb} megabytes of pages (documents in them encoded, see
	 * {@link BsonDocumentType}; large enough, reads rarely go to the file). The store
	 * commits only when a write asks it to ({@link GroupCommit}).
	 */
	static IndexedH2Backend open(Path file, int cacheMb) {
		return new IndexedH2Backend(
				new MVStore.Builder().fileName(file.toString()).cacheSize(cacheMb).autoCommitDisabled().open());
	}

	IndexedH2Backend(MVStore store) {
		super(store);
		this.commits = new GroupCommit(store);
		restore().claimsOver();
		if (this.restore.used()) {
			log.info("Reading the indexes back from the snapshot taken at the last clean stop, in the background: "
					+ "a query waits only for the indexes it uses");
		}
	}

	/**
	 * Whether this data file keeps documents as BSON ({@link BsonDocumentType}): a file
	 * made since says so in a map of its own, written before its first collection; one
	 * that has collections and does not say so keeps them Java-serialised, as the stock
	 * backend writes them, and is read that way. Decided at the first collection opened
	 * (the superclass's constructor opens them before this class's runs, so the field has
	 * no initializer).
	 */
	private synchronized boolean bson() {
		if (this.documents == null) {
			MVStore store = getMvStore();
			MVMap<String, String> format = store.openMap(FORMAT_MAP);
			String kept = format.get(DOCUMENTS);
			if (kept == null && store.getMapNames().stream().noneMatch(name -> name.startsWith(DATA_PREFIX))) {
				format.put(DOCUMENTS, BSON);
				kept = BSON;
			}
			this.documents = kept == null ? JAVA_SERIALIZED : kept;
			if (!this.documents.equals(BSON)) {
				log.info("The data file keeps its documents Java-serialised, as it was made (before BSON was "
						+ "the format); only a new data directory keeps them as BSON");
			}
		}
		return this.documents.equals(BSON);
	}

	private IndexSnapshot.Restore restore() {
		if (this.restore == null) {
			this.restore = IndexSnapshot.restore(getMvStore());
			this.open = new ConcurrentHashMap<>();
			this.restored = new AtomicInteger();
			this.restoredEntries = new AtomicLong();
		}
		return this.restore;
	}

	/**
	 * Whether this start follows a clean stop: the snapshot the store's token names was
	 * there and readable (a crash leaves no token, since the start takes it and only a
	 * clean stop writes one), so every write in the data file was made before that stop.
	 */
	boolean followsCleanStop() {
		return this.restore.used();
	}

	/** Entries restored from a snapshot at this start. */
	long restoredEntries() {
		return this.restoredEntries.get();
	}

	/** Entries in every open secondary index now. */
	long indexEntries() {
		return this.open == null ? 0 : this.open.values().stream().mapToLong(OrderedIndex::getCount).sum();
	}

	/**
	 * Indexes restored from a snapshot at this start rather than built from documents.
	 */
	int restoredIndexes() {
		return this.restored.get();
	}

	/**
	 * Puts in every index still waiting for its snapshot (for tests: it takes no
	 * collection's lock, so only while no command runs).
	 */
	void settleIndexes() {
		this.open.values().forEach(OrderedIndex::getCount);
	}

	/**
	 * Saves the secondary indexes for the next start (the server has stopped taking
	 * commands by now), then closes the store.
	 */
	@Override
	public void close() {
		if (this.open != null && !getMvStore().isClosed()) {
			// the old snapshot is read and deleted before the new one takes its place;
			// interrupted before, no snapshot is saved (the next start rebuilds)
			if (this.restore.awaitRead()) {
				IndexSnapshot.save(getMvStore(), new TreeMap<>(this.open));
			}
		}
		super.close();
	}

	/** Documents answered with their stored bytes so far (for tests). */
	long documentsSentAsStored() {
		return this.sentAsStored.get();
	}

	/** Syncs of the data file so far (for tests and the write benchmark). */
	long syncs() {
		return this.commits.syncs();
	}

	/**
	 * Every command the server receives (the stock server's {@code handleMessage} comes
	 * here). A write is answered once it is durable.
	 */
	@Override
	public Document handleCommand(Channel channel, String databaseName, String command, Document query) {
		if (!WRITES.contains(command.toLowerCase(Locale.ROOT))) {
			return answer(channel, databaseName, command, query);
		}
		try {
			return answer(channel, databaseName, command, query);
		}
		finally {
			// after a failed write too: an ordered insert of many may have stored some
			// before failing
			this.commits.awaitDurable();
		}
	}

	/**
	 * Answers {@code hello} (the handshake command of current drivers, used by health
	 * checks), which the stock server does not know, with its answer to the legacy
	 * {@code isMaster}; and lists the databases from the open ones, where the stock
	 * server opens a second copy of each (here that would rebuild every secondary index).
	 * The rest goes to the stock server.
	 */
	private Document answer(Channel channel, String databaseName, String command, Document query) {
		if (command.equalsIgnoreCase("hello")) {
			Document response = super.handleCommand(channel, databaseName, "ismaster", query);
			response.put("isWritablePrimary", Boolean.TRUE);
			return response;
		}
		if (command.equalsIgnoreCase("listDatabases") && databaseName.equals("admin")) {
			List<Document> databases = new ArrayList<>();
			for (String name : new TreeSet<>(listDatabaseNames())) {
				databases.add(new Document("name", name).append("empty", resolveDatabase(name).isEmpty()));
			}
			Document response = new Document("databases", databases);
			response.put("ok", 1.0);
			return response;
		}
		if (command.equalsIgnoreCase("find")) {
			return EncodedReplies.find(channel, this.sentAsStored,
					() -> super.handleCommand(channel, databaseName, command, query));
		}
		return super.handleCommand(channel, databaseName, command, query);
	}

	@Override
	protected MongoDatabase openOrCreateDatabase(String databaseName) {
		return new IndexedDatabase(databaseName);
	}

	/**
	 * One database. An inner class: its superclass opens the existing collections from
	 * its own constructor, before a field of this class could be set, and the backend's
	 * store is reachable through the enclosing instance from the start.
	 */
	private final class IndexedDatabase extends H2Database {

		IndexedDatabase(String databaseName) {
			super(databaseName, getMvStore(), getCursorRegistry());
		}

		/**
		 * A unique index over string-encoded keys ({@link EncodedUniqueIndex}). The stock
		 * index's map of a data file written before is removed; the new one starts empty
		 * and the server fills it from the documents when the collection is opened.
		 */
		@Override
		protected Index<Object> openOrCreateUniqueIndex(String collectionName, String indexName, List<IndexKey> keys,
				boolean sparse) {
			String stock = getFullCollectionNamespace(collectionName) + "._index_" + indexName;
			if (getMvStore().hasMap(stock)) {
				getMvStore().removeMap(stock);
			}
			String name = uniqueMapName(collectionName, indexName);
			// only after a clean stop: after a crash a map may have been committed by
			// another write's commit while an insert was between its document and its
			// unique keys
			boolean kept = restore().used() && getMvStore().hasMap(name);
			MVMap<String, Object> map = getMvStore().openMap(name,
					new MVMap.Builder<String, Object>().keyType(StringDataType.INSTANCE));
			return new EncodedUniqueIndex(map, indexName, keys, sparse, kept);
		}

		@Override
		protected void dropIndex(MongoCollection<Object> collection, String indexName) {
			super.dropIndex(collection, indexName);
			IndexedH2Backend.this.open
				.remove(getFullCollectionNamespace(collection.getCollectionName()) + "/" + indexName);
			String name = uniqueMapName(collection.getCollectionName(), indexName);
			if (getMvStore().hasMap(name)) {
				getMvStore().removeMap(name);
			}
		}

		private String uniqueMapName(String collectionName, String indexName) {
			return getFullCollectionNamespace(collectionName) + "._keys_" + indexName;
		}

		/**
		 * An in-memory index, filled at its first use from the last clean stop's snapshot
		 * when there is one for it (else built from the documents: by the server now, as
		 * for a new index, or at first use when the snapshot turns out not to hold it).
		 */
		@Override
		protected Index<Object> openOrCreateSecondaryIndex(String collectionName, String indexName, List<IndexKey> keys,
				boolean sparse) {
			OrderedIndex index = new OrderedIndex(indexName, keys, sparse);
			String name = getFullCollectionNamespace(collectionName) + "/" + indexName;
			CompletableFuture<IndexSnapshot.Saved> snapshot = restore().claim(name);
			if (snapshot != null) {
				index.restoreFrom(snapshot, restored -> {
					IndexedH2Backend.this.restored.incrementAndGet();
					IndexedH2Backend.this.restoredEntries.addAndGet(restored.getCount());
				});
			}
			// the server also asks for an index it already has (createIndexes of an
			// existing one) and then drops the new object: the first one is the live one
			IndexedH2Backend.this.open.putIfAbsent(name, index);
			return index;
		}

		@Override
		protected MongoCollection<Object> openOrCreateCollection(String collectionName, CollectionOptions options) {
			String fullName = getFullCollectionNamespace(collectionName);
			MVMap<Object, Object> dataMap = bson()
					? getMvStore().openMap(DATA_PREFIX + fullName,
							new MVMap.Builder<Object, Object>().valueType(BsonDocumentType.INSTANCE))
					: getMvStore().openMap(DATA_PREFIX + fullName);
			MVMap<String, Object> metaMap = getMvStore().openMap(META_PREFIX + fullName);
			return new IndexedH2Collection(this, collectionName, options, dataMap, metaMap, getCursorRegistry());
		}

		@Override
		public Document handleCommand(Channel channel, String command, Document query,
				DatabaseResolver databaseResolver, Oplog oplog) {
			if (command.equalsIgnoreCase("aggregate") && query.get(command) instanceof String collectionName) {
				Document response = aggregateOverIndex(collectionName, query, databaseResolver, oplog);
				if (response != null) {
					return response;
				}
			}
			return super.handleCommand(channel, command, query, databaseResolver, oplog);
		}

		/**
		 * An aggregation whose first stage is a {@code $match}, fed with that match's
		 * candidates from an index instead of the whole collection; null when it is not
		 * such a pipeline.
		 */
		private Document aggregateOverIndex(String collectionName, Document query, DatabaseResolver databaseResolver,
				Oplog oplog) {
			List<Document> pipeline = Aggregation.parse(query.get("pipeline"));
			if (pipeline.isEmpty() || pipeline.get(0).size() != 1
					|| !(pipeline.get(0).get("$match") instanceof Document match)) {
				return null;
			}
			if (!(resolveCollection(collectionName, false) instanceof IndexedH2Collection collection)) {
				return null;
			}
			Aggregation aggregation = Aggregation.fromPipeline(pipeline, databaseResolver, this, collection, oplog);
			aggregation.validate(query);
			List<Document> results = counted(collection, match, pipeline);
			if (results == null) {
				// the match's documents, read through an index under the collection's
				// lock; the other stages (which may read other collections) run after it
				// is released
				results = new ArrayList<>(
						aggregation.runStages(collection.handleQueryAsStream(new Document("$query", match))));
			}
			Document cursor = new Document();
			cursor.put("id", 0L);
			cursor.put("ns", getFullCollectionNamespace(collectionName));
			cursor.put("firstBatch", results);
			Document response = new Document();
			response.put("cursor", cursor);
			response.put("ok", 1.0);
			return response;
		}

		/**
		 * A count of the documents holding one string at a field (the pipeline the
		 * driver's {@code countDocuments} sends: a {@code $match}, then a {@code $group}
		 * of everything summing 1), from the index's own count instead of reading every
		 * document, as MongoDB counts from an index; null for any other pipeline, or when
		 * no index answers exactly.
		 */
		private static List<Document> counted(IndexedH2Collection collection, Document match, List<Document> pipeline) {
			if (pipeline.size() != 2 || !(pipeline.get(1).get("$group") instanceof Document group)
					|| pipeline.get(1).size() != 1 || group.size() != 2 || !group.containsKey("_id")
					|| group.get("_id") instanceof Document || group.get("_id") instanceof String) {
				return null;
			}
			String name = group.keySet().stream().filter(key -> !key.equals("_id")).findFirst().orElseThrow();
			if (!(group.get(name) instanceof Document sum) || sum.size() != 1
					|| !(sum.get("$sum") instanceof Number one) || one.doubleValue() != 1) {
				return null;
			}
			long count = collection.countEqual(match);
			if (count < 0) {
				return null;
			}
			if (count == 0) {
				return List.of();
			}
			Document result = new Document("_id", group.get("_id"));
			result.put(name, count <= Integer.MAX_VALUE ? (Object) (int) count : (Object) count);
			return List.of(result);
		}

	}

}
