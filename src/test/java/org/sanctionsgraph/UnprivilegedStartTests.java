package org.sanctionsgraph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The app started the way the image starts it: a JVM of its own, as an unprivileged user
 * (nobody), from a working directory that user cannot write, with a configured MongoDB
 * URI (an in-memory mongo-java-server started here) and the data directory set through
 * {@code SANCTIONS_DATA_DIR}. It must start, become ready and answer a GraphQL query,
 * having written only there.
 */
class UnprivilegedStartTests {

	private static final int NOBODY = 65534;

	private static final Path SETPRIV = Path.of("/usr/bin/setpriv");

	/**
	 * Start-up here takes 10 to 20 s; the bound only keeps a broken start from hanging
	 * the build.
	 */
	private static final Duration START_LIMIT = Duration.ofMinutes(3);

	@TempDir
	Path temp;

	private MongoServer mongo;

	private Process app;

	@AfterEach
	void stop() throws InterruptedException {
		if (this.app != null) {
			this.app.destroy();
			if (!this.app.waitFor(30, TimeUnit.SECONDS)) {
				this.app.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
			}
		}
		if (this.mongo != null) {
			this.mongo.shutdownNow();
		}
	}

	@Test
	void startsAsNobodyFromAnUnwritableDirectoryAgainstAConfiguredMongoDb() throws Exception {
		assumeTrue(uid() == 0, "needs root to run the app as another user; this build runs as uid " + uid());
		assumeTrue(Files.isExecutable(SETPRIV), "needs " + SETPRIV + " (util-linux) to switch user");

		Files.setPosixFilePermissions(this.temp, PosixFilePermissions.fromString("rwxr-xr-x"));
		Path lib = Files.createDirectory(this.temp.resolve("lib"));
		String classpath = readableClasspath(lib);
		Path workDir = Files.createDirectory(this.temp.resolve("work"));
		Path dataDir = Files.createDirectory(this.temp.resolve("data"));
		Files.setAttribute(dataDir, "unix:uid", NOBODY);
		Files.setAttribute(dataDir, "unix:gid", NOBODY);

		this.mongo = new MongoServer(new MemoryBackend());
		this.mongo.bind("127.0.0.1", 0);
		InetSocketAddress address = this.mongo.getLocalAddress();
		String uri = "mongodb://127.0.0.1:" + address.getPort() + "/sanctions";

		Path java = Path.of(System.getProperty("java.home"), "bin", "java");
		ProcessBuilder builder = new ProcessBuilder(SETPRIV.toString(), "--reuid=" + NOBODY, "--regid=" + NOBODY,
				"--clear-groups", "--", java.toString(), "-Xmx512m", "-cp", classpath,
				SanctionsGraphApplication.class.getName(),
				"--logging.level.org.springframework.boot.availability=debug")
			.directory(workDir.toFile())
			.redirectErrorStream(true);
		Map<String, String> env = builder.environment();
		env.keySet().removeIf((name) -> name.startsWith("SANCTIONS_") || name.startsWith("SPRING_"));
		env.put("SPRING_MONGODB_URI", uri);
		env.put("SANCTIONS_DATA_DIR", dataDir.toString());
		env.put("SERVER_PORT", "0");
		this.app = builder.start();

		int port = ChildApp.awaitReady(this.app, START_LIMIT);
		HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
		HttpResponse<String> readiness = http
			.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health/readiness"))
				.timeout(Duration.ofSeconds(30))
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(readiness.statusCode()).isEqualTo(200);
		assertThat(readiness.body()).contains("\"status\":\"UP\"");

		HttpResponse<String> answer = http
			.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/graphql"))
				.timeout(Duration.ofSeconds(30))
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString("{\"query\":\"{ party(code: \\\"BY\\\") { name } }\"}"))
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(answer.statusCode()).isEqualTo(200);
		JsonNode body = JsonMapper.builder().build().readTree(answer.body());
		assertThat(body.path("errors").isMissingNode()).as(answer.body()).isTrue();
		assertThat(body.path("data").path("party").path("name").asString()).isEqualTo("Belarus");

		// The seed went to the configured MongoDB and the search index into the data
		// directory.
		try (MongoClient client = MongoClients.create(uri)) {
			assertThat(client.getDatabase("sanctions").listCollectionNames()).contains("measures", "parties");
		}
		assertThat(dataDir.resolve("search-index")).isDirectory();
		try (Stream<Path> written = Files.list(workDir)) {
			assertThat(written).isEmpty();
		}
	}

	/**
	 * The test classpath (without the test classes, as in the jar) in a directory every
	 * user can read: the local Maven repository usually sits in root's home, which nobody
	 * may enter.
	 */
	private static String readableClasspath(Path lib) throws IOException {
		String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
		List<String> entries = new ArrayList<>();
		int n = 0;
		for (String entry : classpath.split(File.pathSeparator)) {
			Path source = Path.of(entry);
			if (entry.isEmpty() || !Files.exists(source) || source.endsWith("test-classes")) {
				continue;
			}
			Path target = lib.resolve(String.format("%03d-%s", n++, source.getFileName()));
			if (Files.isDirectory(source)) {
				copyTree(source, target);
			}
			else {
				linkOrCopy(source, target);
			}
			entries.add(target.toString());
		}
		return String.join(File.pathSeparator, entries);
	}

	private static void copyTree(Path source, Path target) throws IOException {
		try (Stream<Path> files = Files.walk(source)) {
			for (Path file : (Iterable<Path>) files::iterator) {
				Path copy = target.resolve(source.relativize(file).toString());
				if (Files.isDirectory(file)) {
					Files.createDirectories(copy);
					Files.setPosixFilePermissions(copy, PosixFilePermissions.fromString("rwxr-xr-x"));
				}
				else {
					Files.copy(file, copy);
					Files.setPosixFilePermissions(copy, PosixFilePermissions.fromString("rw-r--r--"));
				}
			}
		}
	}

	/**
	 * A hard link when the file is readable by others (instant, same file system), else a
	 * copy.
	 */
	private static void linkOrCopy(Path source, Path target) throws IOException {
		Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(source);
		if (permissions.contains(PosixFilePermission.OTHERS_READ)) {
			try {
				Files.createLink(target, source);
				return;
			}
			catch (IOException | UnsupportedOperationException ex) {
				// another file system: copy instead
			}
		}
		Files.copy(source, target);
		Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rw-r--r--"));
	}

	private static int uid() throws IOException {
		return (Integer) Files.getAttribute(Path.of("/proc/self"), "unix:uid");
	}

}
