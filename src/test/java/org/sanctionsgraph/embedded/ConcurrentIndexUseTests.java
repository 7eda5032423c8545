package org.sanctionsgraph.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The indexed backend under parallel writers and readers (the server answers each
 * connection on its own worker thread): every read made while writes run returns only
 * documents that match its filter, in the requested order, and never fails; an index
 * created while writes run misses none of them; and once the writers are done, every
 * query answers exactly as the stock (scanning) backend given the same writes. Writers
 * own disjoint documents, so the final state does not depend on how the threads
 * interleave.
 */
class ConcurrentIndexUseTests {

	private static final int WRITERS = 4;

	private static final int OPERATIONS = 300;

	private static final int READERS = 3;

	private static final List<String> TAGS = List.of("a", "b", "c", "d", "e");

	private final List<MongoServer> servers = new ArrayList<>();

	private final List<MongoClient> clients = new ArrayList<>();

	private final ExecutorService threads = Executors.newFixedThreadPool(WRITERS + READERS + 1);

	@AfterEach
	void stop() {
		this.threads.shutdownNow();
		this.clients.forEach(MongoClient::close);
		this.servers.forEach(MongoServer::shutdownNow);
	}

	private MongoCollection<Document> open(H2Backend backend) {
		MongoServer server = new MongoServer(backend);
		InetSocketAddress address = server.bind();
		this.servers.add(server);
		MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + address.getPort());
		this.clients.add(client);
		MongoCollection<Document> collection = client.getDatabase("test").getCollection("things");
		collection.createIndex(new Document("group", 1).append("day", 1).append("_id", 1));
		collection.createIndex(new Document("tags", 1).append("day", 1).append("_id", 1));
		return collection;
	}

	/**
	 * A read and what every document it returns must satisfy, written out independently
	 * of the server.
	 */
	private record Read(Bson filter, Predicate<Document> matches) {
	}

	private static Read read(Random random) {
		String group = "g" + random.nextInt(6);
		String tag = TAGS.get(random.nextInt(TAGS.size()));
		String day = day(random);
		return switch (random.nextInt(5)) {
			case 0 -> new Read(new Document("group", group), d -> group.equals(d.get("group")));
			case 1 -> new Read(new Document("tags", tag), d -> tags(d).contains(tag));
			case 2 -> new Read(
					new Document("group", new Document("$in", List.of(group, "g0"))).append("day",
							new Document("$gte", day)),
					d -> List.of(group, "g0").contains(d.get("group")) && d.getString("day").compareTo(day) >= 0);
			case 3 -> new Read(
					new Document("$or", List.of(new Document("tags", tag), new Document("group", group))).append("day",
							new Document("$lte", day)),
					d -> (tags(d).contains(tag) || group.equals(d.get("group")))
							&& d.getString("day").compareTo(day) <= 0);
			default -> new Read(
					new Document("group", group).append("day", new Document("$gt", "2020-03-01").append("$lt", day)),
					d -> group.equals(d.get("group")) && d.getString("day").compareTo("2020-03-01") > 0
							&& d.getString("day").compareTo(day) < 0);
		};
	}

	@SuppressWarnings("unchecked")
	private static List<String> tags(Document d) {
		return (List<String>) d.get("tags");
	}

	private static String day(Random random) {
		return String.format("2020-%02d-%02d", 1 + random.nextInt(12), 1 + random.nextInt(28));
	}

	private static Document document(String id, Random random) {
		List<String> tags = new ArrayList<>();
		for (int n = random.nextInt(3); n > 0; n--) {
			tags.add(TAGS.get(random.nextInt(TAGS.size())));
		}
		return new Document("_id", id).append("group", "g" + random.nextInt(6))
			.append("tags", tags.stream().distinct().toList())
			.append("day", day(random))
			.append("rank", random.nextInt(100));
	}

	/**
	 * One writer's deterministic stream of inserts, updates (one, many, find-and-modify)
	 * and deletes.
	 */
	private static void write(int writer, List<MongoCollection<Document>> targets, CountDownLatch halfway) {
		Random random = new Random(1000 + writer);
		int next = 0;
		for (int op = 0; op < OPERATIONS; op++) {
			if (op == OPERATIONS / 2) {
				halfway.countDown();
			}
			int kind = next < 5 ? 0 : random.nextInt(6);
			Document id = new Document("_id", "w" + writer + "-" + random.nextInt(Math.max(next, 1)));
			Document change = new Document("$set",
					new Document("group", "g" + random.nextInt(6)).append("day", day(random))
						.append("tags", List.of(TAGS.get(random.nextInt(TAGS.size())))));
			Document inWriterGroup = new Document("writer", writer).append("group", "g" + random.nextInt(6));
			Document rank = new Document("$set", new Document("rank", random.nextInt(100)).append("day", day(random)));
			Document created = kind == 0 ? document("w" + writer + "-" + next++, random).append("writer", writer)
					: null;
			for (MongoCollection<Document> target : targets) {
				switch (kind) {
					case 0, 1 -> {
						if (created != null) {
							target.insertOne(new Document(created));
						}
						else {
							target.updateOne(id, change);
						}
					}
					case 2 -> target.updateMany(inWriterGroup, rank);
					case 3 -> target.findOneAndUpdate(id, change);
					case 4 -> target.deleteOne(id);
					default ->
						target.insertOne(document("w" + writer + "-x" + op, new Random(op)).append("writer", writer));
				}
			}
		}
	}

	@Test
	void readsDuringWritesOnlyReturnMatchesAndTheEndStateEqualsAScan() throws Exception {
		MongoCollection<Document> stock = open(new H2Backend(MVStore.open(null)));
		MongoCollection<Document> indexed = open(new IndexedH2Backend(MVStore.open(null)));
		CountDownLatch readersStarted = new CountDownLatch(READERS);
		CountDownLatch halfway = new CountDownLatch(WRITERS);
		AtomicBoolean writing = new AtomicBoolean(true);
		AtomicInteger reads = new AtomicInteger();
		List<Future<?>> writers = new ArrayList<>();
		List<Future<?>> readers = new ArrayList<>();
		for (int r = 0; r < READERS; r++) {
			int seed = r;
			readers.add(this.threads.submit(() -> {
				Random random = new Random(seed);
				do {
					checkRead(indexed, read(random), random);
					reads.incrementAndGet();
					readersStarted.countDown();
				}
				while (writing.get());
				return null;
			}));
		}
		// the writers start once every reader has completed a read, so reads run all
		// through the writes
		assertThat(readersStarted.await(60, TimeUnit.SECONDS)).isTrue();
		int readsBefore = reads.get();
		for (int w = 0; w < WRITERS; w++) {
			int writer = w;
			writers.add(this.threads.submit(() -> write(writer, List.of(stock, indexed), halfway)));
		}
		// an index built on the indexed server while the second half of the writes runs;
		// the stock server is only the reference: it ignores compound indexes (it scans),
		// and adding one races with its own writes (its index list is not synchronized),
		// so
		// it gets no index here
		Future<?> build = this.threads.submit(() -> {
			halfway.await();
			indexed.createIndex(new Document("day", 1).append("group", 1));
			return null;
		});
		for (Future<?> writer : writers) {
			writer.get(120, TimeUnit.SECONDS);
		}
		build.get(60, TimeUnit.SECONDS);
		int readsDuring = reads.get() - readsBefore;
		writing.set(false);
		for (Future<?> reader : readers) {
			reader.get(60, TimeUnit.SECONDS);
		}
		assertThat(readsDuring).isPositive();

		Random random = new Random(99);
		for (int i = 0; i < 100; i++) {
			Read read = read(random);
			Document byDay = new Document("day", 1).append("_id", 1);
			assertThat(find(indexed, read.filter(), byDay, 3, 20)).isEqualTo(find(stock, read.filter(), byDay, 3, 20));
			assertThat(find(indexed, read.filter(), byDay, 0, 0)).isEqualTo(find(stock, read.filter(), byDay, 0, 0));
			assertThat(indexed.countDocuments(read.filter())).isEqualTo(stock.countDocuments(read.filter()));
			// served by the index built during the writes
			Bson onDay = new Document("day", day(random));
			assertThat(find(indexed, onDay, byDay, 0, 0)).isEqualTo(find(stock, onDay, byDay, 0, 0));
		}
		assertThat(indexed.countDocuments()).isEqualTo(stock.countDocuments()).isGreaterThan(WRITERS * 50);
	}

	private static List<Document> find(MongoCollection<Document> c, Bson filter, Bson sort, int skip, int limit) {
		return c.find(filter).sort(sort).skip(skip).limit(limit).into(new ArrayList<>());
	}

	/**
	 * One read, as a sorted page and as an aggregation's leading $match, checked document
	 * by document.
	 */
	private static void checkRead(MongoCollection<Document> indexed, Read read, Random random) {
		boolean descending = random.nextBoolean();
		int sign = descending ? -1 : 1;
		List<Document> page = find(indexed, read.filter(), new Document("day", sign).append("_id", sign), 0, 25);
		assertThat(page).allMatch(read.matches());
		Comparator<Document> order = Comparator.comparing((Document d) -> d.getString("day"))
			.thenComparing(d -> d.getString("_id"));
		assertThat(page).isSortedAccordingTo(descending ? order.reversed() : order);
		List<Document> matched = indexed.aggregate(List.of(new Document("$match", read.filter())))
			.into(new ArrayList<>());
		assertThat(matched).allMatch(read.matches());
	}

}
