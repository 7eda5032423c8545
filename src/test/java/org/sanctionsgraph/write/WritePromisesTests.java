package org.sanctionsgraph.write;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sanctionsgraph.graphql.GlobalId;
import org.sanctionsgraph.measure.Measure;
import org.sanctionsgraph.program.Membership;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.graphql.test.autoconfigure.tester.AutoConfigureHttpGraphQlTester;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

/**
 * What the write API promises, over HTTP: identical writes sent at the same moment make
 * one record (the others are told which), an amendment is held to every rule a new record
 * is, and an idempotency key cannot be reused for other input. Its writes use the seed's
 * parties (EU on Belarus), so it runs in a context of its own rather than the shared API
 * test context, whose suites expect the seed's measures on those parties as they are.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "sanctions.security.bootstrap-admin-key=" + WritePromisesTests.ADMIN_SECRET,
				"sanctions.limits.anonymous-per-minute=1000000", "sanctions.limits.analyst-per-minute=1000000" })
@AutoConfigureHttpGraphQlTester
class WritePromisesTests {

	static final String ADMIN_SECRET = "sgk_write-promises-admin-secret-0123456789abcdef";

	private static final int WRITERS = 8;

	private static final ParameterizedTypeReference<Map<String, Object>> MAP = new ParameterizedTypeReference<>() {
	};

	@Autowired
	HttpGraphQlTester graphQl;

	@Autowired
	MongoTemplate mongo;

	HttpGraphQlTester analyst;

	@BeforeEach
	void analyst() {
		String secret = as(ADMIN_SECRET).documentName("issueApiKey")
			.variable("name", "analyst " + System.nanoTime())
			.variable("roles", List.of("ANALYST"))
			.execute()
			.path("issueApiKey.secret")
			.entity(String.class)
			.get();
		this.analyst = as(secret);
	}

	@Test
	void identicalSanctionsSentTogetherMakeOneRecord() throws Exception {
		String title = "Raced sanction " + System.nanoTime();
		Map<String, Object> fields = sanction(title, "2003-03-03");
		long history = this.mongo.getCollection("history").countDocuments();

		List<Map<String, Object>> outcomes = race(() -> this.analyst.documentName("recordSanction")
			.variable("fields", fields)
			.execute()
			.path("recordSanction")
			.entity(MAP)
			.get());

		List<Measure> stored = this.mongo.find(Query.query(Criteria.where("title").is(title)), Measure.class);
		assertThat(stored).hasSize(1);
		String winner = GlobalId.encode("Measure", stored.get(0).id());
		assertOneWonAndTheOthersWereToldWhich(outcomes, "measure", winner);
		assertThat(this.mongo.getCollection("history").countDocuments()).as("one history entry, the winner's")
			.isEqualTo(history + 1);
		assertThat(historyOf("Measure", stored.get(0).id())).isEqualTo(1);
	}

	@Test
	void identicalMembershipsSentTogetherMakeOneRecord() throws Exception {
		String program = this.analyst.documentName("recordProgram")
			.variable("fields", Map.of("name", "Raced partnership " + System.nanoTime(), "kind", "PARTNERSHIP"))
			.execute()
			.path("recordProgram.program.id")
			.entity(String.class)
			.get();
		String programKey = GlobalId.decode("program", program, "Program");
		long history = this.mongo.getCollection("history").countDocuments();

		List<Map<String, Object>> outcomes = race(() -> this.analyst.documentName("recordMembership")
			.variable("member", "BY")
			.variable("program", program)
			.variable("status", "ACTIVE")
			.variable("from", "2009-05")
			.execute()
			.path("recordMembership")
			.entity(MAP)
			.get());

		List<Membership> stored = this.mongo.find(Query.query(Criteria.where("programId").is(programKey)),
				Membership.class);
		assertThat(stored).hasSize(1);
		assertOneWonAndTheOthersWereToldWhich(outcomes, "membership",
				GlobalId.encode("Membership", stored.get(0).id()));
		assertThat(this.mongo.getCollection("history").countDocuments()).isEqualTo(history + 1);
	}

	@Test
	void anAmendedSanctionCannotAnswerMeasuresOrChangeMemberships() {
		String id = this.analyst.documentName("recordSanction")
			.variable("fields", sanction("Amended against the rules " + System.nanoTime(), "2004-04-04"))
			.execute()
			.path("recordSanction.measure.id")
			.entity(String.class)
			.get();
		long history = this.mongo.getCollection("history").countDocuments();
		Membership membership = this.mongo.findOne(new Query(), Membership.class);

		List<Map<String, Object>> errors = this.analyst.documentName("amendMeasure")
			.variable("id", id)
			.variable("revision", 1)
			.variable("fields",
					Map.of("respondsTo", List.of(GlobalId.encode("Measure", "m-eu-sectoral-2021")), "membershipChange",
							Map.of("membership", GlobalId.encode("Membership", membership.id()), "status",
									"SUSPENDED")))
			.execute()
			.path("amendMeasure.measure")
			.valueIsNull()
			.path("amendMeasure.userErrors")
			.entityList(MAP)
			.get();

		assertThat(errors).extracting(error -> error.get("field") + " " + error.get("code"))
			.containsExactly("input.fields.respondsTo INVALID", "input.fields.membershipChange INVALID");
		Measure stored = this.mongo.findById(GlobalId.decode("id", id, "Measure"), Measure.class);
		assertThat(stored.revision()).isEqualTo(1);
		assertThat(stored.respondsToIds()).isEmpty();
		assertThat(stored.membershipChange()).isNull();
		assertThat(this.mongo.getCollection("history").countDocuments()).isEqualTo(history);
	}

	@Test
	void anIdempotencyKeyReusedWithOtherInputIsRefused() {
		String key = "reused-" + System.nanoTime();
		String first = this.analyst.documentName("recordSanction")
			.variable("fields", sanction("First use of a key", "2005-05-05"))
			.variable("key", key)
			.execute()
			.path("recordSanction.measure.id")
			.entity(String.class)
			.get();
		this.analyst.documentName("recordSanction")
			.variable("fields", sanction("First use of a key", "2005-05-05"))
			.variable("key", key)
			.execute()
			.path("recordSanction.measure.id")
			.entity(String.class)
			.isEqualTo(first);

		this.analyst.documentName("recordSanction")
			.variable("fields", sanction("Second use of a key", "2005-05-06"))
			.variable("key", key)
			.execute()
			.path("recordSanction.measure")
			.valueIsNull()
			.path("recordSanction.userErrors[0].field")
			.entity(String.class)
			.isEqualTo("input.idempotencyKey")
			.path("recordSanction.userErrors[0].code")
			.entity(String.class)
			.isEqualTo("IDEMPOTENCY_KEY_REUSED");
		assertThat(this.mongo.count(Query.query(Criteria.where("title").is("Second use of a key")), Measure.class))
			.isZero();
	}

	@SuppressWarnings("unchecked")
	private static void assertOneWonAndTheOthersWereToldWhich(List<Map<String, Object>> outcomes, String field,
			String winner) {
		List<Map<String, Object>> won = outcomes.stream().filter(outcome -> outcome.get(field) != null).toList();
		assertThat(won).hasSize(1);
		assertThat(((Map<String, Object>) won.get(0).get(field)).get("id")).isEqualTo(winner);
		List<Map<String, Object>> lost = outcomes.stream().filter(outcome -> outcome.get(field) == null).toList();
		assertThat(lost).hasSize(WRITERS - 1).allSatisfy(outcome -> {
			List<Map<String, Object>> errors = (List<Map<String, Object>>) outcome.get("userErrors");
			assertThat(errors).singleElement().satisfies(error -> {
				assertThat(error.get("code")).isEqualTo("DUPLICATE");
				assertThat(error.get("existingId")).isEqualTo(winner);
			});
		});
	}

	/** Runs the same call on {@link #WRITERS} threads released at the same moment. */
	private static <R> List<R> race(Callable<R> call) throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(WRITERS);
		try {
			CountDownLatch ready = new CountDownLatch(WRITERS);
			CountDownLatch go = new CountDownLatch(1);
			List<Future<R>> futures = new ArrayList<>();
			for (int i = 0; i < WRITERS; i++) {
				futures.add(pool.submit(() -> {
					ready.countDown();
					go.await();
					return call.call();
				}));
			}
			assertThat(ready.await(60, TimeUnit.SECONDS)).isTrue();
			go.countDown();
			List<R> outcomes = new ArrayList<>();
			for (Future<R> future : futures) {
				outcomes.add(future.get(120, TimeUnit.SECONDS));
			}
			return outcomes;
		}
		finally {
			pool.shutdownNow();
		}
	}

	private long historyOf(String type, String key) {
		return this.mongo.getCollection("history").countDocuments(new org.bson.Document("record", type + ":" + key));
	}

	private static Map<String, Object> sanction(String title, String inForce) {
		Map<String, Object> fields = new HashMap<>();
		fields.put("title", title);
		fields.put("imposedBy", List.of("EU"));
		fields.put("measureTypes", List.of("EXPORT_CONTROL"));
		fields.put("targets", List.of(Map.of("kind", "PARTY", "party", "BY")));
		fields.put("inForce", inForce);
		return fields;
	}

	private HttpGraphQlTester as(String secret) {
		return this.graphQl.mutate().header("Authorization", "Bearer " + secret).build();
	}

}
