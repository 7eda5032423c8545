package org.sanctionsgraph.seed;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The seed story.
 *
 * @param enabled Whether the seed story is loaded into a database that does not have it
 * yet.
 */
@ConfigurationProperties("sanctions.seed")
public record SeedProperties(@DefaultValue("true") boolean enabled) {

}
