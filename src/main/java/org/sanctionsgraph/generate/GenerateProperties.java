package org.sanctionsgraph.generate;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Extra data to load once at start-up, for benchmarks and comparisons; nothing is loaded
 * unless {@code size} or {@code csv-dir} is set.
 *
 * @param size Size of deterministic synthetic data to load once (small, medium or large).
 * @param seed Random seed of the synthetic data; the same seed gives the same data.
 * @param csvDir Directory of a relational data set in CSV files to load once (the layout
 * of the PostGraphile comparison).
 */
@ConfigurationProperties("sanctions.generate")
public record GenerateProperties(Size size, @DefaultValue("20240701") long seed, Path csvDir) {

	/**
	 * How much synthetic data to generate (the counts are {@link DataGenerator#SIZES}).
	 */
	public enum Size {

		SMALL, MEDIUM, LARGE

	}

}
