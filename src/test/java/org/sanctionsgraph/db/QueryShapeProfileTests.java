package org.sanctionsgraph.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.mongodb.client.MongoDatabase;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.mongodb.MongoDBContainer;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.graphql.test.autoconfigure.tester.AutoConfigureHttpGraphQlTester;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.testcontainers.service.connection.ServiceConnection;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

/**
 * The query shapes of the side-by-side benchmark ({@code bench/peer/queries}), sent
 * through the API to a real MongoDB with its profiler on: every read of records they
 * cause uses an index (no collection scan) and examines no more documents than it returns
 * times a small factor. The documents are the benchmark's own files, so a change to a
 * shape is checked here too. The data: the seed story and the small synthetic set (1,000
 * measures). Skipped, and reported as skipped, where no Docker engine is available; on
 * the embedded server {@code IndexedH2BackendTests} counts the documents its planner
 * reads.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "sanctions.generate.size=small", "sanctions.limits.anonymous-per-minute=1000000" })
@AutoConfigureHttpGraphQlTester
@Testcontainers(disabledWithoutDocker = true)
class QueryShapeProfileTests {

	@Container
	@ServiceConnection
	static final MongoDBContainer mongo = new MongoDBContainer("mongo:8.0");

	/** Documents a read may examine per document it returns. */
	private static final int FACTOR = 4;

	/** And beyond that, for reads that return almost nothing. */
	private static final int SLACK = 10;

	/** The collections of records, whose reads are checked. */
	private static final Set<String> RECORDS = Set.of("measures", "parties", "people", "organizations", "programs",
			"designations", "ties", "events", "legalActs", "memberships", "sources", "history");

	@Autowired
	HttpGraphQlTester graphQl;

	@Autowired
	MongoTemplate template;

	@Test
	void theCountryPage() throws IOException {
		check("a_country", Map.of("code", "BY", "first", 20));
	}

	@Test
	void theListOfMeasuresInForce() throws IOException {
		check("b_in_force", Map.of("imposer", "EU", "on", "2021-07-01", "first", 50));
	}

	@Test
	void theLookupOfOneMeasure() throws IOException {
		String id = this.graphQl.document("{ measures(filter: { imposedBy: [\"EU\"] }, first: 1) { nodes { id } } }")
			.execute()
			.path("measures.nodes[0].id")
			.entity(String.class)
			.get();
		check("c_measure", Map.of("id", id));
	}

	/**
	 * Runs one shape with the profiler on, then checks every read of records it recorded.
	 */
	private void check(String shape, Map<String, Object> variables) throws IOException {
		String document = Files.readString(Path.of("bench/peer/queries", shape + ".graphql"));
		MongoDatabase database = this.template.getDb();
		database.runCommand(new Document("profile", 0));
		database.getCollection("system.profile").drop();
		database.runCommand(new Document("profile", 2));
		try {
			this.graphQl.document(document).variables(variables).execute().errors().verify();
		}
		finally {
			database.runCommand(new Document("profile", 0));
		}
		List<Document> reads = new ArrayList<>();
		for (Document operation : database.getCollection("system.profile").find()) {
			String namespace = String.valueOf(operation.getString("ns"));
			String collection = namespace.substring(namespace.indexOf('.') + 1);
			boolean read = List.of("query", "getmore", "command").contains(operation.getString("op"));
			// the change-stream followers read all along; they are not this request's
			if (read && RECORDS.contains(collection) && !operation.toJson().contains("$changeStream")) {
				reads.add(operation);
			}
		}
		assertThat(reads).as(shape + ": reads of records in the profile").isNotEmpty();
		for (Document read : reads) {
			String what = shape + ": " + read.toJson();
			assertThat(read.getString("planSummary")).as(what).isNotNull().doesNotContain("COLLSCAN");
			if (!counts(read.get("command", Document.class))) {
				assertThat(number(read, "docsExamined")).as(what)
					.isLessThanOrEqualTo(FACTOR * number(read, "nreturned") + SLACK);
			}
		}
	}

	/**
	 * Whether a command counts (it returns one number however many documents it
	 * examined).
	 */
	private static boolean counts(Document command) {
		if (command == null) {
			return false;
		}
		if (command.containsKey("count")) {
			return true;
		}
		String json = command.toJson();
		return command.containsKey("aggregate") && (json.contains("$count") || json.contains("$group"));
	}

	private static long number(Document operation, String field) {
		Object value = operation.get(field);
		return value instanceof Number number ? number.longValue() : 0;
	}

}
