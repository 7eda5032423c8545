package org.sanctionsgraph.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import org.sanctionsgraph.RequestCommands;
import org.sanctionsgraph.db.MongoCommandCounter;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.GraphQlTester;

/**
 * Round trips to MongoDB: a request's commands depend on its depth, not on its page
 * sizes.
 */
public abstract class RoundTripScenarios extends Scenario {

	@Autowired
	MongoCommandCounter counter;

	@Test
	void roundTripsDependOnDepthNotOnPageSize() {
		commandsFor(2); // loads the parties held in memory, once
		long small = commandsFor(2);
		long large = commandsFor(Fixtures.SANCTIONS);
		// party, imposers and target parties: held in memory; measures: find + count;
		// target people;
		// citation sources; responses: one find for a small batch (else aggregation +
		// find); what they
		// answer. A kind of record the smaller page does not name (say, no person
		// targets) costs no
		// lookup there, hence the one command of slack.
		assertThat(small).isPositive();
		assertThat(large).isBetween(small, small + 1);
		assertThat(large).isLessThanOrEqualTo(8);
	}

	@Test
	void aRequestCountsItsOwnCommandsWhileOtherThreadsUseTheDatabaseAndTheMetricCountsAll() throws Exception {
		commandsFor(2);
		long quiet = commandsFor(2);
		long totalBefore = this.counter.count();
		// another thread reads all the while, as the search index's change-stream
		// follower does on a replica set
		AtomicBoolean stop = new AtomicBoolean();
		AtomicLong backgroundReads = new AtomicLong();
		CountDownLatch reads = new CountDownLatch(1);
		ExecutorService background = Executors.newSingleThreadExecutor();
		Future<?> reading = background.submit(() -> {
			while (!stop.get()) {
				this.mongo.getCollection("parties").countDocuments();
				backgroundReads.incrementAndGet();
				reads.countDown();
			}
		});
		long busy;
		try {
			assertThat(reads.await(1, TimeUnit.MINUTES)).as("the background thread reads").isTrue();
			busy = Math.max(commandsFor(2), commandsFor(2));
		}
		finally {
			stop.set(true);
			reading.get(1, TimeUnit.MINUTES);
			background.shutdownNow();
		}
		assertThat(busy).isEqualTo(quiet);
		// the process-wide metric still counts every command, the background thread's
		// included
		assertThat(this.counter.count() - totalBefore).isGreaterThanOrEqualTo(2 * quiet + backgroundReads.get());
	}

	/**
	 * The commands this request sent, read from its own response: other threads' commands
	 * do not count.
	 */
	private long commandsFor(int first) {
		GraphQlTester.Response response = this.graphQl.mutate()
			.header(RequestCommands.HEADER, "yes")
			.build()
			.documentName("nestedRoundTrips")
			.variable("code", "NZ")
			.variable("first", first)
			.execute();
		response.path("party.measuresImposed.edges")
			.entityList(Object.class)
			.hasSize(first)
			.path("party.measuresImposed.edges[*].node.responses.totalCount")
			.entityList(Integer.class)
			.satisfies(list -> assertThat(list).containsOnly(2));
		return RequestCommands.of(response.returnResponse());
	}

}
