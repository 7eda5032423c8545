package org.sanctionsgraph.limits;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.sanctionsgraph.db.RequestDeadline;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.mongodb.MongoDatabaseFactory;
import org.springframework.test.context.bean.override.convention.TestBean;

/**
 * The MongoDB operations of a request share the request's time limit: each gets the time
 * the request has left, not a fresh limit of its own. The clock stands still, so the
 * figures are exact.
 */
@SpringBootTest(properties = "sanctions.limits.timeout=10s")
class RequestDeadlineTests {

	private static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");

	@TestBean
	Clock clock;

	static Clock clock() {
		return Clock.fixed(NOW, ZoneOffset.UTC);
	}

	@Autowired
	MongoDatabaseFactory databases;

	@Test
	void operationsGetWhatIsLeftOfTheRequestsTime() {
		Instant previous = RequestDeadline.set(NOW.plus(Duration.ofMillis(2500)));
		try {
			assertThat(this.databases.getMongoDatabase().getTimeout(TimeUnit.MILLISECONDS)).isEqualTo(2500);
			RequestDeadline.set(NOW.plus(Duration.ofMillis(40)));
			assertThat(this.databases.getMongoDatabase().getTimeout(TimeUnit.MILLISECONDS)).isEqualTo(40);
			// past the deadline: the least time there is, never 0 (which would mean no
			// limit)
			RequestDeadline.set(NOW.minusSeconds(5));
			assertThat(this.databases.getMongoDatabase().getTimeout(TimeUnit.MILLISECONDS)).isEqualTo(1);
		}
		finally {
			RequestDeadline.restore(previous);
		}
	}

	@Test
	void outsideARequestOperationsKeepTheClientWideLimit() {
		assertThat(RequestDeadline.current()).isNull();
		assertThat(this.databases.getMongoDatabase().getTimeout(TimeUnit.MILLISECONDS)).isEqualTo(10_000);
	}

}
