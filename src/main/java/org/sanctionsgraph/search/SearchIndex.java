package org.sanctionsgraph.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import com.mongodb.client.MongoCursor;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.store.FSDirectory;
import org.sanctionsgraph.db.DataDirectoryProperties;
import org.sanctionsgraph.db.LongOperations;
import org.sanctionsgraph.model.RecordListener;
import org.sanctionsgraph.paging.Sortable;
import org.sanctionsgraph.records.RecordType;
import org.sanctionsgraph.records.RecordTypes;
import org.sanctionsgraph.records.SearchNames;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * The Lucene index of every name and alias of people, organisations, parties and
 * programmes: one Lucene document per name, grouped back into records at search time. It
 * lives in the data directory (or {@code sanctions.search.index-dir}), is rebuilt from
 * MongoDB when missing or stale, and is updated on every write.
 */
@Component
public class SearchIndex implements RecordListener, DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(SearchIndex.class);

	/** How many name matches a search ranks before grouping them into records. */
	static final int RANKED = 1000;

	private static final String RECORD = "record";

	private static final String KIND = "kind";

	private static final String FINGERPRINT = "fingerprint";

	/** The longest a bulk import's indexed batches wait to be committed. */
	private static final Duration BULK_COMMIT = Duration.ofSeconds(5);

	private final MongoTemplate mongo;

	private final RecordTypes types;

	private final NameAnalyzer analyzer = new NameAnalyzer();

	private final FSDirectory directory;

	private final IndexWriter writer;

	private final SearcherManager searchers;

	/** Whether a rebuild started and has not completed (it failed, or runs). */
	private boolean rebuilding;

	/** When the index was last committed ({@link System#nanoTime()}). */
	private long committed = System.nanoTime();

	@Autowired
	SearchIndex(MongoTemplate mongo, RecordTypes types, DataDirectoryProperties data) throws IOException {
		this(mongo, types, data.searchIndexDir());
	}

	SearchIndex(MongoTemplate mongo, RecordTypes types, Path dir) throws IOException {
		this.mongo = mongo;
		this.types = types;
		Files.createDirectories(dir);
		this.directory = FSDirectory.open(dir);
		this.writer = new IndexWriter(this.directory,
				new IndexWriterConfig(this.analyzer).setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND));
		this.searchers = new SearcherManager(this.writer, null);
		log.info("Search index in {}", dir.toAbsolutePath().normalize());
	}

	/**
	 * Rebuilds the index from MongoDB when it is missing or no longer matches the
	 * database.
	 */
	public void ensureCurrent() {
		String current = fingerprint();
		String indexed = this.writer.getLiveCommitData() == null ? null : stored(FINGERPRINT);
		if (!current.equals(indexed)) {
			log.info("Search index is {}: rebuilding it from MongoDB", indexed == null ? "missing" : "stale");
			rebuild();
		}
	}

	/** Indexes every name from MongoDB afresh. */
	public synchronized void rebuild() {
		long started = System.nanoTime();
		// until the rebuild commits, what the writer holds is half an index: never
		// committed as current (see destroy)
		this.rebuilding = true;
		try {
			this.writer.deleteAll();
			int[] names = { 0 };
			for (RecordType<?> type : this.types.searchable()) {
				// a pass over a whole collection, not a request: the per-request time
				// limit
				// would stop it at a million records
				try (MongoCursor<org.bson.Document> stored = this.mongo
					.getCollection(this.mongo.getCollectionName(type.documentClass()))
					.withTimeout(LongOperations.WHOLE_COLLECTION.toMillis(), TimeUnit.MILLISECONDS)
					.find()
					.batchSize(1_000)
					.iterator()) {
					while (stored.hasNext()) {
						List<Document> docs = documents(
								this.mongo.getConverter().read(type.documentClass(), stored.next()));
						names[0] += docs.size();
						add(docs);
					}
				}
			}
			commit();
			this.rebuilding = false;
			log.info("Indexed {} names in {} ms", names[0], (System.nanoTime() - started) / 1_000_000);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@Override
	public synchronized void written(Object record) {
		String key = key(record);
		if (key == null) {
			return;
		}
		try {
			this.writer.updateDocuments(new Term(RECORD, key), documents(record));
			commit();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * A batch of records from a bulk import: searchable at once, and committed to disk at
	 * most every {@link #BULK_COMMIT} (and when the app stops): a commit writes and syncs
	 * files, which one batch after another would repeat for little. An index whose last
	 * batches were not committed (the process was killed) no longer matches the
	 * database's fingerprint, and is rebuilt at the next start.
	 */
	@Override
	public synchronized void writtenAll(List<?> records) {
		try {
			for (Object record : records) {
				String key = key(record);
				if (key != null) {
					this.writer.updateDocuments(new Term(RECORD, key), documents(record));
				}
			}
			if (System.nanoTime() - this.committed >= BULK_COMMIT.toNanos()) {
				commit();
			}
			else {
				this.searchers.maybeRefreshBlocking();
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * A page of records whose names match the query, best first, and how many there are
	 * in all.
	 */
	public Result search(String text, Collection<SearchType> types, String countryId, int offset, int limit) {
		List<String> tokens = this.analyzer.tokens(text);
		if (tokens.isEmpty()) {
			return new Result(List.of(), 0);
		}
		Query query = NameMatching.query(tokens, types, countryId);
		try {
			IndexSearcher searcher = this.searchers.acquire();
			try {
				ScoreDoc[] docs = searcher.search(query, RANKED).scoreDocs;
				StoredFields stored = searcher.storedFields();
				// group the ranked names into records (best score first), then say why
				// only for the page
				Map<String, List<Document>> names = new LinkedHashMap<>();
				Map<String, Float> scores = new HashMap<>();
				for (ScoreDoc doc : docs) {
					Document found = stored.document(doc.doc);
					String record = found.get(RECORD);
					names.computeIfAbsent(record, key -> new ArrayList<>()).add(found);
					scores.merge(record, doc.score, Math::max);
				}
				List<String> records = new ArrayList<>(names.keySet());
				int from = Math.min(offset, records.size());
				List<String> queryWords = NameAnalyzer.folded(text);
				Set<String> queryTokens = new HashSet<>(tokens);
				List<SearchHit> page = new ArrayList<>();
				for (String record : records.subList(from, Math.min(records.size(), from + limit))) {
					Document strongest = null;
					MatchReason reason = null;
					for (Document name : names.get(record)) {
						MatchReason why = NameMatching.reason(this.analyzer, queryWords, queryTokens,
								name.get(NameMatching.NAME), name.get(KIND));
						if (reason == null || why.ordinal() < reason.ordinal()) {
							reason = why;
							strongest = name;
						}
					}
					int split = record.indexOf(':');
					page.add(new SearchHit(record.substring(0, split), record.substring(split + 1), scores.get(record),
							strongest.get(NameMatching.NAME), reason));
				}
				return new Result(page, records.size());
			}
			finally {
				this.searchers.release(searcher);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** One page of hits and the number of records matched in all. */
	public record Result(List<SearchHit> hits, int total) {
	}

	/** The record's global-id key when its kind is searched, else null. */
	private String key(Object record) {
		RecordType<?> type = this.types.ofRecord(record);
		return type == null || !type.searchable() ? null : type.name() + ":" + ((Sortable) record).id();
	}

	private List<Document> documents(Object record) {
		String key = key(record);
		SearchNames names = this.types.ofRecord(record).namesOf(record);
		List<Document> docs = new ArrayList<>();
		docs.add(document(key, names.countryIds(), names.name(), "NAME"));
		names.aliases()
			.forEach(alias -> docs.add(document(key, names.countryIds(), alias.value(), alias.kind().name())));
		return docs;
	}

	private static Document document(String key, List<String> countries, String name, String kind) {
		Document doc = new Document();
		doc.add(new StringField(RECORD, key, Field.Store.YES));
		doc.add(new StringField(NameMatching.TYPE, key.substring(0, key.indexOf(':')), Field.Store.NO));
		countries.forEach(country -> doc.add(new StringField(NameMatching.COUNTRY, country, Field.Store.NO)));
		doc.add(new TextField(NameMatching.NAME, name, Field.Store.YES));
		doc.add(new StoredField(KIND, kind));
		return doc;
	}

	private void add(List<Document> docs) {
		try {
			this.writer.addDocuments(docs);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Adds records without MongoDB (the search benchmark's synthetic names); not for the
	 * app.
	 */
	void addUnchecked(List<?> records) throws IOException {
		for (Object record : records) {
			this.writer.addDocuments(documents(record));
		}
		this.writer.commit();
		this.searchers.maybeRefreshBlocking();
	}

	private void commit() throws IOException {
		this.writer.setLiveCommitData(Map.of(FINGERPRINT, fingerprint()).entrySet());
		this.writer.commit();
		this.committed = System.nanoTime();
		this.searchers.maybeRefreshBlocking();
	}

	private String stored(String key) {
		for (Map.Entry<String, String> entry : this.writer.getLiveCommitData()) {
			if (entry.getKey().equals(key)) {
				return entry.getValue();
			}
		}
		return null;
	}

	/**
	 * What the indexed data depends on: the size of each collection and the latest
	 * change.
	 */
	private String fingerprint() {
		StringBuilder fingerprint = new StringBuilder("v1");
		for (RecordType<?> type : this.types.searchable()) {
			fingerprint.append(';')
				.append(this.mongo.count(new org.springframework.data.mongodb.core.query.Query(),
						type.documentClass()));
		}
		org.bson.Document last = this.mongo.getCollection("history")
			.find()
			.sort(new org.bson.Document("_id", -1))
			.limit(1)
			.first();
		return fingerprint.append(';').append(last == null ? "-" : last.get("_id")).toString();
	}

	@Override
	public synchronized void destroy() throws IOException {
		if (this.writer.hasUncommittedChanges() && !this.rebuilding) {
			try {
				commit();
			}
			catch (RuntimeException ex) {
				// the database is gone already: the next start finds the index stale
				log.warn("Could not commit the search index's last changes; it will be rebuilt at the next start", ex);
			}
		}
		this.searchers.close();
		this.writer.close();
		this.directory.close();
	}

}
