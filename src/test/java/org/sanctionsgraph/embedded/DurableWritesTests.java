package org.sanctionsgraph.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.MongoException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Acknowledged writes survive a crash of the embedded server: a child JVM runs the server
 * alone, parallel writers insert and then update documents through the MongoDB driver,
 * recording each write the server acknowledged; the child is killed (as {@code kill -9}
 * does) once a set number of writes are acknowledged, while the writers are still
 * sending; a new child on the same data file must hold every acknowledged insert and
 * update.
 */
class DurableWritesTests {

	private static final int WRITERS = 4;

	/** Acknowledged writes before the kill. */
	private static final int KILL_AFTER = 300;

	@TempDir
	Path dir;

	private final List<Process> children = new ArrayList<>();

	private final ExecutorService threads = Executors.newFixedThreadPool(WRITERS + 2);

	@AfterEach
	void stop() throws InterruptedException {
		this.threads.shutdownNow();
		for (Process child : this.children) {
			child.destroyForcibly();
			child.waitFor(30, TimeUnit.SECONDS);
		}
	}

	@Test
	void everyAcknowledgedWriteIsFoundAfterTheServerIsKilled() throws Exception {
		Path file = this.dir.resolve("writes.mv");
		Process first = start(file);
		Set<String> inserted = ConcurrentHashMap.newKeySet();
		Set<String> updated = ConcurrentHashMap.newKeySet();
		CountDownLatch acknowledged = new CountDownLatch(KILL_AFTER);
		List<Future<?>> writers = new ArrayList<>();
		try (MongoClient client = client(port(first))) {
			MongoCollection<Document> writes = client.getDatabase("crash").getCollection("writes");
			for (int w = 0; w < WRITERS; w++) {
				String prefix = "w" + w + "-";
				writers.add(this.threads.submit(() -> {
					try {
						for (int i = 0; i < 1_000_000; i++) {
							String id = prefix + i;
							writes.insertOne(new Document("_id", id).append("version", 1));
							inserted.add(id);
							acknowledged.countDown();
							writes.updateOne(new Document("_id", id), new Document("$set", new Document("version", 2)));
							updated.add(id);
							acknowledged.countDown();
						}
					}
					catch (MongoException ex) {
						// the server is gone: this writer's stream ends here
					}
					return null;
				}));
			}
			assertThat(acknowledged.await(120, TimeUnit.SECONDS)).isTrue();
			first.destroyForcibly();
			assertThat(first.waitFor(30, TimeUnit.SECONDS)).isTrue();
			for (Future<?> writer : writers) {
				writer.get(60, TimeUnit.SECONDS);
			}
		}
		assertThat(inserted.size() + updated.size()).isGreaterThanOrEqualTo(KILL_AFTER);

		Process second = start(file);
		Map<String, Integer> found = new HashMap<>();
		try (MongoClient client = client(port(second))) {
			for (Document document : client.getDatabase("crash").getCollection("writes").find()) {
				found.put(document.getString("_id"), document.getInteger("version"));
			}
		}
		assertThat(found.keySet()).containsAll(inserted);
		for (String id : updated) {
			assertThat(found.get(id)).as("version of %s", id).isEqualTo(2);
		}
	}

	private Process start(Path file) throws IOException {
		String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
		Process child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
				EmbeddedServerMain.class.getName(), file.toString())
			.redirectErrorStream(true)
			.start();
		this.children.add(child);
		return child;
	}

	/**
	 * The port the child prints once listening; its output is read to the end so it never
	 * blocks on a full pipe.
	 */
	private int port(Process child) throws Exception {
		CompletableFuture<Integer> port = new CompletableFuture<>();
		this.threads.submit(() -> {
			try (BufferedReader out = new BufferedReader(
					new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
				for (String line = out.readLine(); line != null; line = out.readLine()) {
					if (line.startsWith(EmbeddedServerMain.READY)) {
						port.complete(Integer.parseInt(line.substring(EmbeddedServerMain.READY.length()).trim()));
					}
				}
			}
			catch (IOException ex) {
				port.completeExceptionally(new UncheckedIOException(ex));
			}
			port.completeExceptionally(new IllegalStateException("the server ended before listening"));
		});
		return port.get(60, TimeUnit.SECONDS);
	}

	private static MongoClient client(int port) {
		return MongoClients.create(MongoClientSettings.builder()
			.applyConnectionString(new ConnectionString("mongodb://127.0.0.1:" + port + "/?retryWrites=false"))
			.applyToClusterSettings(cluster -> cluster.serverSelectionTimeout(2, TimeUnit.SECONDS))
			.applyToSocketSettings(socket -> socket.connectTimeout(2, TimeUnit.SECONDS))
			.build());
	}

}
