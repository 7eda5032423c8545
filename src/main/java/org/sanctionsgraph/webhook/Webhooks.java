package org.sanctionsgraph.webhook;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import org.bson.types.ObjectId;
import org.sanctionsgraph.feed.FeedLog;
import org.sanctionsgraph.feed.MeasureMatch;
import org.sanctionsgraph.graphql.BadArgumentException;
import org.sanctionsgraph.graphql.GlobalId;
import org.sanctionsgraph.graphql.UserError;
import org.sanctionsgraph.graphql.UserErrorCode;
import org.sanctionsgraph.measure.MeasureFilter;
import org.sanctionsgraph.paging.Connection;
import org.sanctionsgraph.paging.PageArgs;
import org.sanctionsgraph.paging.Pager;
import org.sanctionsgraph.security.Actor;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Component;

/**
 * Registering, listing and deleting webhooks, for ADMINs only. Input is checked in full
 * before anything is stored, so a refused registration leaves nothing behind.
 */
@Component
class Webhooks {

	/** How many webhooks may exist at once: each costs every instance a delivery loop. */
	static final int MAX_WEBHOOKS = 100;

	static final String TYPE = "Webhook";

	/** A new webhook and its secret, shown once; or, when nothing was stored, why. */
	record Registered(Webhook webhook, String secret, List<UserError> userErrors) {
	}

	private final MongoTemplate mongo;

	private final WebhookTargets targets;

	private final MeasureMatch match;

	private final FeedLog feed;

	private final Clock clock;

	private final Pager pager;

	Webhooks(MongoTemplate mongo, WebhookTargets targets, MeasureMatch match, FeedLog feed, Clock clock, Pager pager) {
		this.mongo = mongo;
		this.pager = pager;
		this.targets = targets;
		this.match = match;
		this.feed = feed;
		this.clock = clock;
	}

	/**
	 * Stores a webhook that receives every matching change written from now on, with a
	 * new secret.
	 */
	@PreAuthorize("hasRole('ADMIN')")
	Registered register(String url, MeasureFilter filter) {
		List<UserError> errors = new ArrayList<>();
		String refusal = this.targets.refusal(url);
		if (refusal != null) {
			errors.add(UserError.of("input.url",
					refusal.equals("is required") ? UserErrorCode.REQUIRED
							: refusal.startsWith("must be at most") ? UserErrorCode.TOO_LONG : UserErrorCode.INVALID,
					refusal));
		}
		try {
			this.match.of(filter);
		}
		catch (BadArgumentException ex) {
			errors.add(UserError.of("input." + ex.argument(), UserErrorCode.INVALID, problem(ex)));
		}
		if (errors.isEmpty() && this.mongo.count(new Query(), Webhook.class) >= MAX_WEBHOOKS) {
			errors.add(UserError.of("input.url", UserErrorCode.INVALID,
					"at most " + MAX_WEBHOOKS + " webhooks may exist; delete one first"));
		}
		if (!errors.isEmpty()) {
			return new Registered(null, null, errors);
		}
		String secret = WebhookSignature.newSecret();
		Webhook webhook = new Webhook(new ObjectId().toHexString(), url.strip(), filter, secret, Actor.current(),
				this.clock.instant(), this.feed.newestOfAll(), null, 0, null, null, null, null, null);
		return new Registered(this.mongo.insert(webhook), secret, List.of());
	}

	/** A page of the webhooks, oldest first. */
	@PreAuthorize("hasRole('ADMIN')")
	Connection<Webhook> list(PageArgs args, boolean count) {
		return this.pager.page(Webhook.class, null, args, count);
	}

	/**
	 * Deletes a webhook: no delivery to it starts after this; one under way may still
	 * arrive. Returns the deleted webhook, or why none was.
	 */
	@PreAuthorize("hasRole('ADMIN')")
	Registered delete(String globalId) {
		String id;
		try {
			id = GlobalId.decode("input.id", globalId, TYPE);
		}
		catch (BadArgumentException ex) {
			return new Registered(null, null, List.of(UserError.of("input.id", UserErrorCode.INVALID, problem(ex))));
		}
		Webhook deleted = this.mongo.findAndRemove(Query.query(Criteria.where("_id").is(id)), Webhook.class);
		return deleted != null ? new Registered(deleted, null, List.of()) : new Registered(null, null,
				List.of(UserError.of("input.id", UserErrorCode.NOT_FOUND, "no webhook has this id")));
	}

	/** The problem an argument exception names, without the argument's name before it. */
	private static String problem(BadArgumentException ex) {
		String message = ex.getMessage();
		int split = message.indexOf("': ");
		return split < 0 ? message : message.substring(split + 3);
	}

}
