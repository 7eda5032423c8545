package org.sanctionsgraph.embedded;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the embedded MongoDB-compatible server that runs when no MongoDB URI is
 * configured. Its data file lives in the data directory ({@code sanctions.data-dir}).
 *
 * @param enabled Whether the embedded server may run; false refuses to start without a
 * configured MongoDB.
 * @param port Loopback port of the embedded server; 0 picks a free one.
 * @param cacheMb Megabytes of the embedded server's data file kept in memory.
 */
@ConfigurationProperties("sanctions.embedded")
@Validated
public record EmbeddedMongoProperties(@DefaultValue("true") boolean enabled,
		@DefaultValue("0") @Min(0) @Max(65535) int port, @DefaultValue("128") @Min(1) int cacheMb) {

}
