package org.sanctionsgraph;

import static org.assertj.core.api.Assertions.fail;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Waits for the application started in a child JVM (with Boot's availability log at debug
 * level) to be ready, reading its output, which it goes on draining afterwards.
 */
public final class ChildApp {

	private static final Pattern PORT = Pattern.compile("Tomcat started on port (\\d+)");

	/**
	 * Boot's debug line once every start-up runner has finished (data and search index
	 * ready).
	 */
	private static final String READY = "ReadinessState changed to ACCEPTING_TRAFFIC";

	/** Marks the end of the child's output (compared by identity). */
	private static final String END = new String("end of output");

	private ChildApp() {
	}

	/**
	 * The child's HTTP port once it is ready; fails with its output when it is not within
	 * the limit.
	 */
	public static int awaitReady(Process app, Duration limit) throws InterruptedException {
		BlockingQueue<String> lines = new LinkedBlockingQueue<>();
		Thread reader = new Thread(() -> {
			try (BufferedReader in = new BufferedReader(
					new InputStreamReader(app.getInputStream(), StandardCharsets.UTF_8))) {
				in.lines().forEach(lines::add);
			}
			catch (IOException | UncheckedIOException ex) {
				// the stream closes when the process ends
			}
			lines.add(END);
		}, "child-app-output");
		reader.setDaemon(true);
		reader.start();
		List<String> seen = new ArrayList<>();
		long deadline = System.nanoTime() + limit.toNanos();
		Integer port = null;
		while (System.nanoTime() < deadline) {
			String line = lines.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
			if (line == null || line == END) {
				break;
			}
			seen.add(line);
			Matcher matcher = PORT.matcher(line);
			if (matcher.find()) {
				port = Integer.valueOf(matcher.group(1));
			}
			if (line.contains(READY) && port != null) {
				return port;
			}
		}
		return fail("The app did not become ready within " + limit + (app.isAlive() ? "" : " (it exited)")
				+ "; its output:\n" + String.join("\n", seen));
	}

}
