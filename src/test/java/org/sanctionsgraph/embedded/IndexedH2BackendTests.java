package org.sanctionsgraph.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.IndexOptions;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded server's secondary indexes never change an answer: the same documents,
 * writes and queries go to a stock server (which scans) and to the indexed one, and every
 * answer must match, including order, skip and limit; and queries an index serves read
 * only what they return.
 */
class IndexedH2BackendTests {

	private static final List<String> TAGS = List.of("a", "b", "c", "d", "e", "f", "g", "h");

	@TempDir
	Path dir;

	private final List<MongoServer> servers = new ArrayList<>();

	private final List<MongoClient> clients = new ArrayList<>();

	/** The database of each collection opened, to run commands on its server. */
	private final Map<MongoCollection<Document>, MongoDatabase> databases = new IdentityHashMap<>();

	private IndexedH2Backend indexedBackend;

	private MVStore indexedStore;

	private MongoCollection<Document> stock;

	private MongoCollection<Document> indexed;

	/**
	 * The test that opens the indexed server's data file again; the others keep their
	 * data in memory.
	 */
	private static final String REOPENED = "indexesAreRebuiltWhenTheStoreIsOpenedAgain";

	/** The tests of the index snapshot (a file store too). */
	private static final String SNAPSHOT = "snapshot";

	@BeforeEach
	void start(TestInfo test) {
		this.stock = open(new H2Backend(MVStore.open(null)));
		// in memory unless the test reopens the file: a file store syncs each of the
		// writes below
		boolean reopened = test.getTestMethod()
			.map(m -> m.getName().equals(REOPENED) || m.getName().startsWith(SNAPSHOT))
			.orElse(false);
		this.indexedBackend = new IndexedH2Backend(
				MVStore.open(reopened ? this.dir.resolve("indexed.mv").toString() : null));
		this.indexed = open(this.indexedBackend);
		for (MongoCollection<Document> c : List.of(this.stock, this.indexed)) {
			c.createIndex(new Document("tags", 1).append("rank", 1).append("_id", 1));
			c.createIndex(new Document("group", 1).append("day", 1).append("_id", 1));
			// with (group, day): the shape of the timeline's $or over two fields with a
			// window on a third
			c.createIndex(new Document("tags", 1).append("day", 1).append("_id", 1));
			c.createIndex(new Document("day", -1));
			c.createIndex(new Document("code", 1), new IndexOptions().unique(true).sparse(true));
			// sparse, and no document has the field: an index with no entry (as the
			// app's index of interrupted writes mostly is)
			c.createIndex(new Document("pending", 1), new IndexOptions().sparse(true));
			// unique and sparse, and no document has the field: kept in the data file
			// with no entry, not built again at each start
			c.createIndex(new Document("ref", 1), new IndexOptions().unique(true).sparse(true));
		}
		Random random = new Random(20240701);
		List<Document> docs = new ArrayList<>();
		for (int i = 0; i < 2_000; i++) {
			docs.add(randomDocument(random, i));
		}
		this.stock.insertMany(docs.stream().map(Document::new).toList());
		this.indexed.insertMany(docs.stream().map(Document::new).toList());
		// writes that move documents between index entries, and removals
		for (int i = 0; i < 300; i++) {
			Bson id = new Document("_id", String.format("d%04d", random.nextInt(2_000)));
			Document change = new Document("$set",
					new Document("tags", randomTags(random)).append("group", "g" + random.nextInt(10))
						.append("day", day(random)));
			this.stock.updateOne(id, change);
			this.indexed.updateOne(id, change);
		}
		for (int i = 0; i < 100; i++) {
			Bson id = new Document("_id", String.format("d%04d", random.nextInt(2_000)));
			this.stock.deleteOne(id);
			this.indexed.deleteOne(id);
		}
	}

	@AfterEach
	void stop() {
		this.clients.forEach(MongoClient::close);
		this.servers.forEach(MongoServer::shutdownNow);
	}

	private MongoCollection<Document> open(H2Backend backend) {
		MongoServer server = new MongoServer(backend);
		InetSocketAddress address = server.bind();
		this.servers.add(server);
		MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + address.getPort());
		this.clients.add(client);
		MongoDatabase database = client.getDatabase("test");
		MongoCollection<Document> things = database.getCollection("things");
		this.databases.put(things, database);
		return things;
	}

	private static Document randomDocument(Random random, int i) {
		Document doc = new Document("_id", String.format("d%04d", i)).append("tags", randomTags(random))
			.append("rank", random.nextInt(50))
			.append("day", day(random));
		if (random.nextInt(10) > 0) {
			doc.append("group", "g" + random.nextInt(10));
		}
		if (random.nextInt(4) == 0) {
			doc.append("code", "C" + i);
		}
		if (random.nextInt(5) == 0) {
			doc.append("endDay", day(random));
		}
		return doc;
	}

	private static List<String> randomTags(Random random) {
		List<String> tags = new ArrayList<>();
		for (int n = random.nextInt(4); n > 0; n--) {
			String tag = TAGS.get(random.nextInt(TAGS.size()));
			if (!tags.contains(tag)) {
				tags.add(tag);
			}
		}
		return tags;
	}

	private static String day(Random random) {
		return String.format("2020-%02d-%02d", 1 + random.nextInt(12), 1 + random.nextInt(28));
	}

	/**
	 * The same find on both servers; with a total order the lists must be equal, else the
	 * sets.
	 */
	private List<Document> same(Function<MongoCollection<Document>, List<Document>> find, boolean ordered) {
		List<Document> expected = find.apply(this.stock);
		List<Document> actual = find.apply(this.indexed);
		if (ordered) {
			assertThat(actual).isEqualTo(expected);
		}
		else {
			assertThat(new HashSet<>(actual)).isEqualTo(new HashSet<>(expected));
			assertThat(actual).hasSameSizeAs(expected);
		}
		return actual;
	}

	private static List<Document> find(MongoCollection<Document> c, Bson filter, Bson sort, int skip, int limit) {
		return c.find(filter).sort(sort).skip(skip).limit(limit).into(new ArrayList<>());
	}

	@Test
	void answersMatchAScanForEveryShapeOfQuery() {
		Random random = new Random(7);
		// 40 draws of the 25 shapes below, 1,000 filters each asked four ways (fewer
		// than before: this test was a fifth of the build's time)
		for (int i = 0; i < 40; i++) {
			String tag = TAGS.get(random.nextInt(TAGS.size()));
			String group = "g" + random.nextInt(10);
			String from = day(random);
			String to = day(random);
			int dir = random.nextBoolean() ? 1 : -1;
			int skip = random.nextInt(3) == 0 ? random.nextInt(5) : 0;
			int limit = random.nextInt(3) == 0 ? 0 : 1 + random.nextInt(30);
			Document byRank = new Document("rank", dir).append("_id", dir);
			Document byDay = new Document("day", dir).append("_id", dir);
			List<Bson> filters = List.of(new Document("tags", tag),
					new Document("tags", new Document("$in", List.of(tag, TAGS.get(random.nextInt(TAGS.size()))))),
					new Document("group", group).append("day", new Document("$lte", to)),
					new Document("group", group).append("day", new Document("$gt", from).append("$lt", to)),
					new Document("group", new Document("$in", List.of(group, "g1"))).append("day",
							new Document("$gte", from)),
					new Document("$and",
							List.of(new Document("group", group),
									new Document("$or",
											List.of(new Document("endDay", null),
													new Document("endDay", new Document("$gte", from)))))),
					new Document("tags", tag).append("rank", new Document("$gte", random.nextInt(50))),
					new Document("code", "C" + random.nextInt(2_000)).append("rank", new Document("$lt", 40)),
					new Document("_id", String.format("d%04d", random.nextInt(2_000))).append("group", group),
					new Document("group", new Document("$exists", true)).append("rank", random.nextInt(50)),
					// $or: each branch on an index, a window around them, overlapping
					// branches, _id branches,
					// and a branch no index serves (then the whole query scans)
					new Document("$or", List.of(new Document("tags", tag), new Document("group", group))),
					timelineShape(List.of(tag, "b"), List.of(group, "g1"), from, to),
					new Document("$or", List.of(new Document("group", group), new Document("tags", tag))).append("day",
							new Document("$gte", from)),
					new Document("$or",
							List.of(new Document("tags", tag),
									new Document("tags", new Document("$in", List.of(tag, "c"))))),
					new Document("$or",
							List.of(new Document("_id", String.format("d%04d", random.nextInt(2_000))),
									new Document("code", "C" + random.nextInt(2_000)), new Document("group", group))),
					new Document("$or", List.of(new Document("group", group), new Document("endDay", null))),
					new Document("rank", new Document("$lt", 25)).append("$or",
							List.of(new Document("tags", tag), new Document("group", group).append("rank", 3))),
					// a range on an index's first key alone, on a plain field (descending
					// index) and on one holding arrays, one bound and two
					new Document("day", new Document("$gte", from)),
					new Document("day", new Document("$gt", from).append("$lte", to)),
					new Document("tags", new Document("$gt", tag)),
					new Document("tags", new Document("$gt", tag).append("$lt", TAGS.get(random.nextInt(TAGS.size())))),
					new Document("group", new Document("$lt", group)).append("rank", new Document("$gte", 10)),
					// a field that must hold a value, with other conditions (alone:
					// below)
					new Document("group", new Document("$ne", null)).append("rank", random.nextInt(50)),
					new Document("endDay", new Document("$ne", null)).append("group", group),
					new Document("group", new Document("$ne", null)).append("day", new Document("$gte", from)));
			for (Bson filter : filters) {
				same(c -> find(c, filter, byRank, skip, limit), true);
				same(c -> find(c, filter, byDay, skip, limit), true);
				same(c -> find(c, filter, null, 0, 0), false);
				same(c -> List.of(new Document("n", c.countDocuments(filter))), true);
			}
		}
	}

	/**
	 * A field that must hold a value ({@code $ne: null}), alone: on an index's first key,
	 * on a field holding arrays (not planned that way), on the id, in an {@code $or}.
	 * These hold no drawn value, so each is asked once per order and page.
	 */
	@Test
	void answersMatchAScanForAFieldThatMustHoldAValue() {
		List<Bson> filters = List.of(new Document("group", new Document("$ne", null)),
				new Document("tags", new Document("$ne", null)), new Document("_id", new Document("$ne", null)),
				new Document("$or", List.of(new Document("group", new Document("$ne", null)),
						new Document("endDay", new Document("$ne", null)))));
		for (Bson filter : filters) {
			for (int dir : new int[] { 1, -1 }) {
				same(c -> find(c, filter, new Document("rank", dir).append("_id", dir), 3, 20), true);
				same(c -> find(c, filter, new Document("_id", dir), 0, 25), true);
			}
			same(c -> find(c, filter, null, 0, 0), false);
			same(c -> List.of(new Document("n", c.countDocuments(filter))), true);
		}
	}

	/**
	 * As the timeline asks: either of two fields in a list of values, within a window, as
	 * Spring writes it.
	 */
	private static Document timelineShape(List<String> tags, List<String> groups, String from, String to) {
		Document either = new Document("$or", List.of(new Document("tags", new Document("$in", tags)),
				new Document("group", new Document("$in", groups))));
		Document window = new Document("$and", List.of(new Document("day", new Document("$gte", from)),
				new Document("day", new Document("$lte", to))));
		return new Document("$and", List.of(either, window));
	}

	/**
	 * A range on the first key of an index alone (as the start-up sweep asks for records
	 * holding pending history entries) reads that range, not every document.
	 */
	@Test
	void aRangeOnAnIndexsFirstKeyAloneReadsOnlyThatRange() {
		IndexedH2Collection collection = (IndexedH2Collection) this.indexedBackend.resolveDatabase("test")
			.resolveCollection("things", true);
		Document recent = new Document("day", new Document("$gte", "2020-11-01"));
		long before = collection.documentsReadThroughIndex();
		List<Document> found = same(c -> find(c, recent, null, 0, 0), false);
		assertThat(found).isNotEmpty().hasSizeLessThan(1_000);
		assertThat(collection.documentsReadThroughIndex() - before).isEqualTo(found.size());
	}

	/**
	 * An {@code $in} of no values matches nothing, on an indexed field or not, in any
	 * order: the answer is read from no document (it was a scan of every one in
	 * {@code _id} order when sorted by the id).
	 */
	@Test
	void anInOfNoValuesReadsNoDocument() {
		IndexedH2Collection collection = (IndexedH2Collection) this.indexedBackend.resolveDatabase("test")
			.resolveCollection("things", true);
		long read = collection.documentsReadThroughIndex();
		long scans = collection.scans();
		List<Document> queries = List.of(new Document("tags", new Document("$in", List.of())),
				new Document("unindexed", new Document("$in", List.of())),
				new Document("group", "g1").append("day", new Document("$in", List.of())),
				new Document("$or", List.of(new Document("code", new Document("$in", List.of())),
						new Document("tags", new Document("$in", List.of())))));
		for (Document query : queries) {
			for (Document sort : List.of(new Document(), new Document("_id", 1), new Document("day", -1))) {
				assertThat(same(c -> find(c, query, sort, 0, 0), true)).as(query + " sort " + sort).isEmpty();
			}
			assertThat(same(c -> List.of(new Document("n", c.countDocuments(query))), true))
				.containsExactly(new Document("n", 0L));
		}
		assertThat(collection.documentsReadThroughIndex() - read).isZero();
		assertThat(collection.scans() - scans).isZero();
		// beside an $in of some values on the same field, still nothing
		Document both = new Document("$and", List.of(new Document("tags", new Document("$in", List.of("a"))),
				new Document("tags", new Document("$in", List.of()))));
		assertThat(same(c -> find(c, both, null, 0, 0), false)).isEmpty();
	}

	@Test
	void anOrWhoseBranchesAllHaveAnIndexReadsOnlyTheirCandidates() {
		IndexedH2Collection collection = (IndexedH2Collection) this.indexedBackend.resolveDatabase("test")
			.resolveCollection("things", true);
		Document query = timelineShape(List.of("a", "h"), List.of("g2", "g7"), "2020-03-01", "2020-06-30");
		long before = collection.documentsReadThroughIndex();
		List<Document> all = same(c -> find(c, query, new Document("day", 1).append("_id", 1), 0, 0), true);
		// each branch reads its values' entries within the window, each document once:
		// exactly the answer
		assertThat(all).hasSizeGreaterThan(50);
		assertThat(collection.documentsReadThroughIndex() - before).isEqualTo(all.size());
		before = collection.documentsReadThroughIndex();
		List<Document> page = same(c -> find(c, query, new Document("day", 1).append("_id", 1), 10, 5), true);
		assertThat(page).isEqualTo(all.subList(10, 15));
		assertThat(collection.documentsReadThroughIndex() - before).isEqualTo(all.size());
		before = collection.documentsReadThroughIndex();
		same(c -> List.of(new Document("n", c.countDocuments(query))), true);
		assertThat(collection.documentsReadThroughIndex() - before).isEqualTo(all.size());
	}

	@Test
	void aCountOfOneStringIsTheIndexsOwnCountAndAgreesWithAScan() {
		IndexedH2Collection collection = (IndexedH2Collection) this.indexedBackend.resolveDatabase("test")
			.resolveCollection("things", true);
		long before = collection.documentsReadThroughIndex();
		List<Document> queries = new ArrayList<>();
		// an array field (tags), a field some documents lack (group), the first key of a
		// one-key index (day), the $eq form, and values no document holds
		TAGS.forEach(tag -> queries.add(new Document("tags", tag)));
		for (int g = 0; g < 10; g++) {
			queries.add(new Document("group", "g" + g));
		}
		queries.add(new Document("day", "2020-03-14"));
		queries.add(new Document("group", new Document("$eq", "g4")));
		queries.add(new Document("tags", "none"));
		queries.add(new Document("group", "none"));
		long total = 0;
		for (Document query : queries) {
			total += same(c -> List.of(new Document("n", c.countDocuments(query))), true).get(0).getLong("n");
		}
		assertThat(total).isGreaterThan(2_000);
		assertThat(collection.documentsReadThroughIndex() - before).as("documents read to count").isZero();
		// a count the index cannot answer alone still reads and matches the documents
		Document ranged = new Document("group", "g4").append("day", new Document("$gte", "2020-06-01"));
		long n = same(c -> List.of(new Document("n", c.countDocuments(ranged))), true).get(0).getLong("n");
		assertThat(n).isPositive();
		assertThat(collection.documentsReadThroughIndex() - before).isEqualTo(n);
	}

	@Test
	void rangesAndSortsOnTheIdReadTheStoreInIdOrder() {
		IndexedH2Collection collection = (IndexedH2Collection) this.indexedBackend.resolveDatabase("test")
			.resolveCollection("things", true);
		Document up = new Document("_id", 1);
		Document down = new Document("_id", -1);
		long before = collection.documentsReadThroughIndex();
		// the newest, as a feed or a fingerprint asks
		assertThat(same(c -> find(c, new Document(), down, 0, 1), true)).extracting(d -> d.get("_id"))
			.containsExactly("d1999");
		// a page after a position, both ways, with exclusive and inclusive bounds
		assertThat(same(c -> find(c, new Document("_id", new Document("$gt", "d1500")), up, 0, 10), true)).hasSize(10);
		assertThat(same(c -> find(c, new Document("_id", new Document("$lte", "d0100")), down, 2, 10), true))
			.hasSize(10);
		assertThat(collection.documentsReadThroughIndex() - before).as("documents read for three pages")
			.isLessThanOrEqualTo(1 + 10 + 12 + 2);
		// with another condition no index serves, and with no sort, every answer as a
		// scan's
		Document both = new Document("_id", new Document("$gte", "d0500").append("$lt", "d0900")).append("rank",
				new Document("$lt", 10));
		assertThat(same(c -> find(c, both, down, 0, 0), true)).isNotEmpty();
		assertThat(same(c -> find(c, both, null, 0, 0), false)).isNotEmpty();
		same(c -> find(c, new Document("_id", new Document("$gt", "d2000")), up, 0, 5), true);
		same(c -> find(c, new Document("_id", new Document("$lt", "d")), down, 0, 5), true);
		// a number bound matches no string id
		assertThat(same(c -> find(c, new Document("_id", new Document("$gt", 5)), up, 0, 5), true)).isEmpty();
	}

	@Test
	void aggregationsStartingWithAMatchAgreeWithAScan() {
		List<Bson> pipeline = List.of(
				new Document("$match", new Document("group", new Document("$in", List.of("g2", "g5")))),
				new Document("$unwind", "$tags"),
				new Document("$group", new Document("_id", "$tags").append("n", new Document("$sum", 1))),
				new Document("$sort", new Document("_id", 1)));
		List<Document> result = same(c -> c.aggregate(pipeline).into(new ArrayList<>()), true);
		assertThat(result).isNotEmpty();
		// the records naming each value, then the most (the list bounds' pipeline)
		List<Bson> most = List.of(new Document("$match", new Document("group", new Document("$ne", null))),
				new Document("$group", new Document("_id", "$group").append("items", new Document("$sum", 1))),
				new Document("$group", new Document("_id", null).append("most", new Document("$max", "$items"))));
		assertThat(same(c -> c.aggregate(most).into(new ArrayList<>()), true)).singleElement()
			.satisfies(doc -> assertThat(doc.getInteger("most")).isGreaterThan(100));
	}

	/**
	 * A field that must hold a value ({@code $ne: null}, as the list bounds ask of a
	 * reference) on an index's first key reads the documents holding one, not every
	 * document.
	 */
	@Test
	void aFieldThatMustHoldAValueReadsOnlyTheDocumentsHoldingOne() {
		IndexedH2Collection collection = (IndexedH2Collection) this.indexedBackend.resolveDatabase("test")
			.resolveCollection("things", true);
		Document valued = new Document("group", new Document("$ne", null));
		long before = collection.documentsReadThroughIndex();
		long scans = collection.scans();
		List<Document> found = same(c -> find(c, valued, null, 0, 0), false);
		assertThat(found).isNotEmpty().hasSizeLessThan((int) this.indexed.countDocuments());
		assertThat(collection.documentsReadThroughIndex() - before).isEqualTo(found.size());
		assertThat(collection.scans()).isEqualTo(scans);
		// with a better plan at hand (a page in id order after a given id), that one
		assertThat(this.indexed.countDocuments(new Document("group", null))).isPositive();
		Document page = new Document("group", new Document("$ne", null)).append("_id", new Document("$gt", "d1000"));
		before = collection.documentsReadThroughIndex();
		assertThat(same(c -> find(c, page, new Document("_id", 1), 0, 10), true)).hasSize(10);
		assertThat(collection.documentsReadThroughIndex() - before).isLessThan(30);
	}

	@Test
	void aPageInIndexOrderReadsOnlyItsOwnDocuments() {
		IndexedH2Collection collection = (IndexedH2Collection) this.indexedBackend.resolveDatabase("test")
			.resolveCollection("things", true);
		long before = collection.documentsReadThroughIndex();
		List<Document> page = same(
				c -> find(c, new Document("group", "g3"), new Document("day", -1).append("_id", -1), 0, 5), true);
		assertThat(page).hasSize(5);
		assertThat(collection.documentsReadThroughIndex() - before).isEqualTo(5);
		before = collection.documentsReadThroughIndex();
		same(c -> find(c, new Document("_id", "d0042").append("rank", new Document("$gte", 0)), null, 0, 0), false);
		assertThat(collection.documentsReadThroughIndex() - before).isLessThanOrEqualTo(1);
	}

	@Test
	void indexesAreRebuiltWhenTheStoreIsOpenedAgain() {
		List<Document> expected = find(this.stock, new Document("tags", "c"), new Document("rank", 1).append("_id", 1),
				0, 0);
		this.clients.remove(1).close();
		this.servers.remove(1).shutdownNow();
		this.indexedBackend = new IndexedH2Backend(MVStore.open(this.dir.resolve("indexed.mv").toString()));
		this.indexed = open(this.indexedBackend);
		IndexedH2Collection collection = (IndexedH2Collection) this.indexedBackend.resolveDatabase("test")
			.resolveCollection("things", true);
		assertThat(find(this.indexed, new Document("tags", "c"), new Document("rank", 1).append("_id", 1), 0, 0))
			.isEqualTo(expected);
		assertThat(collection.documentsReadThroughIndex()).isEqualTo(expected.size());
		// the unique indexes were kept in the file, not rebuilt: they still refuse
		// repeats
		Document coded = this.stock.find(new Document("code", new Document("$exists", true))).first();
		assertThat(duplicateRefused(this.indexed, new Document("_id", "new").append("code", coded.get("code"))))
			.isTrue();
		assertThat(duplicateRefused(this.indexed, new Document("_id", coded.get("_id")))).isTrue();
		assertThat(this.indexed.find(new Document("code", coded.get("code"))).first()).isEqualTo(coded);
	}

	@Test
	void snapshotOfACleanStopIsRestoredAndAnswersAsBefore() {
		List<Document> expected = find(this.stock, new Document("tags", "c"), new Document("rank", 1).append("_id", 1),
				0, 0);
		// the app ensures its indexes at every start: asking again for one that exists
		// changes nothing
		this.indexed.createIndex(new Document("tags", 1).append("rank", 1).append("_id", 1));
		// a new store follows no clean stop
		assertThat(this.indexedBackend.followsCleanStop()).isFalse();
		reopenIndexed();
		assertThat(this.indexedBackend.followsCleanStop()).isTrue();
		// the indexes are read back while queries come: a query waits for the ones it
		// uses, and answers as before, reading only its own documents
		IndexedH2Collection collection = (IndexedH2Collection) this.indexedBackend.resolveDatabase("test")
			.resolveCollection("things", true);
		assertThat(find(this.indexed, new Document("tags", "c"), new Document("rank", 1).append("_id", 1), 0, 0))
			.isEqualTo(expected);
		assertThat(collection.documentsReadThroughIndex()).isEqualTo(expected.size());
		this.indexedBackend.settleIndexes();
		// every secondary index of the collection came back, whole, without being
		// built from the documents, the one with no entry too
		assertThat(this.indexedBackend.restoredIndexes()).isEqualTo(5);
		assertThat(this.indexedBackend.restoredEntries()).isPositive().isEqualTo(this.indexedBackend.indexEntries());
		assertThat(collection.indexesBuiltFromDocuments()).isZero();
		sameOnEveryIndex();
		// and the restored indexes follow writes like built ones
		Document moved = new Document("$set", new Document("tags", List.of("c", "h")).append("rank", -1));
		this.stock.updateOne(new Document("_id", "d0007"), moved);
		this.indexed.updateOne(new Document("_id", "d0007"), moved);
		same(c -> find(c, new Document("tags", "h"), new Document("rank", 1).append("_id", 1), 0, 0), true);
		// the index restored with no entry takes new ones
		Object id = this.stock.find().sort(new Document("_id", 1)).first().get("_id");
		Document pending = new Document("$set", new Document("pending", true));
		this.stock.updateOne(new Document("_id", id), pending);
		this.indexed.updateOne(new Document("_id", id), pending);
		assertThat(same(c -> find(c, new Document("pending", true), new Document("_id", 1), 0, 0), true))
			.extracting(doc -> doc.get("_id"))
			.containsExactly(id);
		// a store opened from its file, stopped again, restores again
		this.indexed.createIndex(new Document("day", -1));
		reopenIndexed();
		this.indexedBackend.settleIndexes();
		assertThat(this.indexedBackend.restoredIndexes()).isEqualTo(5);
		assertThat(this.indexedBackend.restoredEntries()).isEqualTo(this.indexedBackend.indexEntries());
		sameOnEveryIndex();
		same(c -> find(c, new Document("tags", "h"), new Document("rank", 1).append("_id", 1), 0, 0), true);
	}

	@Test
	void snapshotIsNotUsedAfterAStopWithoutSavingIt() {
		reopenIndexed();
		this.indexedBackend.settleIndexes();
		assertThat(this.indexedBackend.restoredIndexes()).isEqualTo(5);
		// a write after the restore, then the process dies: the store has the write, the
		// old snapshot does not
		Document moved = new Document("$set", new Document("tags", List.of("g")).append("rank", -5));
		this.stock.updateOne(new Document("_id", "d0011"), moved);
		this.indexed.updateOne(new Document("_id", "d0011"), moved);
		this.clients.remove(1).close();
		this.servers.remove(1).stopListening();
		this.indexedStore.closeImmediately();
		this.indexedBackend = new IndexedH2Backend(MVStore.open(this.dir.resolve("indexed.mv").toString()));
		this.indexed = open(this.indexedBackend);
		assertThat(this.indexedBackend.restoredIndexes()).isZero();
		assertThat(this.indexedBackend.followsCleanStop()).isFalse();
		// without a snapshot every secondary index is built from the documents, and so
		// is the unique index with no entry (after a crash its map may have been
		// committed while an insert was between its document and its keys)
		assertThat(((IndexedH2Collection) this.indexedBackend.resolveDatabase("test").resolveCollection("things", true))
			.indexesBuiltFromDocuments()).isEqualTo(6);
		same(c -> find(c, new Document("tags", "g"), new Document("rank", 1).append("_id", 1), 0, 0), true);
		sameOnEveryIndex();
	}

	/**
	 * A snapshot cut short (a disk that filled up, a file damaged): the indexes read
	 * before the cut come back, each one after it is built from the documents at its
	 * first use, and every answer is as before.
	 */
	@Test
	void snapshotCutShortRestoresWhatItHoldsAndBuildsTheRest() throws IOException {
		this.clients.remove(1).close();
		this.servers.remove(1).shutdownNow();
		Path snapshot = this.dir.resolve("indexed.mv.indexes");
		byte[] whole = Files.readAllBytes(snapshot);
		Files.write(snapshot, Arrays.copyOf(whole, whole.length / 2));
		this.indexedStore = MVStore.open(this.dir.resolve("indexed.mv").toString());
		this.indexedBackend = new IndexedH2Backend(this.indexedStore);
		this.indexed = open(this.indexedBackend);
		sameOnEveryIndex();
		this.indexedBackend.settleIndexes();
		IndexedH2Collection collection = (IndexedH2Collection) this.indexedBackend.resolveDatabase("test")
			.resolveCollection("things", true);
		assertThat(this.indexedBackend.restoredIndexes()).isBetween(1, 4);
		assertThat(collection.indexesBuiltFromDocuments()).isEqualTo(5 - this.indexedBackend.restoredIndexes());
		same(c -> find(c, new Document("tags", "c"), new Document("rank", 1).append("_id", 1), 0, 0), true);
		// the damaged file is not read again
		assertThat(snapshot).doesNotExist();
	}

	/** A query per secondary index, each answered alike by both servers. */
	private void sameOnEveryIndex() {
		same(c -> find(c, new Document("tags", "b").append("rank", new Document("$gte", 20)),
				new Document("rank", 1).append("_id", 1), 0, 0), true);
		same(c -> find(c, new Document("group", "g3").append("day", new Document("$lt", "2020-06-01")),
				new Document("day", 1).append("_id", 1), 0, 0), true);
		same(c -> find(c, new Document("tags", "e").append("day", new Document("$gte", "2020-03-01")),
				new Document("day", 1).append("_id", 1), 0, 0), true);
		same(c -> find(c, new Document(), new Document("day", -1).append("_id", 1), 5, 20), true);
	}

	/** Stops the indexed server cleanly (saving its indexes) and opens its file again. */
	private void reopenIndexed() {
		this.clients.remove(1).close();
		this.servers.remove(1).shutdownNow();
		this.indexedStore = MVStore.open(this.dir.resolve("indexed.mv").toString());
		this.indexedBackend = new IndexedH2Backend(this.indexedStore);
		this.indexed = open(this.indexedBackend);
	}

	/**
	 * The collection's data size is counted from the stored bytes, not by encoding each
	 * document once more as the stock server does; after the inserts, updates and
	 * removals of the set-up, both give the same.
	 */
	@Test
	void theDataSizeIsTheStockServersOwn() {
		Function<MongoCollection<Document>, Object> size = c -> this.databases.get(c)
			.runCommand(new Document("collStats", "things"))
			.get("size");
		assertThat(size.apply(this.indexed)).isNotEqualTo(0).isEqualTo(size.apply(this.stock));
	}

	@Test
	void uniqueIndexesAcceptAndRefuseWhatTheStockServerDoes() {
		for (MongoCollection<Document> c : List.of(this.stock, this.indexed)) {
			c.createIndex(new Document("number", 1), new IndexOptions().unique(true).sparse(true));
			c.createIndex(new Document("a", 1).append("b", 1), new IndexOptions().unique(true).sparse(true));
		}
		// numbers equal across types are one key; strings differ from numbers; a
		// compound key repeats only as a whole; an embedded document is a value too
		List<Document> inserts = List.of(new Document("_id", "u1").append("number", 1),
				new Document("_id", "u2").append("number", 1.0), new Document("_id", "u3").append("number", 1L),
				new Document("_id", "u4").append("number", "1"), new Document("_id", "u5").append("number", 2.5),
				new Document("_id", "u6").append("number", 2.5),
				new Document("_id", "u7").append("a", "x").append("b", 1),
				new Document("_id", "u8").append("a", "x").append("b", 2),
				new Document("_id", "u9").append("a", "x").append("b", 1),
				new Document("_id", "u10").append("number", new Document("k", "v")),
				new Document("_id", "u11").append("number", new Document("k", "v")),
				new Document("_id", "u12").append("number", true), new Document("_id", "u13").append("number", false),
				new Document("_id", "u14").append("number", true), new Document("_id", "u1"));
		List<Boolean> refusedByStock = new ArrayList<>();
		List<Boolean> refusedByIndexed = new ArrayList<>();
		for (Document insert : inserts) {
			refusedByStock.add(duplicateRefused(this.stock, new Document(insert)));
			refusedByIndexed.add(duplicateRefused(this.indexed, new Document(insert)));
		}
		assertThat(refusedByIndexed).isEqualTo(refusedByStock)
			.containsExactly(false, true, true, false, false, true, false, false, true, false, true, false, false, true,
					true);
		same(c -> find(c, new Document("number", new Document("$in", List.of(1, "1", 2.5))), new Document("_id", 1), 0,
				0), true);
		same(c -> find(c, new Document("_id", new Document("$in", List.of("u1", "u4", "d0001"))),
				new Document("_id", 1), 0, 0), true);
	}

	@Test
	void aDataFileWrittenByTheStockServerOpensWithItsUniqueIndexesIntact() {
		Path file = this.dir.resolve("stock.mv");
		MVStore written = MVStore.open(file.toString());
		MongoCollection<Document> old = open(new H2Backend(written));
		old.createIndex(new Document("code", 1), new IndexOptions().unique(true));
		old.insertMany(
				List.of(new Document("_id", "a").append("code", "A"), new Document("_id", "b").append("code", "B")));
		this.clients.remove(this.clients.size() - 1).close();
		this.servers.remove(this.servers.size() - 1).shutdownNow();
		written.close();
		MVStore store = MVStore.open(file.toString());
		MongoCollection<Document> reopened = open(new IndexedH2Backend(store));
		assertThat(reopened.find(new Document("code", "B")).first())
			.isEqualTo(new Document("_id", "b").append("code", "B"));
		assertThat(duplicateRefused(reopened, new Document("_id", "c").append("code", "A"))).isTrue();
		assertThat(duplicateRefused(reopened, new Document("_id", "a"))).isTrue();
		assertThat(duplicateRefused(reopened, new Document("_id", "c").append("code", "C"))).isFalse();
		assertThat(store.getMapNames()).noneMatch(name -> name.contains("._index_"))
			.anyMatch(name -> name.endsWith("._keys_code_1"));
	}

	/** Inserts the document; true when the server refused it as a duplicate key. */
	private static boolean duplicateRefused(MongoCollection<Document> c, Document doc) {
		try {
			c.insertOne(doc);
			return false;
		}
		catch (com.mongodb.MongoWriteException ex) {
			assertThat(ex.getError().getCode()).as(ex.getMessage()).isEqualTo(11000);
			return true;
		}
	}

}
