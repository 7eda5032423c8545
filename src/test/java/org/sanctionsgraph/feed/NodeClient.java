package org.sanctionsgraph.feed;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs the JavaScript clients in {@code src/test/js/feed-client}: installs their packages
 * with {@code npm ci} from the npm registry (only when the lock file is newer than the
 * installed ones), then runs a script with Node and collects its output.
 */
final class NodeClient {

	static final Path DIRECTORY = Path.of("src/test/js/feed-client");

	private static final long INSTALL_MINUTES = 5;

	private static final long RUN_MINUTES = 2;

	private NodeClient() {
	}

	/** What a script printed and how it ended. */
	record Result(int exitCode, String output) {
	}

	/** Whether Node.js (20 or later, as graphql-ws needs) and npm can be run. */
	static boolean available() {
		try {
			Result node = exec(
					List.of("node", "-e", "process.exit(+process.versions.node.split('.')[0] >= 20 ? 0 : 1)"), 1);
			return node.exitCode() == 0 && exec(List.of("npm", "--version"), 1).exitCode() == 0;
		}
		catch (IOException ex) {
			return false;
		}
	}

	static Result run(String script, String... args) throws IOException {
		Path installed = DIRECTORY.resolve("node_modules/.package-lock.json");
		if (!Files.exists(installed) || Files.getLastModifiedTime(DIRECTORY.resolve("package-lock.json"))
			.compareTo(Files.getLastModifiedTime(installed)) > 0) {
			Result install = exec(
					List.of("npm", "ci", "--prefix", DIRECTORY.toString(), "--no-audit", "--no-fund",
							"--ignore-scripts", "--registry=https://registry.npmjs.org/", "--loglevel=error"),
					INSTALL_MINUTES);
			if (install.exitCode() != 0) {
				throw new IllegalStateException("npm ci failed in " + DIRECTORY + ":\n" + install.output());
			}
		}
		List<String> command = new ArrayList<>(List.of("node", DIRECTORY.resolve(script).toString()));
		command.addAll(List.of(args));
		return exec(command, RUN_MINUTES);
	}

	private static Result exec(List<String> command, long minutes) throws IOException {
		// output to a file, so a chatty process never blocks on a full pipe
		Path output = Files.createTempFile("node-client", ".log");
		Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile()).start();
		try {
			if (!process.waitFor(minutes, TimeUnit.MINUTES)) {
				process.destroyForcibly().waitFor();
				return new Result(-1, "Ran past " + minutes + " min and was stopped: " + command + "\n"
						+ Files.readString(output, StandardCharsets.UTF_8));
			}
			return new Result(process.exitValue(), Files.readString(output, StandardCharsets.UTF_8));
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			process.destroyForcibly();
			throw new IOException("Interrupted while running " + command, ex);
		}
		finally {
			Files.deleteIfExists(output);
		}
	}

}
