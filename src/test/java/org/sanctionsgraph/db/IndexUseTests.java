package org.sanctionsgraph.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.mongodb.MongoDBContainer;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.testcontainers.service.connection.ServiceConnection;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * On a real MongoDB, the queries behind the API's main pages are served by the indexes
 * the document classes declare (explain shows an index scan, not a collection scan).
 * Skipped, and reported as skipped, where no Docker engine is available; the embedded
 * server has no secondary indexes to explain.
 */
@SpringBootTest
@Testcontainers(disabledWithoutDocker = true)
class IndexUseTests {

	@Container
	@ServiceConnection
	static final MongoDBContainer mongo = new MongoDBContainer("mongo:8.0");

	@Autowired
	MongoTemplate template;

	@Test
	void measuresAimedAtACountryUseTheTargetCountryIndex() {
		assertIndexScan("measures", new Document("targetCountryIds", "by"), new Document("sortKey", 1).append("_id", 1),
				"target_country_sort");
	}

	@Test
	void measuresImposedAndInForceOnADayUseTheImposerIndex() {
		Document inForce = new Document("imposerIds", "eu").append("sortKey", new Document("$lte", "2021-07-01"))
			.append("$or",
					List.of(new Document("endDay", null), new Document("endDay", new Document("$gte", "2021-07-01"))));
		assertIndexScan("measures", inForce, new Document("sortKey", -1).append("_id", -1), "imposer_sort");
	}

	@Test
	void responsesUseTheRespondsToIndex() {
		assertIndexScan("measures", new Document("respondsToIds", new Document("$in", List.of("m-eu-sectoral-2021"))),
				new Document("sortKey", 1).append("_id", 1), "responds_sort");
	}

	@Test
	void partiesByCodePeopleByNationalityAndHistoryByRecordUseTheirIndexes() {
		assertIndexScan("parties", new Document("code", "BY"), new Document(), "code");
		assertIndexScan("people", new Document("nationalityIds", "by"), new Document("sortKey", 1).append("_id", 1),
				"nationality_sort");
		assertIndexScan("history", new Document("record", "Measure:m-eu-sectoral-2021"),
				new Document("sortKey", 1).append("_id", 1), "record_sort");
	}

	@Test
	void officialsOfACountryOnADayUseThePositionIndex() {
		Document heldOn = new Document("$elemMatch", new Document("countryId", "ru")
			.append("startDay", new Document("$lte", "2010-01-01"))
			.append("$or",
					List.of(new Document("endDay", null), new Document("endDay", new Document("$gte", "2010-01-01")))));
		assertIndexScan("people", new Document("positions.countryId", "ru").append("positions", heldOn),
				new Document("sortKey", 1).append("_id", 1), "position_sort");
	}

	private void assertIndexScan(String collection, Document filter, Document sort, String index) {
		Document explained = this.template.getCollection(collection).find(filter).sort(sort).explain();
		String plan = explained.get("queryPlanner", Document.class).get("winningPlan", Document.class).toJson();
		assertThat(plan).as(collection + " " + filter.toJson())
			.contains("IXSCAN")
			.contains(index)
			.doesNotContain("COLLSCAN");
	}

}
