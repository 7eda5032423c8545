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
 * @param progressInterval How long a running import waits at least between two lines of
 * progress (entities done, rate, rejections); a line comes with the first entity done
 * after it, so lines are at most this plus one batch's write apart (5 s keeps them under
 * 10 s).
 */
@ConfigurationProperties("sanctions.import")
@Validated
public record ImportProperties(Path ftm, @DefaultValue("false") boolean exitAfter,
		@DefaultValue("5s") @DurationMin(millis = 1) Duration progressInterval) {

}
