package org.sanctionsgraph.embedded;

import java.nio.file.Path;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the embedded MongoDB-compatible server that runs when no MongoDB URI is configured.
 *
 * @param dataDir where the server keeps its data file
 * @param port the loopback port to listen on; 0 picks a free one
 * @param cacheMb megabytes of the data file's pages kept in memory
 */
@ConfigurationProperties("sanctions.embedded")
@Validated
public record EmbeddedMongoProperties(Path dataDir, @Min(0) @Max(65535) Integer port, @Min(1) Integer cacheMb) {

	public EmbeddedMongoProperties {
		dataDir = dataDir == null ? Path.of("data") : dataDir;
		port = port == null ? 0 : port;
		cacheMb = cacheMb == null ? 512 : cacheMb;
	}

}
