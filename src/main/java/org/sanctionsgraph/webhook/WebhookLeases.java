package org.sanctionsgraph.webhook;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * A webhook's delivery state in MongoDB, changed only by the instance holding its lease.
 * The lease (owner and expiry on the webhook's document, taken with one atomic
 * find-and-modify) lets one instance at a time deliver to a webhook; every change of the
 * position also names the position it moves from, so even an instance that kept
 * delivering past its lease (stalled longer than {@code sanctions.webhooks.lease}) cannot
 * move it backwards or twice: at worst a change is delivered twice, which the cursor lets
 * receivers notice.
 */
@Component
class WebhookLeases {

	private final MongoTemplate mongo;

	private final Clock clock;

	private final Duration lease;

	WebhookLeases(MongoTemplate mongo, Clock clock, WebhookProperties properties) {
		this.mongo = mongo;
		this.clock = clock;
		this.lease = properties.lease();
	}

	List<Webhook> all() {
		return this.mongo.findAll(Webhook.class);
	}

	/**
	 * The webhook, now leased to {@code owner}, or null when another instance holds it
	 * (or it was deleted).
	 */
	Webhook take(String id, String owner) {
		Instant now = this.clock.instant();
		Query free = Query.query(Criteria.where("_id")
			.is(id)
			.orOperator(Criteria.where(Webhook.LEASE_UNTIL).is(null), Criteria.where(Webhook.LEASE_UNTIL).lte(now),
					Criteria.where(Webhook.LEASE_OWNER).is(owner)));
		return this.mongo.findAndModify(free,
				new Update().set(Webhook.LEASE_OWNER, owner).set(Webhook.LEASE_UNTIL, now.plus(this.lease)),
				FindAndModifyOptions.options().returnNew(true), Webhook.class);
	}

	/**
	 * Records that everything up to {@code position} was handled, renewing the lease;
	 * false when the lease or the webhook is gone, and the caller must stop.
	 */
	boolean advance(Webhook webhook, String from, String position, boolean delivered, String owner) {
		Instant now = this.clock.instant();
		Update update = new Update().set(Webhook.POSITION, position)
			.set(Webhook.FAILURES, 0)
			.unset(Webhook.NEXT_ATTEMPT_AT)
			.set(Webhook.LEASE_UNTIL, now.plus(this.lease));
		if (delivered) {
			update.set(Webhook.LAST_DELIVERED_AT, now).unset(Webhook.LAST_ERROR);
		}
		return this.mongo
			.updateFirst(held(webhook.id(), owner).addCriteria(Criteria.where(Webhook.POSITION).is(from)), update,
					Webhook.class)
			.getMatchedCount() == 1;
	}

	/** Records a failed attempt and when the next is due, and lets the lease go. */
	void failed(Webhook webhook, int failures, Duration backoff, String error, String owner) {
		Instant now = this.clock.instant();
		this.mongo.updateFirst(held(webhook.id(), owner),
				new Update().set(Webhook.FAILURES, failures)
					.set(Webhook.NEXT_ATTEMPT_AT, now.plus(backoff))
					.set(Webhook.LAST_ERROR, error)
					.unset(Webhook.LEASE_OWNER)
					.unset(Webhook.LEASE_UNTIL),
				Webhook.class);
	}

	/** Lets the lease go, so any instance may deliver the next changes. */
	void release(Webhook webhook, String owner) {
		this.mongo.updateFirst(held(webhook.id(), owner),
				new Update().unset(Webhook.LEASE_OWNER).unset(Webhook.LEASE_UNTIL), Webhook.class);
	}

	private static Query held(String id, String owner) {
		return Query.query(Criteria.where("_id").is(id).and(Webhook.LEASE_OWNER).is(owner));
	}

}
