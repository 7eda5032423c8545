package org.sanctionsgraph.write;

import java.time.Duration;

import org.hibernate.validator.constraints.time.DurationMin;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How writes are made safe to repeat.
 *
 * @param idempotencyTtl How long an idempotency key is remembered; after that the same
 * key starts a new write.
 * @param idempotencyStaleAfter How long a request holding a key may run before the next
 * request with that key takes it over (the first one crashed or was cut off).
 */
@ConfigurationProperties("sanctions.write")
@Validated
public record WriteProperties(@DefaultValue("24h") @DurationMin(seconds = 1) Duration idempotencyTtl,
		@DefaultValue("1m") @DurationMin(seconds = 1) Duration idempotencyStaleAfter) {

}
