package org.sanctionsgraph.scenarios;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sanctionsgraph.scenarios.SeedExpectations.gid;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import org.springframework.graphql.execution.ErrorType;
import org.springframework.graphql.test.tester.GraphQlTester;

/**
 * Analysts' writes of measures: lifting, validation that changes nothing, concurrent
 * writers and replays.
 */
public abstract class MeasureWriteScenarios extends Scenario {

	@Test
	void liftingEndsAMeasureAndTheHistoryShowsWhoDidWhat() {
		String id = recordSanction("To be lifted", "2022-01-13");
		analyst().documentName("liftMeasure")
			.variable("id", id)
			.variable("revision", 1)
			.variable("ended", "2023-06")
			.variable("reason", "Not renewed")
			.execute()
			.path("liftMeasure.measure.endDate")
			.entity(String.class)
			.isEqualTo("2023-06-30")
			.path("liftMeasure.measure.isInForce")
			.entity(Boolean.class)
			.isEqualTo(false);
		GraphQlTester.Response changes = this.graphQl.documentName("measureChanges").variable("id", id).execute();
		changes.path("measure.revision").entity(Integer.class).isEqualTo(2);
		changes.path("measure.changes.edges[*].node.operation")
			.entityList(String.class)
			.containsExactly("recordSanction", "liftMeasure");
		// anonymous readers see only how the author signed in; analysts see the name,
		// namespaced as a key's
		changes.path("measure.changes.edges[*].node.actor").entityList(String.class).containsExactly("key", "key");
		analyst().documentName("measureChanges")
			.variable("id", id)
			.execute()
			.path("measure.changes.edges[*].node.actor")
			.entityList(String.class)
			.satisfies(actors -> assertThat(actors).hasSize(2).allMatch(actor -> actor.startsWith("key:analyst ")));
		changes.path("measure.changes.edges[1].node.fields[*].field")
			.entityList(String.class)
			.containsExactly("ended", "endReason");
		changes.path("measure.changes.edges[1].node.fields[0].after").entity(String.class).isEqualTo("\"2023-06\"");
	}

	@Test
	void invalidInputGetsUserErrorsAndChangesNothing() {
		String mine = recordSanction("Validation target", "2022-01-14");
		answered(); // the sanction this test's countermeasures answer, recorded before
					// the fingerprint
		String before = fingerprint();
		assertUserError("recordSanction", sanctionWith("imposedBy", List.of("XX")), "input.fields.imposedBy",
				"NOT_FOUND");
		assertUserError("recordSanction", sanctionWith("imposedBy", List.of("not a code")), "input.fields.imposedBy",
				"INVALID");
		assertUserError("recordSanction", sanctionWith("title", "   "), "input.fields.title", "REQUIRED");
		assertUserError("recordSanction", sanctionWith("title", "x".repeat(501)), "input.fields.title", "TOO_LONG");
		assertUserError("recordSanction", sanctionWith("inForce", "2022-02-30"), "input.fields.inForce", "INVALID");
		assertUserError("recordSanction", sanctionWith("triggeredBy", List.of(gid("Event", "no-such-event"))),
				"input.fields.triggeredBy", "NOT_FOUND");
		assertUserError("recordSanction", sanctionWith("respondsTo", List.of(gid("Measure", "m-eu-sectoral-2021"))),
				"input.fields.respondsTo", "INVALID");
		Map<String, Object> noTitle = sanction("x", "2022-01-15");
		noTitle.remove("title");
		assertUserError("recordSanction", noTitle, "input.fields.title", "REQUIRED");
		Map<String, Object> unanswering = countermeasure("Answers nothing", "2022-01-16");
		unanswering.remove("respondsTo");
		assertUserError("recordCountermeasure", unanswering, "input.fields.respondsTo", "REQUIRED");
		Map<String, Object> ghost = countermeasure("Answers a ghost", "2022-01-16");
		ghost.put("respondsTo", List.of(gid("Measure", "ghost")));
		assertUserError("recordCountermeasure", ghost, "input.fields.respondsTo", "NOT_FOUND");
		// a duplicate points at the record already there
		analyst().documentName("recordSanction")
			.variable("fields", sanction("Validation target", "2022-01-14"))
			.execute()
			.path("recordSanction.userErrors[0].code")
			.entity(String.class)
			.isEqualTo("DUPLICATE")
			.path("recordSanction.userErrors[0].existingId")
			.entity(String.class)
			.isEqualTo(mine);
		// an end before the start
		analyst().documentName("liftMeasure")
			.variable("id", mine)
			.variable("revision", 1)
			.variable("ended", "2021-12-31")
			.variable("reason", "typo")
			.execute()
			.path("liftMeasure.userErrors[0].code")
			.entity(String.class)
			.isEqualTo("INVALID");
		// unknown enum values never reach the resolver
		analyst()
			.document("mutation { recordParty(input: { fields: { name: \"X\", kind: PLANET } }) { party { id } } }")
			.execute()
			.errors()
			.satisfy(errors -> assertThat(errors).isNotEmpty()
				.allSatisfy(error -> assertThat(error.getErrorType()).isEqualTo(ErrorType.BAD_REQUEST)));
		// a country must carry an ISO code; codes are unique
		analyst().documentName("recordParty")
			.variable("fields", Map.of("name", "Nowhere", "kind", "COUNTRY", "code", "ZZ"))
			.execute()
			.path("recordParty.userErrors[0].field")
			.entity(String.class)
			.isEqualTo("input.fields.code");
		analyst().documentName("recordParty")
			.variable("fields", Map.of("name", "Belarus again", "kind", "COUNTRY", "code", "BY"))
			.execute()
			.path("recordParty.userErrors[0].existingId")
			.entity(String.class)
			.isEqualTo(gid("Party", "by"));
		assertThat(fingerprint()).isEqualTo(before);
		// a countermeasure cannot answer itself
		String counter = analyst().documentName("recordCountermeasure")
			.variable("fields", countermeasure("Self-answer test", "2022-01-17"))
			.execute()
			.path("recordCountermeasure.measure.id")
			.entity(String.class)
			.get();
		String beforeSelf = fingerprint();
		analyst().documentName("amendMeasure")
			.variable("id", counter)
			.variable("revision", 1)
			.variable("fields", Map.of("respondsTo", List.of(counter)))
			.execute()
			.path("amendMeasure.userErrors[0].message")
			.entity(String.class)
			.isEqualTo("a countermeasure cannot answer itself");
		assertThat(fingerprint()).isEqualTo(beforeSelf);
	}

	@Test
	void concurrentWritersNeverLoseAnUpdate() throws Exception {
		String id = recordSanction("Contended", "2022-01-18");
		int writers = 8;
		int writesEach = 5;
		List<String> accepted = Collections.synchronizedList(new ArrayList<>());
		AtomicInteger conflicts = new AtomicInteger();
		ExecutorService pool = Executors.newFixedThreadPool(writers);
		try {
			List<Future<?>> done = new ArrayList<>();
			for (int w = 0; w < writers; w++) {
				int writer = w;
				done.add(pool.submit(() -> {
					int revision = 1;
					// each conflict means another writer's write was accepted, so no
					// writer can
					// meet more conflicts than there are writes in all
					int attempts = 0;
					for (int n = 0; n < writesEach;) {
						assertThat(++attempts).as("attempts of writer %d", writer)
							.isLessThanOrEqualTo(writesEach + writers * writesEach);
						String title = "writer " + writer + " write " + n;
						Map<String, Object> result = analyst().documentName("amendMeasure")
							.variable("id", id)
							.variable("revision", revision)
							.variable("fields", Map.of("title", title))
							.execute()
							.path("amendMeasure")
							.entity(MAP)
							.get();
						@SuppressWarnings("unchecked")
						List<Map<String, Object>> errors = (List<Map<String, Object>>) result.get("userErrors");
						if (errors.isEmpty()) {
							accepted.add(title);
							revision = ((Number) ((Map<?, ?>) result.get("measure")).get("revision")).intValue();
							n++;
						}
						else {
							assertThat(errors).singleElement()
								.satisfies(error -> assertThat(error.get("code")).isEqualTo("CONFLICT"));
							conflicts.incrementAndGet();
							revision = ((Number) errors.get(0).get("currentRevision")).intValue();
						}
					}
					return null;
				}));
			}
			for (Future<?> future : done) {
				future.get(2, TimeUnit.MINUTES);
			}
		}
		finally {
			pool.shutdownNow();
		}
		GraphQlTester.Response changes = this.graphQl.documentName("measureChanges").variable("id", id).execute();
		changes.path("measure.revision").entity(Integer.class).isEqualTo(1 + writers * writesEach);
		List<String> amended = changes.path("measure.changes.edges[*].node.fields[0].after")
			.entityList(String.class)
			.get();
		Set<String> titlesInHistory = new HashSet<>();
		amended.subList(1, amended.size()).forEach(json -> titlesInHistory.add(json.replace("\"", "")));
		assertThat(accepted).hasSize(writers * writesEach).doesNotHaveDuplicates();
		assertThat(titlesInHistory).containsExactlyInAnyOrderElementsOf(accepted);
		changes.path("measure.changes.edges[*].node.revision")
			.entityList(Integer.class)
			.satisfies(revisions -> assertThat(revisions).doesNotHaveDuplicates().hasSize(1 + writers * writesEach));
	}

	@Test
	void aRepeatedRequestWithTheSameIdempotencyKeyReturnsTheFirstResultAndWritesNothing() {
		String key = "idem-" + unique();
		String first = analyst().documentName("recordSanction")
			.variable("fields", sanction("Idempotent", "2022-01-19"))
			.variable("key", key)
			.execute()
			.path("recordSanction.measure.id")
			.entity(String.class)
			.get();
		String before = fingerprint();
		analyst().documentName("recordSanction")
			.variable("fields", sanction("Idempotent", "2022-01-19"))
			.variable("key", key)
			.execute()
			.path("recordSanction.measure.id")
			.entity(String.class)
			.isEqualTo(first)
			.path("recordSanction.userErrors")
			.entityList(Object.class)
			.hasSize(0);
		assertThat(fingerprint()).isEqualTo(before);
		analyst().documentName("amendMeasure")
			.variable("id", first)
			.variable("revision", 1)
			.variable("fields", Map.of("title", "reused key"))
			.variable("key", key)
			.execute()
			.path("amendMeasure.userErrors[0].field")
			.entity(String.class)
			.isEqualTo("input.idempotencyKey");
	}

	private Map<String, Object> sanctionWith(String field, Object value) {
		Map<String, Object> fields = sanction("Validation " + field, "2022-01-22");
		fields.put(field, value);
		return fields;
	}

	private void assertUserError(String mutation, Map<String, Object> fields, String field, String code) {
		analyst().documentName(mutation)
			.variable("fields", fields)
			.execute()
			.path(mutation + ".measure")
			.valueIsNull()
			.path(mutation + ".userErrors")
			.entityList(MAP)
			.satisfies(errors -> assertThat(errors).as(field).anySatisfy(error -> {
				assertThat(error.get("field")).isEqualTo(field);
				assertThat(error.get("code")).isEqualTo(code);
			}));
	}

}
