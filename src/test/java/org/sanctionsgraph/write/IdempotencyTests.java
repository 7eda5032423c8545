package org.sanctionsgraph.write;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sanctionsgraph.MovableClock;
import org.sanctionsgraph.MemoryMongo;
import org.sanctionsgraph.graphql.UserError;
import org.sanctionsgraph.paging.Pager;
import org.sanctionsgraph.source.Source;
import org.sanctionsgraph.source.SourceKind;

import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * Idempotency keys: a repeat with the same input replays, other input under the same key
 * is refused, a key is forgotten after its time to live, and a key left in progress (its
 * request crashed or hangs) is taken over once it is stale.
 */
class IdempotencyTests {

	private static final Instant START = Instant.parse("2026-12-01T12:00:00Z");

	/**
	 * A mutation's input as a feature passes it: the whole input record, key included.
	 */
	record Input(String title, String idempotencyKey) {
	}

	private final MovableClock clock = new MovableClock(START);

	private MemoryMongo store;

	private MongoTemplate mongo;

	private Idempotency idempotency;

	private final AtomicInteger runs = new AtomicInteger();

	@BeforeEach
	void store() {
		this.store = new MemoryMongo();
		this.mongo = this.store.template();
		this.idempotency = new Idempotency(this.mongo, new Pager(this.mongo, List.of()),
				new WriteProperties(Duration.ofHours(24), Duration.ofMinutes(1)), this.clock);
		this.idempotency.afterSingletonsInstantiated();
	}

	@AfterEach
	void stop() {
		this.store.close();
	}

	@Test
	void theSameKeyWithTheSameInputReplaysTheFirstOutcome() {
		Payload<Source> first = send(new Input("A report", "k-1"));
		this.clock.advance(Duration.ofHours(23));
		Payload<Source> repeat = send(new Input("A report", "k-1"));

		assertThat(repeat.succeeded()).isTrue();
		assertThat(repeat.record().id()).isEqualTo(first.record().id());
		assertThat(this.runs).as("the repeat wrote nothing").hasValue(1);
	}

	@Test
	void theSameKeyWithOtherInputIsRefused() {
		send(new Input("A report", "k-2"));
		Payload<Source> other = send(new Input("Another report", "k-2"));

		assertThat(other.record()).isNull();
		assertThat(other.userErrors()).extracting(UserError::field, error -> error.code().name())
			.containsExactly(org.assertj.core.groups.Tuple.tuple("input.idempotencyKey", "IDEMPOTENCY_KEY_REUSED"));
		assertThat(this.runs).hasValue(1);
		assertThat(this.mongo.getCollection("sources").countDocuments()).isEqualTo(1);

		Payload<Source> otherOperation = this.idempotency.run("k-2", new Input("A report", "k-2"), "amendSource",
				Source.class, this::write);
		assertThat(otherOperation.userErrors()).extracting(error -> error.code().name())
			.containsExactly("IDEMPOTENCY_KEY_REUSED");
	}

	@Test
	void aKeyIsForgottenAfterItsTimeToLive() {
		send(new Input("A report", "k-3"));
		this.clock.advance(Duration.ofHours(24));

		Payload<Source> later = send(new Input("A later report", "k-3"));

		assertThat(later.succeeded()).as("an expired key counts as absent, even where the server keeps it").isTrue();
		assertThat(later.record().title()).isEqualTo("A later report");
		assertThat(this.runs).hasValue(2);
		Document expiry = this.mongo.getCollection(Idempotency.COLLECTION)
			.listIndexes()
			.into(new ArrayList<>())
			.stream()
			.filter(index -> "expiry".equals(index.getString("name")))
			.findFirst()
			.orElseThrow();
		assertThat(expiry.get("key", Document.class)).isEqualTo(new Document("expiresAt", 1));
		assertThat(((Number) expiry.get("expireAfterSeconds")).longValue()).isZero();
		Document stored = this.mongo.getCollection(Idempotency.COLLECTION).find().first();
		assertThat(stored.getDate("expiresAt").toInstant()).isEqualTo(START.plus(Duration.ofHours(48)));
	}

	@Test
	void aKeyLeftInProgressIsTakenOverOnceStale() {
		List<Payload<Source>> meanwhile = new ArrayList<>();
		// The first request hangs (or its process died) while holding the key; later
		// requests come in.
		Payload<Source> first = this.idempotency.run("k-4", new Input("A report", "k-4"), "recordSource", Source.class,
				() -> {
					this.clock.advance(Duration.ofSeconds(30));
					meanwhile.add(send(new Input("A report", "k-4")));
					this.clock.advance(Duration.ofSeconds(31));
					meanwhile.add(send(new Input("A report", "k-4")));
					return write();
				});

		assertThat(meanwhile.get(0).userErrors()).extracting(error -> error.code().name())
			.as("while the first request may still finish, the key is busy")
			.containsExactly("IN_PROGRESS");
		assertThat(meanwhile.get(1).succeeded()).as("after a minute the next request takes the key over").isTrue();
		Payload<Source> replay = send(new Input("A report", "k-4"));
		assertThat(replay.record().id()).as("the request that took the key over keeps its outcome")
			.isEqualTo(meanwhile.get(1).record().id())
			.isNotEqualTo(first.record().id());
	}

	@Test
	void aMutationThatFailsReleasesItsKey() {
		try {
			this.idempotency.run("k-5", new Input("A report", "k-5"), "recordSource", Source.class, () -> {
				throw new IllegalStateException("the store went away");
			});
		}
		catch (IllegalStateException expected) {
			// the request failed; its key must not block a retry
		}
		assertThat(send(new Input("A report", "k-5")).succeeded()).isTrue();
	}

	private Payload<Source> send(Input input) {
		return this.idempotency.run(input.idempotencyKey(), input, "recordSource", Source.class, () -> write(input));
	}

	private Payload<Source> write() {
		return write(new Input("A report", null));
	}

	private Payload<Source> write(Input input) {
		Source source = new Source("src-" + this.runs.incrementAndGet(), SourceKind.NEWS_REPORT, input.title(), null,
				null, null, null, null, 1);
		this.mongo.insert(source);
		return Payload.ok(source);
	}

}
