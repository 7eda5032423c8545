package org.sanctionsgraph.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.sanctionsgraph.measure.Measure;
import org.sanctionsgraph.measure.MeasureKind;
import reactor.core.publisher.Signal;
import reactor.core.publisher.Sinks;

/**
 * A subscriber that does not read is ended once it has {@code sanctions.feed.buffer}
 * changes waiting, with an error saying why, instead of holding more and more of them.
 */
class LiveFeedTests {

	@Test
	void aSubscriberThatDoesNotReadIsEndedAtItsBuffer() throws Exception {
		FeedLog log = mock(FeedLog.class);
		when(log.next(isNull(), anyInt()))
			.thenReturn(new FeedLog.Read(List.of(entry("a"), entry("b"), entry("c")), "c", 3));
		LiveFeed live = new LiveFeed(log, new FeedProperties(10, 2, false));
		Sinks.Many<FeedEntry> queue = live.subscribe();

		live.written(measure());
		live.written(measure());
		live.settle();

		List<Signal<FeedEntry>> received = queue.asFlux().materialize().collectList().block(Duration.ofSeconds(10));
		assertThat(received).hasSize(3);
		assertThat(received.subList(0, 2)).extracting(signal -> signal.get().id()).containsExactly("a", "b");
		assertThat(received.get(2).getThrowable()).isInstanceOf(SlowConsumerException.class)
			.hasMessageContaining("more than 2 changes unread");
		live.destroy();
	}

	/**
	 * Other records' history entries (a bulk import's) are read past once: the next read
	 * starts after them, not again from the last measure change.
	 */
	@Test
	void theReaderMovesPastOtherKindsOfEntriesABatchAtATime() throws InterruptedException {
		FeedLog log = mock(FeedLog.class);
		when(log.newestOfAll()).thenReturn("start");
		CountDownLatch done = new CountDownLatch(1);
		// a full batch of people's entries, then a batch ending with a measure change
		when(log.next("start", 100)).thenReturn(new FeedLog.Read(List.of(), "person-100", 100));
		when(log.next("person-100", 100)).thenReturn(new FeedLog.Read(List.of(entry("m-1")), "m-1", 7));
		when(log.next("m-1", 100)).thenReturn(new FeedLog.Read(List.of(entry("m-2")), "m-2", 1));
		when(log.next("m-2", 100)).thenAnswer(invocation -> {
			// the reader thread runs this only after handing out m-2
			done.countDown();
			return new FeedLog.Read(List.of(), null, 0);
		});
		LiveFeed live = new LiveFeed(log, new FeedProperties(10, 10, false));
		Sinks.Many<FeedEntry> queue = live.subscribe();

		live.written(measure());
		live.written(measure());
		live.written(measure());
		assertThat(done.await(10, TimeUnit.SECONDS)).isTrue();
		live.unsubscribe(queue);
		queue.tryEmitComplete();
		List<FeedEntry> received = queue.asFlux().collectList().block(Duration.ofSeconds(10));
		assertThat(received).extracting(FeedEntry::id).containsExactly("m-1", "m-2");
		verify(log, never()).next(isNull(), anyInt());
		live.destroy();
	}

	/**
	 * With no subscriber the feed reads nothing of what is written (a bulk import with no
	 * one listening): it only moves past it, and a subscriber that comes later gets what
	 * is written after it came.
	 */
	@Test
	void withNoSubscriberTheReaderMovesPastTheHistoryWithoutReadingIt() throws Exception {
		FeedLog log = mock(FeedLog.class);
		// at the start, then at the write nobody hears
		when(log.newestOfAll()).thenReturn("start", "person-500");
		when(log.next("person-500", 100)).thenReturn(new FeedLog.Read(List.of(entry("m-2")), "m-2", 1));
		LiveFeed live = new LiveFeed(log, new FeedProperties(10, 10, false));

		live.written(measure());
		live.settle();
		Sinks.Many<FeedEntry> queue = live.subscribe();
		live.written(measure());
		live.settle();
		live.unsubscribe(queue);
		queue.tryEmitComplete();
		assertThat(queue.asFlux().collectList().block(Duration.ofSeconds(10))).extracting(FeedEntry::id)
			.containsExactly("m-2");
		verify(log, never()).next(eq("start"), anyInt());
		live.destroy();
	}

	private static FeedEntry entry(String id) {
		return new FeedEntry(id, "cursor-" + id, MeasureOperation.RECORDED, Instant.EPOCH, "key:test", measure());
	}

	private static Measure measure() {
		return Measure.of("m-1", MeasureKind.SANCTION, "A measure", null, List.of(), List.of(), List.of(), null, null,
				null, List.of(), List.of(), null, null, null, null, null, null, List.of());
	}

}
