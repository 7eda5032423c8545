package org.sanctionsgraph.write;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;
import org.sanctionsgraph.model.RecordEvents;
import org.sanctionsgraph.model.RecordListener;

import org.springframework.beans.factory.support.StaticListableBeanFactory;

/**
 * A stop lets the listeners hear of the last batch stored (what they keep in the store
 * must cover every record it holds after a clean stop), and tells them when it cannot
 * wait any longer.
 */
class BatchWriterStopTests {

	private final CountDownLatch hearing = new CountDownLatch(1);

	private final CountDownLatch release = new CountDownLatch(1);

	private final List<Object> heard = Collections.synchronizedList(new ArrayList<>());

	private final AtomicBoolean missed = new AtomicBoolean();

	/** Hears of a batch once released; an interrupt makes it give up the batch. */
	private final RecordListener listener = new RecordListener() {

		@Override
		public void written(Object record) {
			writtenAll(List.of(record));
		}

		@Override
		public void writtenAll(List<?> records) {
			BatchWriterStopTests.this.hearing.countDown();
			try {
				BatchWriterStopTests.this.release.await();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
			BatchWriterStopTests.this.heard.addAll(records);
		}

		@Override
		public void missed() {
			BatchWriterStopTests.this.missed.set(true);
		}

	};

	private final RecordEvents events = new RecordEvents(
			new StaticListableBeanFactory(Map.of("listener", this.listener)).getBeanProvider(RecordListener.class));

	@Test
	void aStopWaitsForTheListenersToHearOfTheLastBatch() throws InterruptedException {
		BatchWriter batches = new BatchWriter(null, null, this.events, Duration.ofMinutes(2));
		batches.tell(List.of("last"));
		this.hearing.await();
		Thread stopping = new Thread(batches::destroy);
		stopping.start();
		// the stop is waiting for the listener (not interrupting it) before it is
		// released
		while (stopping.isAlive() && stopping.getState() != Thread.State.TIMED_WAITING) {
			Thread.onSpinWait();
		}
		assertThat(stopping.isAlive()).isTrue();
		this.release.countDown();
		stopping.join();
		assertThat(this.heard).containsExactly("last");
		assertThat(this.missed).isFalse();
	}

	@Test
	void aStopThatCannotWaitTellsTheListenersTheyMissedRecords() throws InterruptedException {
		BatchWriter batches = new BatchWriter(null, null, this.events, Duration.ZERO);
		batches.tell(List.of("last"));
		this.hearing.await();
		batches.destroy();
		assertThat(this.missed).isTrue();
	}

	/**
	 * A batch stored after the stop began (an import that outlives the graceful shutdown)
	 * cannot be heard: the listeners are told they missed it.
	 */
	@Test
	void aBatchStoredAfterTheStopBeganIsMissed() {
		BatchWriter batches = new BatchWriter(null, null, this.events, Duration.ofMinutes(2));
		this.release.countDown();
		batches.destroy();
		assertThat(this.missed).isFalse();
		assertThatExceptionOfType(RejectedExecutionException.class).isThrownBy(() -> batches.tell(List.of("late")));
		assertThat(this.missed).isTrue();
		assertThat(this.heard).isEmpty();
	}

	@Test
	void aStopWithEveryBatchHeardMissesNothing() {
		BatchWriter batches = new BatchWriter(null, null, this.events, Duration.ofMinutes(2));
		this.release.countDown();
		batches.tell(List.of("one"));
		batches.tell(List.of("two"));
		// the second waited for the first to be heard; the stop waits for the second
		batches.destroy();
		assertThat(this.heard).containsExactly("one", "two");
		assertThat(this.missed).isFalse();
	}

}
