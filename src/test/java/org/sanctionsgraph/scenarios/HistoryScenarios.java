package org.sanctionsgraph.scenarios;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sanctionsgraph.scenarios.SeedExpectations.gid;

import java.util.List;
import java.util.Map;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.sanctionsgraph.write.RecordWriter;

import org.springframework.beans.factory.annotation.Autowired;

/**
 * History and citations: what the database said then, citations added, history that never
 * diverges from the data.
 */
public abstract class HistoryScenarios extends Scenario {

	@Autowired
	RecordWriter writer;

	@Test
	void asKnownOnAnswersWhatTheDatabaseSaidThen() {
		String id = recordSanction("Known first", "2022-01-23");
		analyst().documentName("amendMeasure")
			.variable("id", id)
			.variable("revision", 1)
			.variable("fields", Map.of("title", "Known later", "inForce", "2022-02-01"))
			.execute()
			.path("amendMeasure.measure.revision")
			.entity(Integer.class)
			.isEqualTo(2);
		List<String> times = this.graphQl.documentName("measureChanges")
			.variable("id", id)
			.execute()
			.path("measure.changes.edges[*].node.at")
			.entityList(String.class)
			.get();
		java.time.Instant recorded = java.time.Instant.parse(times.get(0));
		String query = "query($id: ID!, $at: DateTime) { measure(id: $id, asKnownOn: $at) { title revision startDate isInForce(on: \"2022-01-25\") } }";
		this.graphQl.document(query)
			.variable("id", id)
			.variable("at", recorded.toString())
			.execute()
			.path("measure.title")
			.entity(String.class)
			.isEqualTo("Known first")
			.path("measure.revision")
			.entity(Integer.class)
			.isEqualTo(1)
			.path("measure.isInForce")
			.entity(Boolean.class)
			.isEqualTo(true);
		this.graphQl.document(query)
			.variable("id", id)
			.variable("at", recorded.minusMillis(1).toString())
			.execute()
			.path("measure")
			.valueIsNull();
		this.graphQl.document(query)
			.variable("id", id)
			.variable("at", null)
			.execute()
			.path("measure.title")
			.entity(String.class)
			.isEqualTo("Known later")
			.path("measure.isInForce")
			.entity(Boolean.class)
			.isEqualTo(false);
	}

	@Test
	void addingACitationToARecord() {
		String person = analyst().document("""
				mutation($name: String!, $source: ID!) { recordPerson(input: { fields: { name: $name,
				  citations: [{ source: $source }] } }) { person { id } userErrors { message } } }""")
			.variable("name", "Cited Person " + unique())
			.variable("source", gid("Source", "src-article-2021-07"))
			.execute()
			.path("recordPerson.person.id")
			.entity(String.class)
			.get();
		analyst().documentName("addCitation")
			.variable("record", person)
			.variable("revision", 1)
			.variable("source", gid("Source", "src-public-record"))
			.variable("quote", null)
			.execute()
			.path("addCitation.record.revision")
			.entity(Integer.class)
			.isEqualTo(2)
			.path("addCitation.record.citations[*].source.id")
			.entityList(String.class)
			.containsExactly(gid("Source", "src-article-2021-07"), gid("Source", "src-public-record"));
	}

	@Test
	void failedWritesLeaveNoHistoryAndSuccessfulOnesAlwaysHaveIt() {
		String id = recordSanction("History check", "2022-01-20");
		long entries = historyCount();
		analyst().documentName("amendMeasure")
			.variable("id", id)
			.variable("revision", 7)
			.variable("fields", Map.of("title", "stale"))
			.execute()
			.path("amendMeasure.userErrors[0].code")
			.entity(String.class)
			.isEqualTo("CONFLICT");
		analyst().documentName("amendMeasure")
			.variable("id", id)
			.variable("revision", 1)
			.variable("fields", Map.of("title", ""))
			.execute()
			.path("amendMeasure.userErrors[0].code")
			.entity(String.class)
			.isEqualTo("REQUIRED");
		assertThat(historyCount()).isEqualTo(entries);
		analyst().documentName("amendMeasure")
			.variable("id", id)
			.variable("revision", 1)
			.variable("fields", Map.of("title", "History checked"))
			.execute()
			.path("amendMeasure.measure.revision")
			.entity(Integer.class)
			.isEqualTo(2);
		assertThat(historyCount()).isEqualTo(entries + 1);
		assertThat(raw("measures", key(id))).extractingByKey("pendingHistory")
			.asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.LIST)
			.isEmpty();
	}

	@Test
	void anEntryLeftInARecordByAnInterruptedWriteIsMovedToTheHistory() {
		String id = recordSanction("Interrupted", "2022-01-21");
		Document orphan = new Document("_id", "orphan-" + System.nanoTime()).append("record", "Measure:" + key(id))
			.append("revision", 2L)
			.append("operation", "amendMeasure")
			.append("actor", "crashed writer")
			.append("at", new java.util.Date())
			.append("changes", List.of())
			.append("sortKey", "%012d".formatted(2));
		this.mongo.getCollection("measures")
			.updateOne(new Document("_id", key(id)), new Document("$push", new Document("pendingHistory", orphan)));
		this.writer.drainAll(org.sanctionsgraph.measure.Measure.class);
		assertThat(raw("history", orphan.getString("_id"))).isNotNull();
		assertThat(raw("measures", key(id)).getList("pendingHistory", Document.class)).isEmpty();
	}

	private static String key(String globalId) {
		return org.sanctionsgraph.graphql.GlobalId.decode("id", globalId, "Measure");
	}

	private long historyCount() {
		return this.mongo.getCollection("history").countDocuments();
	}

}
