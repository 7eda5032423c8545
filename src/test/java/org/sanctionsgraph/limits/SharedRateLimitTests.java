package org.sanctionsgraph.limits;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * With {@code sanctions.rate-limits.store=mongodb} the API counts requests in buckets
 * kept in MongoDB: what another instance spent from a client's allowance, this one no
 * longer grants.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "sanctions.rate-limits.store=mongodb", "sanctions.limits.anonymous-per-minute=5" })
class SharedRateLimitTests {

	private static final String QUERY = HttpClients.body("{ __typename }");

	@LocalServerPort
	int port;

	@Autowired
	MongoTemplate mongo;

	@Test
	void anotherInstancesSpendingCountsHere() throws Exception {
		assertThat(HttpClients.postJson(this.port, QUERY).statusCode()).isEqualTo(200);
		assertThat(HttpClients.postJson(this.port, QUERY).statusCode()).isEqualTo(200);
		// a second instance on the same database serves the same client (loopback) twice
		RateBuckets other = new RateBuckets.Shared(
				new MongoBucketStore(this.mongo.getCollection(MongoBucketStore.COLLECTION), Duration.ofMinutes(1)));
		assertThat(other.bucket("address:127.0.0.1", 5).tryConsume(2)).isTrue();
		// so this instance has one request left of the five, then refuses
		assertThat(HttpClients.postJson(this.port, QUERY).statusCode()).isEqualTo(200);
		assertThat(HttpClients.postJson(this.port, QUERY).statusCode()).isEqualTo(429);
	}

}
