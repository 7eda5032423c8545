package org.sanctionsgraph.webhook;

import java.time.Duration;
import java.util.List;

import org.hibernate.validator.constraints.time.DurationMin;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Where webhooks may point and how their deliveries are retried.
 *
 * @param allowedHosts The host names (or IP literals) a webhook's URL may name, compared
 * without regard to case; empty (the default) allows none, so no webhook can be
 * registered until an operator lists the receivers' hosts.
 * @param initialBackoff How long after a failed delivery the first retry comes; each
 * further failure doubles the wait.
 * @param maxBackoff The longest wait between two attempts: a receiver that stays down is
 * tried at least this often, for ever, since later changes wait behind the failing one.
 * @param connectTimeout How long a delivery waits for the receiver's connection.
 * @param readTimeout How long a delivery waits for the receiver's answer.
 * @param pollInterval How often each instance looks for deliveries to make (and due
 * retries) besides when a measure is written through it.
 * @param lease How long an instance holds the right to deliver to a webhook without
 * renewing it; another instance takes over a webhook whose lease ran out (its holder
 * stopped).
 */
@ConfigurationProperties("sanctions.webhooks")
@Validated
public record WebhookProperties(@DefaultValue List<String> allowedHosts,
		@DefaultValue("1s") @DurationMin(millis = 1) Duration initialBackoff,
		@DefaultValue("10m") @DurationMin(millis = 1) Duration maxBackoff,
		@DefaultValue("5s") @DurationMin(millis = 1) Duration connectTimeout,
		@DefaultValue("10s") @DurationMin(millis = 1) Duration readTimeout,
		@DefaultValue("1s") @DurationMin(millis = 10) Duration pollInterval,
		@DefaultValue("1m") @DurationMin(seconds = 1) Duration lease) {

	/** The wait before the attempt that follows {@code failures} failed ones. */
	Duration backoff(int failures) {
		Duration wait = this.initialBackoff;
		for (int i = 1; i < failures && wait.compareTo(this.maxBackoff) < 0; i++) {
			wait = wait.multipliedBy(2);
		}
		return wait.compareTo(this.maxBackoff) < 0 ? wait : this.maxBackoff;
	}

}
