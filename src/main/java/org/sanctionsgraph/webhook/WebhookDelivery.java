package org.sanctionsgraph.webhook;

import java.time.Clock;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import org.sanctionsgraph.feed.FeedEntry;
import org.sanctionsgraph.feed.FeedLog;
import org.sanctionsgraph.feed.MeasureMatch;
import org.sanctionsgraph.measure.Measure;
import org.sanctionsgraph.model.RecordListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Delivers the measure feed to the webhooks: for each webhook whose lease this instance
 * takes, the changes after its position, in the order of the history, each matching one
 * POSTed until the receiver answers 2xx. A failed attempt stops that webhook (later
 * changes wait behind it, so order holds) until its backoff has passed; other webhooks go
 * on. Runs on one thread of its own, every {@code poll-interval} and whenever a measure
 * is written through this instance.
 */
@Component
class WebhookDelivery implements RecordListener, SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(WebhookDelivery.class);

	private final String owner = UUID.randomUUID().toString();

	private final WebhookLeases leases;

	private final WebhookSender sender;

	private final WebhookTargets targets;

	private final FeedLog feed;

	private final MeasureMatch match;

	private final WebhookProperties properties;

	private final Clock clock;

	private volatile ScheduledExecutorService worker;

	WebhookDelivery(WebhookLeases leases, WebhookSender sender, WebhookTargets targets, FeedLog feed,
			MeasureMatch match, WebhookProperties properties, Clock clock) {
		this.leases = leases;
		this.sender = sender;
		this.targets = targets;
		this.feed = feed;
		this.match = match;
		this.properties = properties;
		this.clock = clock;
	}

	@Override
	public void written(Object record) {
		if (record instanceof Measure) {
			nudge();
		}
	}

	@Override
	public void writtenAll(List<?> records) {
		// a bulk import: one round delivers the whole batch
		if (records.stream().anyMatch(Measure.class::isInstance)) {
			nudge();
		}
	}

	/** Starts a round now rather than at the next poll. */
	private void nudge() {
		ScheduledExecutorService running = this.worker;
		if (running != null) {
			try {
				running.execute(this::deliverAll);
			}
			catch (RejectedExecutionException stopping) {
				// stopped meanwhile: the write stands, and the next start delivers it
			}
		}
	}

	/** One round: every webhook due and free gets what it has not had yet. */
	void deliverAll() {
		try {
			for (Webhook webhook : this.leases.all()) {
				if (webhook.due(this.clock.instant())) {
					deliverOne(webhook.id());
				}
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		catch (RuntimeException ex) {
			log.warn("Webhook deliveries stopped for this round", ex);
		}
	}

	/**
	 * One webhook's round, if this instance gets its lease. An unexpected error counts as
	 * a failed attempt (with its backoff), and does not keep the other webhooks from
	 * their rounds.
	 */
	private void deliverOne(String id) throws InterruptedException {
		Webhook webhook = this.leases.take(id, this.owner);
		if (webhook == null) {
			return;
		}
		try {
			deliver(webhook);
		}
		catch (RuntimeException ex) {
			log.warn("Deliveries to webhook {} failed", id, ex);
			fail(webhook, webhook.failures(), "an error in the server (" + ex.getClass().getSimpleName() + ")");
		}
	}

	private void deliver(Webhook webhook) throws InterruptedException {
		Predicate<Measure> test;
		try {
			test = this.match.of(webhook.filter());
		}
		catch (RuntimeException ex) {
			fail(webhook, webhook.failures(), "its filter no longer applies: " + ex.getMessage());
			return;
		}
		String position = webhook.position();
		int failures = webhook.failures();
		FeedLog.Read read;
		do {
			read = this.feed.next(position, FeedLog.BATCH);
			for (FeedEntry entry : read.changes()) {
				boolean matches = entry.measure() != null && test.test(entry.measure());
				if (matches) {
					String error = attempt(webhook, entry);
					if (error != null) {
						fail(webhook, failures, error);
						return;
					}
				}
				if (!this.leases.advance(webhook, position, entry.id(), matches, this.owner)) {
					return;
				}
				position = entry.id();
				failures = 0;
			}
			// other records' history entries after the last change: read past once
			if (read.position() != null && !read.position().equals(position)) {
				if (!this.leases.advance(webhook, position, read.position(), false, this.owner)) {
					return;
				}
				position = read.position();
				failures = 0;
			}
		}
		while (read.read() == FeedLog.BATCH);
		this.leases.release(webhook, this.owner);
	}

	private String attempt(Webhook webhook, FeedEntry entry) throws InterruptedException {
		// the allow-list may have changed since the webhook was registered
		String refusal = this.targets.refusal(webhook.url());
		if (refusal != null) {
			return "its URL " + refusal;
		}
		return this.sender.send(webhook.url(), webhook.secret(), entry.cursor(), WebhookPayload.of(entry));
	}

	private void fail(Webhook webhook, int before, String error) {
		int failures = before + 1;
		this.leases.failed(webhook, failures, this.properties.backoff(failures), error, this.owner);
	}

	@Override
	public void start() {
		this.worker = Executors.newSingleThreadScheduledExecutor(runnable -> {
			Thread thread = new Thread(runnable, "webhook-delivery");
			thread.setDaemon(true);
			return thread;
		});
		long every = this.properties.pollInterval().toMillis();
		this.worker.scheduleWithFixedDelay(this::deliverAll, every, every, TimeUnit.MILLISECONDS);
	}

	@Override
	public void stop() {
		ScheduledExecutorService running = this.worker;
		this.worker = null;
		if (running != null) {
			running.shutdownNow();
		}
	}

	@Override
	public boolean isRunning() {
		return this.worker != null;
	}

}
