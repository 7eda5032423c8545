package org.sanctionsgraph.ftm;

import java.nio.file.Path;
import java.time.Duration;

import org.hibernate.validator.constraints.time.DurationMin;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Importing FollowTheMoney data at start-up, and how imports report progress.
 *
 * @param ftm File of FtM entities (JSON lines, gzip-compressed or not) to import at
 * start-up, before the app accepts requests; nothing is imported when unset.
 * @param exitAfter Whether the app stops after the start-up import (exit status 0, or 1
 * when a line was rejected) instead of serving requests.
 * @param progressInterval How often a running import logs its progress (entities done,
 * rate, rejections).
 */
@ConfigurationProperties("sanctions.import")
@Validated
public record ImportProperties(Path ftm, @DefaultValue("false") boolean exitAfter,
		@DefaultValue("10s") @DurationMin(millis = 1) Duration progressInterval) {

}
