package org.sanctionsgraph.embedded;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.ArrayFilters;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.DocumentWithPosition;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.Utils;
import de.bwaldvogel.mongo.backend.ValueComparator;
import de.bwaldvogel.mongo.backend.h2.H2Collection;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.oplog.Oplog;
import org.h2.mvstore.MVMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An H2-backed collection that answers queries through its indexes ({@link IndexPlanner})
 * instead of scanning. Every candidate is matched against the whole query, so an index
 * only ever narrows what is read and never changes an answer. Queries no index serves are
 * scanned as before.
 *
 * <p>
 * Concurrency: mongo-java-server calls a collection from several Netty worker threads.
 * One lock guards a collection's documents and all its indexes together: the collection's
 * own monitor, which the stock {@code AbstractSynchronizedMongoCollection} already holds
 * for its queries, inserts, updates, deletes and {@code findAndModify}. So a query never
 * walks an index while a write is between changing the data map and changing the indexes,
 * and a write never sees a half-built index. The stock class leaves index builds and
 * drops, {@code count}, statistics and this backend's aggregation path outside that
 * monitor; they are taken inside it here. (A read-write lock would let queries run side
 * by side, but the stock query entry point is {@code synchronized} itself, so it would
 * have to be rewritten; collections still answer in parallel with each other.) Answers
 * leave the monitor as lists of documents no write changes: in a data file that keeps
 * BSON every read decodes a copy of its own; in one made before, the stored documents
 * themselves, never changed once stored (copy on write): the stock update path changes
 * the document it found in place, so a write is given private copies of the documents it
 * found, and stores those. A reader that still holds the previous document (a reply being
 * encoded, an aggregation stage, the store serializing a page) thus sees one consistent
 * version of it.
 */
class IndexedH2Collection extends H2Collection {

	private static final Logger log = LoggerFactory.getLogger(IndexedH2Collection.class);

	/** Collections smaller than this are scanned without a debug line. */
	private static final int SCAN_WORTH_LOGGING = 1_000;

	/**
	 * Documents read through an index (for tests and diagnostics: proof that a query did
	 * not scan).
	 */
	private final AtomicLong readThroughIndex = new AtomicLong();

	/** Queries no index served, answered by a scan (for tests and diagnostics). */
	private final AtomicLong scans = new AtomicLong();

	/** Indexes built from every document: see {@link #addIndex}. */
	private final AtomicLong builtFromDocuments = new AtomicLong();

	/** The documents in {@code _id} order: the data map's keys. */
	private final IndexPlanner.Ids ids;

	/**
	 * True while an update of this collection runs: the documents it finds are private
	 * copies. Guarded by this.
	 */
	private boolean writing;

	/**
	 * The documents by {@code _id}: {@link BsonDocumentType.Stored} documents in a data
	 * file that keeps BSON, decoded documents in one made before. Every read and write of
	 * a document goes through the methods below, which decode and encode it; none of the
	 * stock class's own reads of its map remains.
	 */
	private final MVMap<Object, Object> documents;

	/** Whether the map keeps BSON ({@link BsonDocumentType}). */
	private final boolean bson;

	@SuppressWarnings({ "unchecked", "rawtypes" })
	IndexedH2Collection(MongoDatabase database, String collectionName, CollectionOptions options,
			MVMap<Object, Object> dataMap, MVMap<String, Object> metaMap, CursorRegistry cursorRegistry) {
		super(database, collectionName, options, (MVMap) dataMap, metaMap, cursorRegistry);
		this.documents = dataMap;
		this.bson = dataMap.getValueType() instanceof BsonDocumentType;
		this.ids = new IndexPlanner.Ids() {

			@Override
			public Object first() {
				return dataMap.isEmpty() ? null : dataMap.firstKey();
			}

			@Override
			public Object last() {
				return dataMap.isEmpty() ? null : dataMap.lastKey();
			}

			@Override
			public Iterator<Object> from(Object from, boolean reverse) {
				return reverse ? dataMap.keyIteratorReverse(from) : dataMap.keyIterator(from);
			}

		};
	}

	/**
	 * Always called with the monitor held: from the stock class's synchronized methods
	 * and from those below.
	 */
	@Override
	protected QueryResult queryDocuments(Document query, Document orderBy, int numberToSkip, int limit, int batchSize,
			Document fieldSelector) {
		if (this.writing && !this.bson) {
			// the stock update path changes what it finds in place: give it copies, it
			// stores those (a document decoded from BSON is a copy already)
			List<Document> copies = new ArrayList<>();
			planned(query, orderBy, numberToSkip, limit, 0, fieldSelector).forEach(d -> copies.add(d.cloneDeeply()));
			return new QueryResult(copies);
		}
		return planned(query, orderBy, numberToSkip, limit, batchSize, fieldSelector);
	}

	private QueryResult planned(Document query, Document orderBy, int numberToSkip, int limit, int batchSize,
			Document fieldSelector) {
		IndexPlanner.Plan plan = new IndexPlanner(getIndexes(), this.ids).plan(query, orderBy);
		if (plan == null) {
			this.scans.incrementAndGet();
			if (log.isDebugEnabled() && count() > SCAN_WORTH_LOGGING) {
				log.debug("{}: no index serves {} (sort {}); scanning {} documents", getCollectionName(), query,
						orderBy, count());
			}
			return super.queryDocuments(query, orderBy, numberToSkip, limit, batchSize, fieldSelector);
		}
		Stream<Document> candidates = plan.positions().map(this::read).filter(Objects::nonNull);
		if (plan.ordered()) {
			return matchDocumentsFromStream(query, candidates, numberToSkip, limit, batchSize, null, fieldSelector);
		}
		return matchDocumentsFromStream(candidates, query, orderBy, numberToSkip, limit, batchSize, fieldSelector);
	}

	/**
	 * How many documents there are (for an empty query), or hold a string at a field,
	 * read from the count an {@link OrderedIndex} keeps for each of its first key's
	 * values, without reading a document; -1 when the query is not one equality on a
	 * string or no index answers it exactly. An index whose later keys hold arrays has
	 * several entries for one document and a value, so it does not answer. A string
	 * equals only the same string, in a field or among an array's items, which is what
	 * the index holds of each document.
	 */
	synchronized long countEqual(Document query) {
		if (query.isEmpty()) {
			return count();
		}
		if (query.size() != 1) {
			return -1;
		}
		String field = query.keySet().iterator().next();
		Object value = query.get(field);
		if (value instanceof Document condition && condition.size() == 1 && condition.containsKey("$eq")) {
			value = condition.get("$eq");
		}
		if (!(value instanceof String) || field.startsWith("$")) {
			return -1;
		}
		for (Index<Object> index : getIndexes()) {
			if (index instanceof OrderedIndex ordered && ordered.indexKeys().get(0).getKey().equals(field)
					&& !ordered.anyMultikeyAfterFirst()) {
				return ordered.entriesFor(value);
			}
		}
		return -1;
	}

	@Override
	protected Object addDocumentInternal(Document document) {
		Object id = getIdField() != null ? Utils.getSubdocumentValue(document, getIdField()) : UUID.randomUUID();
		// unlike the stock class, a duplicate key leaves the stored document as it was
		Object stored = stored(document);
		Object previous = this.documents.putIfAbsent(Missing.ofNullable(id), stored);
		if (previous != null) {
			throw new IllegalStateException("Document with key '" + id + "' already existed in " + this);
		}
		storedSize(stored, null);
		return id;
	}

	@Override
	protected void handleUpdate(Object position, Document oldDocument, Document newDocument) {
		Object stored = stored(newDocument);
		storedSize(stored, this.documents.put(Missing.ofNullable(position), stored));
	}

	@Override
	protected void removeDocument(Object position) {
		Object previous = this.documents.remove(position);
		if (previous == null) {
			throw new NoSuchElementException("No document with key " + position);
		}
		storedSize(null, previous);
	}

	/**
	 * Where the map keeps BSON, the collection's data size (its statistics' {@code size})
	 * is counted here from the stored bytes: the stock class encodes every document it
	 * adds, changes or removes once more only to measure it. A document kept serialized,
	 * having no BSON, counts its serialized bytes.
	 */
	@Override
	protected boolean tracksDataSize() {
		return !this.bson;
	}

	private void storedSize(Object added, Object gone) {
		if (this.bson) {
			int change = ((added != null) ? BsonDocumentType.size(added) : 0)
					- ((gone != null) ? BsonDocumentType.size(gone) : 0);
			if (change != 0) {
				updateDataSize(change);
			}
		}
	}

	/** A document a query reads: a find may answer with its stored bytes. */
	@Override
	protected Document getDocument(Object position) {
		return candidate(this.documents.get(position));
	}

	@Override
	protected Stream<DocumentWithPosition<Object>> streamAllDocumentsWithPosition() {
		return this.documents.entrySet()
			.stream()
			.map(entry -> new DocumentWithPosition<>(decoded(entry.getValue()), entry.getKey()));
	}

	@Override
	protected QueryResult matchDocuments(Document query, Document orderBy, int numberToSkip, int limit, int batchSize,
			Document fieldSelector) {
		Stream<Document> all;
		if (isNaturalDescending(orderBy)) {
			all = streamAllDocumentsWithPosition()
				.sorted((one, other) -> ValueComparator.desc().compare(one.getPosition(), other.getPosition()))
				.map(DocumentWithPosition::getDocument);
		}
		else {
			all = this.documents.values().stream().map(IndexedH2Collection::candidate);
		}
		return matchDocumentsFromStream(all, query, orderBy, numberToSkip, limit, batchSize, fieldSelector);
	}

	/** What the map keeps of a document: its encoding, where the file keeps BSON. */
	private Object stored(Document document) {
		return this.bson ? BsonDocumentType.stored(document) : document;
	}

	private static Document decoded(Object value) {
		return value instanceof BsonDocumentType.Stored stored ? stored.decoded() : (Document) value;
	}

	/**
	 * A document decoded as a query's candidate, which the filter will see (so a find can
	 * answer with its stored bytes, {@link EncodedReplies}). Not for reads of every
	 * document that are no query's, such as an index build at an index's first use:
	 * nothing would forget those before the find ends.
	 */
	private static Document candidate(Object value) {
		Document document = decoded(value);
		if (value instanceof BsonDocumentType.Stored stored && stored.bson()) {
			EncodedReplies.decoded(document, stored.bytes());
		}
		return document;
	}

	/**
	 * As the stock server, and a document turned down is not in a reply (EncodedReplies).
	 */
	@Override
	protected boolean documentMatchesQuery(Document document, Document query) {
		boolean matches = super.documentMatchesQuery(document, query);
		if (!matches) {
			EncodedReplies.turnedDown(document);
		}
		return matches;
	}

	private Document read(Object position) {
		this.readThroughIndex.incrementAndGet();
		return getDocument(position);
	}

	long documentsReadThroughIndex() {
		return this.readThroughIndex.get();
	}

	long scans() {
		return this.scans.get();
	}

	@Override
	public synchronized Document updateDocuments(Document selector, Document updateQuery, ArrayFilters arrayFilters,
			boolean isMulti, boolean isUpsert, Oplog oplog) {
		this.writing = true;
		try {
			return super.updateDocuments(selector, updateQuery, arrayFilters, isMulti, isUpsert, oplog);
		}
		finally {
			this.writing = false;
		}
	}

	@Override
	public synchronized Document findAndModify(Document query) {
		this.writing = true;
		try {
			return super.findAndModify(query);
		}
		finally {
			this.writing = false;
		}
	}

	/**
	 * Builds the index from every document in one step with the writes that must reach
	 * it; an index filled from the last clean stop's snapshot is taken as it is, also
	 * when it holds no entry (a sparse index no document is in), which the stock server
	 * would take for a new index and build by reading every document twice.
	 */
	@Override
	public synchronized void addIndex(Index<Object> index) {
		boolean fresh = getIndexes().stream().noneMatch(open -> open.getName().equals(index.getName()));
		if (fresh && index instanceof OrderedIndex ordered && ordered.restored()) {
			ordered.buildWith(this::build);
			getIndexes().add(index);
			return;
		}
		if (fresh && index instanceof EncodedUniqueIndex unique && unique.kept()) {
			// the stock server builds an empty index from every document, twice, at every
			// start: a sparse unique index that no document holds a value for is one
			getIndexes().add(index);
			return;
		}
		if (fresh && index.isEmpty()) {
			this.builtFromDocuments.incrementAndGet();
		}
		super.addIndex(index);
	}

	/**
	 * Fills an index from every document, when its snapshot turned out not to serve (at
	 * its first use, under this collection's monitor).
	 */
	private void build(OrderedIndex index) {
		this.builtFromDocuments.incrementAndGet();
		streamAllDocumentsWithPosition().forEach(each -> index.add(each.getDocument(), each.getPosition(), this));
	}

	/** Indexes built by reading every document (for tests and diagnostics). */
	long indexesBuiltFromDocuments() {
		return this.builtFromDocuments.get();
	}

	@Override
	public synchronized void dropIndex(String indexName) {
		super.dropIndex(indexName);
	}

	@Override
	public synchronized int count(Document query, int skip, int limit) {
		return super.count(query, skip, limit);
	}

	@Override
	public synchronized Document getStats() {
		return super.getStats();
	}

	@Override
	public synchronized Document validate() {
		return super.validate();
	}

}
