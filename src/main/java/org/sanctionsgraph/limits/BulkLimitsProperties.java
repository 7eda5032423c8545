package org.sanctionsgraph.limits;

import java.time.Duration;

import jakarta.validation.constraints.Min;
import org.hibernate.validator.constraints.time.DurationMin;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * What one bulk request may cost: imports and exports ({@code /import/**},
 * {@code /export/**}) carry whole data sets, far beyond a GraphQL request's limits, so
 * they have their own.
 *
 * @param maxBodyBytes Largest bulk request body as sent (compressed or not), in bytes
 * (413 beyond it).
 * @param timeout Longest a bulk request may run, from its arrival; its MongoDB operations
 * share it.
 */
@ConfigurationProperties("sanctions.limits.bulk")
@Validated
public record BulkLimitsProperties(@DefaultValue("1073741824") @Min(1) long maxBodyBytes,
		@DefaultValue("1h") @DurationMin(millis = 1) Duration timeout) {

	/** The paths of bulk requests. */
	public static boolean bulk(String path) {
		return path.startsWith("/import/") || path.startsWith("/export/");
	}

}
