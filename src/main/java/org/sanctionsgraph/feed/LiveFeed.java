package org.sanctionsgraph.feed;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.Executors;

import org.sanctionsgraph.measure.Measure;
import org.sanctionsgraph.model.RecordListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Sinks;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * Hands new changes of the feed to the open subscriptions. It is told that a measure was
 * written (by this instance's writer, or on a replica set by the change follower for
 * every instance's writes), and then reads the history after the last entry it read (of
 * any record kind), handing out the measure changes among them, so what subscribers get
 * is exactly what the history holds, in its order, each change once. The reading runs on
 * one thread of its own, so a writer never waits for it and changes are handed out in
 * order.
 */
@Component
class LiveFeed implements RecordListener, DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(LiveFeed.class);

	private static final int BATCH = 100;

	private final FeedLog feed;

	private final int buffer;

	private final Set<Sinks.Many<FeedEntry>> subscribers = ConcurrentHashMap.newKeySet();

	private final ExecutorService reader = Executors.newSingleThreadExecutor(runnable -> {
		Thread thread = new Thread(runnable, "measure-feed");
		thread.setDaemon(true);
		return thread;
	});

	/**
	 * The last history entry read (of any record kind, so other kinds' entries are read
	 * past once); only the reader thread moves it.
	 */
	private String last;

	LiveFeed(FeedLog feed, FeedProperties properties) {
		this.feed = feed;
		this.buffer = properties.buffer();
		this.last = feed.newestOfAll();
	}

	@Override
	public void written(Object record) {
		if (record instanceof Measure) {
			this.reader.execute(this::handOut);
		}
	}

	@Override
	public void writtenAll(List<?> records) {
		// a bulk import: one reading hands out the whole batch
		if (records.stream().anyMatch(Measure.class::isInstance)) {
			this.reader.execute(this::handOut);
		}
	}

	/**
	 * A new subscriber's queue, registered at once: it receives every change handed out
	 * from now on, up to {@code buffer} unread ones; one more ends it with
	 * {@link SlowConsumerException}.
	 */
	Sinks.Many<FeedEntry> subscribe() {
		Sinks.Many<FeedEntry> queue = Sinks.many()
			.unicast()
			.onBackpressureBuffer(new ArrayBlockingQueue<>(this.buffer));
		this.subscribers.add(queue);
		return queue;
	}

	void unsubscribe(Sinks.Many<FeedEntry> queue) {
		this.subscribers.remove(queue);
	}

	/** Waits until the readings asked for so far are done (for tests). */
	void settle() throws Exception {
		this.reader.submit(() -> {
		}).get(30, TimeUnit.SECONDS);
	}

	private void handOut() {
		try {
			if (this.subscribers.isEmpty()) {
				// nobody to hand out to (a bulk import with no one listening): move past
				// what
				// is there, without reading it. The newest entry is read before looking
				// at
				// the subscribers, so one that subscribed after the look gets every
				// change
				// written after it subscribed (a resuming one replays its own from the
				// history).
				String newest = this.feed.newestOfAll();
				if (this.subscribers.isEmpty()) {
					if (newest != null) {
						this.last = newest;
					}
					return;
				}
			}
			FeedLog.Read read;
			do {
				read = this.feed.next(this.last, BATCH);
				for (FeedEntry entry : read.changes()) {
					if (entry.measure() != null) {
						this.subscribers.forEach(queue -> offer(queue, entry));
					}
				}
				if (read.position() != null) {
					this.last = read.position();
				}
			}
			while (read.read() == BATCH);
		}
		catch (RuntimeException ex) {
			// the next write tries again from the same place; nothing is skipped
			log.warn("Could not read the measure feed's new changes", ex);
		}
	}

	private void offer(Sinks.Many<FeedEntry> queue, FeedEntry entry) {
		Sinks.EmitResult result = queue.tryEmitNext(entry);
		// a full queue answers FAIL_ZERO_SUBSCRIBER while the subscription is still
		// replaying (its live part is subscribed to after the replay), FAIL_OVERFLOW
		// after
		if (result == Sinks.EmitResult.FAIL_OVERFLOW || result == Sinks.EmitResult.FAIL_ZERO_SUBSCRIBER) {
			this.subscribers.remove(queue);
			queue.tryEmitError(new SlowConsumerException(this.buffer));
		}
		else if (result.isFailure()) {
			this.subscribers.remove(queue);
		}
	}

	@Override
	public void destroy() {
		this.reader.shutdownNow();
	}

}
