package org.sanctionsgraph.scenarios;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sanctionsgraph.scenarios.SeedExpectations.gid;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.sanctionsgraph.ApiTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.graphql.ResponseError;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

/**
 * What every API scenario needs: a tester per role, the database, the test fixtures
 * beside the seed story, and records of its own to write to. The scenarios share one
 * application context (and so one database) with each other, so a scenario that writes
 * never touches the seed story's records: it records parties, sanctions and
 * countermeasures of its own with unique codes, dated from 2022 on (after every day the
 * read scenarios ask what was in force). Subclasses hold the scenarios of one feature;
 * the runners ({@link EmbeddedScenarioTests}, {@link MongoWireScenarioTests},
 * {@link MongoContainerScenarioTests}) run them all on each backend.
 */
public abstract class Scenario {

	static final ParameterizedTypeReference<Map<String, Object>> MAP = new ParameterizedTypeReference<>() {
	};

	/** Collections whose content a refused write must leave untouched. */
	private static final List<String> DATA = List.of("parties", "people", "organizations", "programs", "events",
			"measures", "memberships", "sources", "ties", "history", "designations", "legalActs");

	private static final AtomicInteger UNIQUE = new AtomicInteger();

	@Autowired
	HttpGraphQlTester graphQl;

	@Autowired
	MongoTemplate mongo;

	@LocalServerPort
	int port;

	private HttpGraphQlTester admin;

	private HttpGraphQlTester analyst;

	private HttpGraphQlTester reader;

	private String imposer;

	private String target;

	private String answered;

	@BeforeEach
	void installFixtures() {
		Fixtures.install(this.mongo);
	}

	// --- callers
	// ------------------------------------------------------------------------------

	HttpGraphQlTester admin() {
		if (this.admin == null) {
			this.admin = as(ApiTest.ADMIN_SECRET);
		}
		return this.admin;
	}

	HttpGraphQlTester analyst() {
		if (this.analyst == null) {
			this.analyst = as(issue("analyst " + unique(), "ANALYST"));
		}
		return this.analyst;
	}

	HttpGraphQlTester reader() {
		if (this.reader == null) {
			this.reader = as(issue("reader " + unique(), "READER"));
		}
		return this.reader;
	}

	HttpGraphQlTester as(String secret) {
		return this.graphQl.mutate().header("Authorization", "Bearer " + secret).build();
	}

	String issue(String name, String role) {
		return as(ApiTest.ADMIN_SECRET).documentName("issueApiKey")
			.variable("name", name)
			.variable("roles", List.of(role))
			.execute()
			.path("issueApiKey.secret")
			.entity(String.class)
			.get();
	}

	// --- records of the test's own
	// --------------------------------------------------------------

	/** A number no other scenario in this JVM gets. */
	static int unique() {
		return UNIQUE.incrementAndGet();
	}

	/**
	 * A party code no other scenario uses: capital letters only, as bloc codes must be.
	 */
	static String uniqueCode() {
		StringBuilder code = new StringBuilder();
		for (int n = unique(); n > 0; n /= 26) {
			code.append((char) ('A' + n % 26));
		}
		return "TQ" + code;
	}

	/** Records a bloc with a fresh code and returns the code. */
	String recordBloc(String name) {
		String code = uniqueCode();
		analyst().documentName("recordParty")
			.variable("fields", Map.of("name", name + " " + code, "kind", "BLOC", "code", code))
			.execute()
			.path("recordParty.userErrors")
			.entityList(Object.class)
			.hasSize(0);
		return code;
	}

	/** The bloc imposing this test's sanctions (and targeted by its countermeasures). */
	String imposer() {
		if (this.imposer == null) {
			this.imposer = recordBloc("Imposing Bloc");
		}
		return this.imposer;
	}

	/** The bloc this test's sanctions target (and whose countermeasures answer them). */
	String target() {
		if (this.target == null) {
			this.target = recordBloc("Target Bloc");
		}
		return this.target;
	}

	/** The sanction this test's countermeasures answer. */
	String answered() {
		if (this.answered == null) {
			this.answered = recordSanction("Sanction to be answered", "2022-01-01");
		}
		return this.answered;
	}

	Map<String, Object> sanction(String title, String inForce) {
		Map<String, Object> fields = new HashMap<>();
		fields.put("title", title);
		fields.put("imposedBy", List.of(imposer()));
		fields.put("measureTypes", List.of("EXPORT_CONTROL"));
		fields.put("targets", List.of(Map.of("kind", "PARTY", "party", target())));
		fields.put("inForce", inForce);
		fields.put("citations", List.of(Map.of("source", gid("Source", "src-public-record"), "note", "test")));
		return fields;
	}

	Map<String, Object> countermeasure(String title, String announced) {
		Map<String, Object> fields = new HashMap<>();
		fields.put("title", title);
		fields.put("imposedBy", List.of(target()));
		fields.put("measureTypes", List.of("PARTICIPATION_SUSPENSION"));
		fields.put("targets", List.of(Map.of("kind", "PARTY", "party", imposer())));
		fields.put("respondsTo", List.of(answered()));
		fields.put("announced", announced);
		return fields;
	}

	String recordSanction(String title, String inForce) {
		return analyst().documentName("recordSanction")
			.variable("fields", sanction(title, inForce))
			.execute()
			.path("recordSanction.userErrors")
			.entityList(Object.class)
			.hasSize(0)
			.path("recordSanction.measure.id")
			.entity(String.class)
			.get();
	}

	// --- checks
	// -------------------------------------------------------------------------------

	void assertBadRequest(String document, String mention) {
		this.graphQl.document(document).execute().errors().satisfy(errors -> {
			assertThat(errors).as(document).isNotEmpty();
			for (ResponseError error : errors) {
				assertThat(error.getErrorType()).as(document).isEqualTo(ErrorType.BAD_REQUEST);
				assertThat(error.getMessage()).as(document).contains(mention);
			}
		});
	}

	/** A stored document as it is, by its string id. */
	Document raw(String collection, String id) {
		return this.mongo.getCollection(collection).find(new Document("_id", id)).first();
	}

	/** Everything the app stores as data, in a stable order. */
	String fingerprint() {
		StringBuilder all = new StringBuilder();
		for (String collection : DATA) {
			for (Document doc : this.mongo.getCollection(collection).find().sort(new Document("_id", 1))) {
				all.append(doc.toJson());
			}
		}
		return Integer.toHexString(all.toString().hashCode()) + ":" + all.length();
	}

}
