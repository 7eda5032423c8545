package org.sanctionsgraph.embedded;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the embedded MongoDB-compatible server that runs when no MongoDB URI is configured.
 *
 * @param dataDir where the server keeps its data file
 * @param port the loopback port to listen on; 0 picks a free one
 */
@ConfigurationProperties("sanctions.embedded")
public record EmbeddedMongoProperties(Path dataDir, Integer port) {

	public EmbeddedMongoProperties {
		dataDir = dataDir == null ? Path.of("data") : dataDir;
		port = port == null ? 0 : port;
	}

}
