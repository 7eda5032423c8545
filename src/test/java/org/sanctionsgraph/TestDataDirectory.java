package org.sanctionsgraph;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;

import org.springframework.test.context.DynamicPropertyRegistry;

/** A fresh data directory for a test context's embedded server and search index. */
public final class TestDataDirectory {

	private TestDataDirectory() {
	}

	public static void register(DynamicPropertyRegistry registry, String name) {
		try {
			String dir = Files.createTempDirectory("sanctions-" + name).toString();
			registry.add("sanctions.embedded.data-dir", () -> dir);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
