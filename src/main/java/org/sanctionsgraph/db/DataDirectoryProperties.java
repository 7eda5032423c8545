package org.sanctionsgraph.db;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Where the app writes: one data directory holding the embedded server's file and the
 * search index, so that a deployment declares (and mounts) a single writable directory.
 * The app writes nowhere else (Tomcat's scratch files go to {@code java.io.tmpdir}).
 *
 * @param dataDir Directory the app writes to (the embedded server's file and the search
 * index), created if missing; needed with a configured MongoDB too. A relative path is
 * resolved against the working directory.
 * @param search where the search index lives, when not in the data directory
 * @param embedded the former name of the data directory setting
 */
@ConfigurationProperties("sanctions")
@Validated
public record DataDirectoryProperties(Path dataDir, @DefaultValue Search search, @DefaultValue Embedded embedded) {

	private static final Path DEFAULT = Path.of("data");

	public DataDirectoryProperties {
		// The former setting still works while the new one is unset, so existing
		// deployments keep their data.
		if (dataDir == null) {
			dataDir = (embedded != null && embedded.dataDir() != null) ? embedded.dataDir() : DEFAULT;
		}
	}

	/**
	 * The search index's directory: {@code sanctions.search.index-dir}, else
	 * {@code search-index} in the data directory.
	 */
	public Path searchIndexDir() {
		boolean apart = this.search != null && this.search.indexDir() != null;
		return apart ? this.search.indexDir() : this.dataDir.resolve("search-index");
	}

	/**
	 * The search index's location.
	 *
	 * @param indexDir Directory of the search index, when not search-index in the data
	 * directory.
	 */
	public record Search(Path indexDir) {

	}

	/**
	 * The embedded server's former data directory setting.
	 *
	 * @param dataDir Former name of sanctions.data-dir, used only while that is unset.
	 */
	public record Embedded(Path dataDir) {

	}

}
