package org.sanctionsgraph.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.Mockito.mock;
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
	void aSubscriberThatDoesNotReadIsEndedAtItsBuffer() throws InterruptedException {
		FeedLog log = mock(FeedLog.class);
		CountDownLatch handedOut = new CountDownLatch(1);
		when(log.after(isNull(), anyInt())).thenReturn(List.of(entry("a"), entry("b"), entry("c")));
		when(log.after("c", 100)).thenAnswer(invocation -> {
			// the feed's single reader thread runs this only after handing out a, b and c
			handedOut.countDown();
			return List.of();
		});
		LiveFeed live = new LiveFeed(log, new FeedProperties(10, 2));
		Sinks.Many<FeedEntry> queue = live.subscribe();

		live.written(measure());
		live.written(measure());
		assertThat(handedOut.await(10, TimeUnit.SECONDS)).isTrue();

		List<Signal<FeedEntry>> received = queue.asFlux().materialize().collectList().block(Duration.ofSeconds(10));
		assertThat(received).hasSize(3);
		assertThat(received.subList(0, 2)).extracting(signal -> signal.get().id()).containsExactly("a", "b");
		assertThat(received.get(2).getThrowable()).isInstanceOf(SlowConsumerException.class)
			.hasMessageContaining("more than 2 changes unread");
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
