package org.sanctionsgraph.limits;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.sanctionsgraph.MovableClock;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.graphql.test.autoconfigure.tester.AutoConfigureHttpGraphQlTester;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.test.context.bean.override.convention.TestBean;

/**
 * A request that runs past its time limit is stopped with an error. Time is made
 * deterministic: the clock moves an hour every time it is read, so every request is over
 * its 10 s limit by its first field. (LimitsTests shows the same request running within
 * its limit.)
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureHttpGraphQlTester
class TimeoutTests {

	@TestBean
	Clock clock;

	static Clock clock() {
		// an hour further on at every reading
		return new MovableClock(Instant.parse("2026-01-01T00:00:00Z"), Duration.ofHours(1));
	}

	@Autowired
	HttpGraphQlTester graphQl;

	@Test
	void aRequestPastItsTimeLimitIsStopped() {
		this.graphQl.document("{ parties(first: 5) { totalCount } }")
			.execute()
			.errors()
			.satisfy(errors -> assertThat(errors).isNotEmpty().allSatisfy(error -> {
				assertThat(error.getMessage()).contains("time limit of 10000 ms");
				assertThat(error.getExtensions()).containsEntry("classification", "TIMEOUT");
			}));
	}

}
