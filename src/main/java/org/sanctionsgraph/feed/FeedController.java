package org.sanctionsgraph.feed;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;

import org.sanctionsgraph.measure.Measure;
import org.sanctionsgraph.measure.MeasureFilter;
import org.sanctionsgraph.paging.Connection;
import org.sanctionsgraph.paging.PageArgs;
import org.sanctionsgraph.paging.SortDirection;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;
import reactor.core.scheduler.Schedulers;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.ContextValue;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SubscriptionMapping;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Controller;

/**
 * The measure feed: {@code measureChanges} pages it, {@code measureChanged} follows it
 * live, replaying first what a client missed.
 */
@Controller
class FeedController {

	private final FeedLog feed;

	private final LiveFeed live;

	private final MeasureMatch match;

	private final int maxPerClient;

	private final Map<String, AtomicInteger> open = new ConcurrentHashMap<>();

	FeedController(FeedLog feed, LiveFeed live, MeasureMatch match, FeedProperties properties) {
		this.feed = feed;
		this.live = live;
		this.match = match;
		this.maxPerClient = properties.maxSubscriptionsPerClient();
	}

	@QueryMapping
	Connection<MeasureChange> measureChanges(@Argument MeasureFilter filter, @Argument String after,
			@Argument Integer first) {
		int size = PageArgs.of(first, null, null, null, SortDirection.ASC).size();
		Predicate<Measure> test = this.match.of(filter);
		Connection<FeedEntry> page = this.feed.page(test, FeedCursor.decode("after", after), size);
		Authentication caller = SecurityContextHolder.getContext().getAuthentication();
		return new Connection<>(page.edges()
			.stream()
			.map(edge -> new Connection.Edge<>(edge.cursor(), MeasureChange.of(edge.node(), caller)))
			.toList(), page.pageInfo(), page.totalCount());
	}

	/**
	 * Subscribes to live changes first, then replays the history after {@code after},
	 * then passes on the live changes written after the last one replayed: none is missed
	 * between the two and none comes twice.
	 */
	@SubscriptionMapping
	Flux<MeasureChange> measureChanged(@Argument MeasureFilter filter, @Argument String after,
			@ContextValue(name = FeedClients.ADDRESS, required = false) String address,
			@ContextValue(name = FeedClients.CLOSE, required = false) FeedClients.SlowConsumerClose close) {
		Predicate<Measure> test = this.match.of(filter);
		String from = FeedCursor.decode("after", after);
		Authentication caller = SecurityContextHolder.getContext().getAuthentication();
		String client = FeedClients.of(caller, address);
		AtomicInteger count = this.open.compute(client, (key, held) -> {
			AtomicInteger counter = held != null ? held : new AtomicInteger();
			counter.incrementAndGet();
			return counter;
		});
		if (count.get() > this.maxPerClient) {
			release(client);
			throw new FeedLimitException("This client already holds " + this.maxPerClient
					+ " subscriptions, the most allowed (sanctions.feed.max-subscriptions-per-client)");
		}
		Sinks.Many<FeedEntry> queue = this.live.subscribe();
		AtomicReference<String> last = new AtomicReference<>(from);
		Flux<FeedEntry> replay = from == null ? Flux.empty() : replay(from).doOnNext(entry -> last.set(entry.id()));
		Flux<FeedEntry> rest = queue.asFlux()
			.filter(entry -> last.get() == null || entry.id().compareTo(last.get()) > 0);
		return Flux.concat(replay.subscribeOn(Schedulers.boundedElastic()), rest)
			.filter(entry -> entry.measure() != null && test.test(entry.measure()))
			.map(entry -> MeasureChange.of(entry, caller))
			// over WebSocket the error message alone would wait behind the unread ones
			.doOnError(SlowConsumerException.class, ex -> {
				if (close != null) {
					close.close(ex.buffer());
				}
			})
			.doFinally(signal -> {
				this.live.unsubscribe(queue);
				release(client);
			});
	}

	/** One subscription of the client less; a client with none is forgotten. */
	private void release(String client) {
		this.open.computeIfPresent(client, (key, held) -> held.decrementAndGet() == 0 ? null : held);
	}

	/** Every change after {@code from} in the history, read a batch at a time. */
	private Flux<FeedEntry> replay(String from) {
		return Flux.<java.util.List<FeedEntry>, String>generate(() -> from, (position, sink) -> {
			java.util.List<FeedEntry> batch = this.feed.after(position, FeedLog.BATCH);
			if (batch.isEmpty()) {
				sink.complete();
				return position;
			}
			sink.next(batch);
			return batch.get(batch.size() - 1).id();
		}).flatMapIterable(batch -> batch);
	}

}
