package org.sanctionsgraph.feed;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.bson.Document;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.graphql.test.autoconfigure.tester.AutoConfigureHttpGraphQlTester;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

/**
 * The history reader the live feed and the webhooks follow: it hands out the measure
 * changes after a position, in order, each once, moves past other kinds' entries (a bulk
 * import's) without handing them out, and goes on from the newest entry it looked at.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "sanctions.security.bootstrap-admin-key=" + FeedLogTests.ADMIN_SECRET,
				"sanctions.limits.analyst-per-minute=1000000" })
@AutoConfigureHttpGraphQlTester
class FeedLogTests {

	static final String ADMIN_SECRET = "sgk_feed-log-tests-admin-secret-0123456789abcdef";

	@Autowired
	FeedLog feed;

	@Autowired
	MongoTemplate mongo;

	@Autowired
	HttpGraphQlTester graphQl;

	@Test
	void readsTheMeasureChangesAmongOtherKindsInOrderAndGoesOnFromTheNewestEntry() {
		HttpGraphQlTester admin = this.graphQl.mutate().header("Authorization", "Bearer " + ADMIN_SECRET).build();
		String start = this.feed.newestOfAll();
		FeedFixtures.recordSanction(admin, "US", "First among the people", LocalDate.of(2019, 3, 1));
		others(250);
		FeedFixtures.recordSanction(admin, "US", "Second among the people", LocalDate.of(2019, 3, 2));
		String lastOther = others(50);
		assertThat(this.feed.newestOfAll()).isEqualTo(lastOther);

		FeedLog.Read all = this.feed.next(start, FeedLog.BATCH);
		assertThat(all.changes()).extracting(entry -> entry.measure().title())
			.containsExactly("First among the people", "Second among the people");
		assertThat(all.read()).isEqualTo(2);
		// fewer than asked for: the next read starts after the newest entry, past the
		// people's
		assertThat(all.position()).isEqualTo(lastOther);
		FeedLog.Read none = this.feed.next(all.position(), FeedLog.BATCH);
		assertThat(none.changes()).isEmpty();
		assertThat(none.position()).isNull();

		// one change at a time: the position is the change's until a read comes up short
		FeedLog.Read first = this.feed.next(start, 1);
		assertThat(first.changes()).extracting(entry -> entry.measure().title())
			.containsExactly("First among the people");
		assertThat(first.position()).isEqualTo(first.changes().get(0).id());
		assertThat(first.read()).isEqualTo(1);
		FeedLog.Read second = this.feed.next(first.position(), 1);
		assertThat(second.changes()).extracting(entry -> entry.measure().title())
			.containsExactly("Second among the people");
		FeedLog.Read after = this.feed.next(second.position(), 1);
		assertThat(after.changes()).isEmpty();
		assertThat(after.read()).isZero();
		assertThat(after.position()).isEqualTo(lastOther);

		// a change written after the last read is the next read's, alone
		FeedFixtures.recordSanction(admin, "US", "Third, later", LocalDate.of(2019, 3, 3));
		FeedLog.Read later = this.feed.next(after.position(), FeedLog.BATCH);
		assertThat(later.changes()).extracting(entry -> entry.measure().title()).containsExactly("Third, later");
	}

	/**
	 * History entries of another record kind, as a bulk import writes; the last one's id.
	 */
	private String others(int count) {
		List<Document> entries = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			entries.add(new Document("_id", new ObjectId().toHexString()).append("record", "Person:feed-log-" + i)
				.append("revision", 1L)
				.append("operation", "importFtm")
				.append("actor", "import:test"));
		}
		this.mongo.getCollection("history").insertMany(entries);
		return entries.get(count - 1).getString("_id");
	}

}
