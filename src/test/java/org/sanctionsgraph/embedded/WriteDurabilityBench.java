package org.sanctionsgraph.embedded;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import org.bson.Document;
import org.h2.mvstore.MVStore;

/**
 * Benchmark helper (not a test): what durable writes cost. Single-document inserts
 * through the driver into a file-backed server, first with the stock backend (the store
 * commits in the background about once a second, so a crash loses the last second), then
 * with this app's backend (each write answered once committed and synced), with one
 * writer and with several, after an unreported warm-up round. Usage: WriteDurabilityBench
 * [writes per run, default 2000] [parallel writers, default 4]
 */
public final class WriteDurabilityBench {

	private WriteDurabilityBench() {
	}

	public static void main(String[] args) throws Exception {
		int writes = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
		int parallel = args.length > 1 ? Integer.parseInt(args[1]) : 4;
		Path dir = Files.createTempDirectory("write-bench");
		try {
			// warm-up (the JIT), not reported
			run(null, new H2Backend(MVStore.open(dir.resolve("warm-up").toString())), parallel, writes);
			run(null, IndexedH2Backend.open(dir.resolve("warm-up-durable"), 16), parallel, writes / 4);
			for (int writers : List.of(1, parallel)) {
				run("background commit (stock)", new H2Backend(MVStore.open(dir.resolve("stock" + writers).toString())),
						writers, writes);
				IndexedH2Backend durable = IndexedH2Backend.open(dir.resolve("durable" + writers), 16);
				run("commit + fsync per write", durable, writers, writes);
				System.out.printf("    (%d syncs for %d writes; data files %d kB stock, %d kB durable)%n",
						durable.syncs(), writes, Files.size(dir.resolve("stock" + writers)) / 1024,
						Files.size(dir.resolve("durable" + writers)) / 1024);
			}
		}
		finally {
			try (Stream<Path> files = Files.walk(dir)) {
				for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
					Files.delete(file);
				}
			}
		}
	}

	private static void run(String label, H2Backend backend, int writers, int writes) throws Exception {
		MongoServer server = new MongoServer(backend);
		ExecutorService threads = Executors.newFixedThreadPool(writers);
		try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + server.bind().getPort())) {
			MongoCollection<Document> collection = client.getDatabase("bench").getCollection("writes");
			collection.insertOne(new Document("_id", "warm-up"));
			long start = System.nanoTime();
			List<Future<?>> done = new ArrayList<>();
			for (int w = 0; w < writers; w++) {
				int writer = w;
				done.add(threads.submit(() -> {
					for (int i = writer; i < writes; i += writers) {
						collection.insertOne(new Document("_id", i).append("payload", "x".repeat(200)));
					}
					return null;
				}));
			}
			for (Future<?> writer : done) {
				writer.get(10, TimeUnit.MINUTES);
			}
			double seconds = (System.nanoTime() - start) / 1e9;
			if (label == null) {
				return;
			}
			System.out.printf("%-28s %d writer(s): %7.0f writes/s, %6.2f ms per write%n", label, writers,
					writes / seconds, seconds * 1000 * writers / writes);
		}
		finally {
			threads.shutdownNow();
			server.shutdownNow();
		}
	}

}
