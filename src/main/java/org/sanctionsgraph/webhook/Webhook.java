package org.sanctionsgraph.webhook;

import java.time.Instant;

import org.sanctionsgraph.measure.MeasureFilter;
import org.sanctionsgraph.paging.Sortable;
import org.sanctionsgraph.paging.Sortable;

import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.mapping.FieldType;
import org.springframework.data.mongodb.core.mapping.MongoId;

/**
 * A registered receiver of the measure feed, with its delivery state, so a restart (or
 * another instance) goes on where the last delivery stopped.
 *
 * @param id the webhook's key
 * @param url where each matching change is POSTed
 * @param filter which changes it gets (null for all), applied to the measure as it was
 * after the change, as in the feed
 * @param secret the HMAC key of the signatures; kept in clear because signing needs it,
 * never shown again after registration
 * @param position the id of the last history entry handled (delivered, or skipped as not
 * matching); deliveries go on after it
 * @param failures failed attempts at the next delivery in a row (0 after a success)
 * @param nextAttemptAt when the next attempt is due after a failure (null when not
 * waiting)
 * @param lastError what the last failed attempt met, for the ADMIN reading the list
 * @param leaseOwner the instance delivering to it now, if any
 * @param leaseUntil until when that instance holds it
 * @param sortKey the listing order: the id, which grows with the time of registration
 */
@Document("webhooks")
@CompoundIndex(name = "listing", def = "{'sortKey': 1, '_id': 1}")
record Webhook(@MongoId(FieldType.STRING) String id, String url, MeasureFilter filter, String secret, String createdBy,
		Instant createdAt, String position, Instant lastDeliveredAt, int failures, Instant nextAttemptAt,
		String lastError, String leaseOwner, Instant leaseUntil, String sortKey) implements Sortable {

	Webhook {
		sortKey = id;
	}

	static final String POSITION = "position";

	static final String FAILURES = "failures";

	static final String NEXT_ATTEMPT_AT = "nextAttemptAt";

	static final String LAST_ERROR = "lastError";

	static final String LAST_DELIVERED_AT = "lastDeliveredAt";

	static final String LEASE_OWNER = "leaseOwner";

	static final String LEASE_UNTIL = "leaseUntil";

	/** Whether an attempt may be made at {@code now} (not waiting out a backoff). */
	boolean due(Instant now) {
		return this.nextAttemptAt == null || !this.nextAttemptAt.isAfter(now);
	}

}
