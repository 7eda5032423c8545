package org.sanctionsgraph.write;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sanctionsgraph.ChildApp;
import org.sanctionsgraph.SanctionsGraphApplication;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A write the API acknowledged survives a crash: the app runs in a JVM of its own on the
 * embedded default, a stream of {@code recordSanction} calls goes to it, and after a
 * given number of answers the JVM is killed (as {@code kill -9} would) while writes are
 * still arriving. Started again on the same data directory, it has every acknowledged
 * measure and its history entry.
 */
class CrashRecoveryTests {

	/** Acknowledged writes before the kill; more may be answered while it happens. */
	private static final int ACKNOWLEDGED = 40;

	/**
	 * Start-up here takes 10 to 60 s under load; the bound only keeps a broken start from
	 * hanging the build.
	 */
	private static final Duration START_LIMIT = Duration.ofMinutes(4);

	private static final String ADMIN_SECRET = "sgk_crash-recovery-admin-secret-0123456789abcdef";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

	@TempDir
	Path dataDir;

	private Process app;

	@AfterEach
	void stop() throws InterruptedException {
		if (this.app != null && this.app.isAlive()) {
			this.app.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
		}
	}

	@Test
	void everyAcknowledgedWriteAndItsHistorySurviveAKill() throws Exception {
		this.app = start();
		int port = ChildApp.awaitReady(this.app, START_LIMIT);
		String analyst = issueAnalystKey(port);

		Map<String, String> acknowledged = Collections.synchronizedMap(new LinkedHashMap<>());
		Semaphore answers = new Semaphore(0);
		AtomicReference<Throwable> failed = new AtomicReference<>();
		Thread writer = new Thread(() -> {
			for (int i = 0;; i++) {
				String title = "Crash probe " + i;
				try {
					JsonNode payload = post(port, analyst, RECORD, Map.of("fields", sanction(title, i)))
						.path("recordSanction");
					assertThat(payload.path("userErrors").isEmpty()).as(payload.toString()).isTrue();
					acknowledged.put(payload.path("measure").path("id").asString(), title);
					answers.release();
				}
				catch (IOException | UncheckedIOException ex) {
					return; // the app is gone: the write in flight was never acknowledged
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
					return;
				}
				catch (RuntimeException | AssertionError ex) {
					failed.set(ex); // a refused write before the kill: report it rather
									// than wait
					answers.release(ACKNOWLEDGED);
					return;
				}
			}
		}, "crash-probe-writer");
		writer.setDaemon(true);
		writer.start();

		assertThat(answers.tryAcquire(ACKNOWLEDGED, 5, TimeUnit.MINUTES)).as("acknowledged writes before the kill")
			.isTrue();
		assertThat(failed.get()).as("a write before the kill failed").isNull();
		this.app.destroyForcibly();
		assertThat(this.app.waitFor(60, TimeUnit.SECONDS)).isTrue();
		writer.join(TimeUnit.MINUTES.toMillis(2));
		assertThat(writer.isAlive()).as("the writer stops once the app is gone").isFalse();
		Map<String, String> written = Map.copyOf(acknowledged);
		assertThat(written).hasSizeGreaterThanOrEqualTo(ACKNOWLEDGED);

		this.app = start();
		int restarted = ChildApp.awaitReady(this.app, START_LIMIT);
		List<String> missing = new ArrayList<>();
		for (Map.Entry<String, String> write : written.entrySet()) {
			JsonNode measure = post(restarted, null, READ, Map.of("id", write.getKey())).path("measure");
			List<String> history = new ArrayList<>();
			measure.path("changes")
				.path("edges")
				.forEach(edge -> history.add(edge.path("node").path("revision").asInt() + " "
						+ edge.path("node").path("operation").asString()));
			if (!write.getValue().equals(measure.path("title").asString())
					|| !history.equals(List.of("1 recordSanction"))) {
				missing.add(write.getKey() + " (" + write.getValue() + "): " + measure);
			}
		}
		assertThat(missing).as("acknowledged writes lost, or without their history, of " + written.size()).isEmpty();
	}

	private static final String RECORD = """
			mutation($fields: MeasureFields!) { recordSanction(input: { fields: $fields }) {
			  measure { id } userErrors { field message code } } }""";

	private static final String READ = """
			query($id: ID!) { measure(id: $id) { id title changes(first: 10) { edges { node { revision operation } } } } }""";

	/**
	 * A distinct measure per number (its own start day), so none is a duplicate of
	 * another.
	 */
	private static Map<String, Object> sanction(String title, int n) {
		return Map.of("title", title, "imposedBy", List.of("EU"), "measureTypes", List.of("EXPORT_CONTROL"), "targets",
				List.of(Map.of("kind", "PARTY", "party", "BY")), "inForce",
				LocalDate.of(1990, 1, 1).plusDays(n).toString());
	}

	private String issueAnalystKey(int port) throws IOException, InterruptedException {
		JsonNode issued = post(port, ADMIN_SECRET,
				"""
						mutation { issueApiKey(input: { name: "crash-analyst", roles: [ANALYST] }) { secret userErrors { message } } }""",
				Map.of())
			.path("issueApiKey");
		assertThat(issued.path("secret").isString()).as(issued.toString()).isTrue();
		return issued.path("secret").asString();
	}

	private JsonNode post(int port, String secret, String query, Map<String, Object> variables)
			throws IOException, InterruptedException {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/graphql"))
			.timeout(Duration.ofSeconds(60))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers
				.ofString(JSON.writeValueAsString(Map.of("query", query, "variables", variables))));
		if (secret != null) {
			request.header("Authorization", "Bearer " + secret);
		}
		HttpResponse<String> response = this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		JsonNode body = JSON.readTree(response.body());
		assertThat(body.path("errors").isMissingNode()).as(response.body()).isTrue();
		return body.path("data");
	}

	/**
	 * The app on the embedded default, in a JVM of its own, with its data in
	 * {@link #dataDir}.
	 */
	private Process start() throws IOException {
		String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
		// As in the jar: the test classes (test configurations among them) stay out.
		String appClasspath = List.of(classpath.split(File.pathSeparator))
			.stream()
			.filter(entry -> !entry.isEmpty() && !Path.of(entry).endsWith("test-classes"))
			.collect(Collectors.joining(File.pathSeparator));
		Path java = Path.of(System.getProperty("java.home"), "bin", "java");
		ProcessBuilder builder = new ProcessBuilder(java.toString(), "-Xmx512m", "-cp", appClasspath,
				SanctionsGraphApplication.class.getName(),
				"--logging.level.org.springframework.boot.availability=debug")
			.redirectErrorStream(true);
		Map<String, String> env = builder.environment();
		env.keySet().removeIf(name -> name.startsWith("SANCTIONS_") || name.startsWith("SPRING_"));
		env.put("SANCTIONS_DATA_DIR", this.dataDir.toString());
		env.put("SANCTIONS_SECURITY_BOOTSTRAP_ADMIN_KEY", ADMIN_SECRET);
		env.put("SANCTIONS_LIMITS_ANALYST_PER_MINUTE", "1000000");
		env.put("SERVER_PORT", "0");
		return builder.start();
	}

}
