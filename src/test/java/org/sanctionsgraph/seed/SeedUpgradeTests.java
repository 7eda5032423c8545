package org.sanctionsgraph.seed;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sanctionsgraph.SanctionsGraphApplication;
import org.sanctionsgraph.TestDataDirectory;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * A database loaded from the story before it had legal acts, designations and programme
 * codes gets them at the next start, without losing what analysts changed, and a start
 * after that changes nothing.
 */
class SeedUpgradeTests {

	@TempDir
	Path dataDir;

	@Test
	void aDatabaseSeededByAnOlderStoryGainsTheNewRecordsAndFields() throws Exception {
		try (ConfigurableApplicationContext app = start()) {
			MongoTemplate mongo = app.getBean(MongoTemplate.class);
			// the database as the first story left it, and an analyst's edit since
			mongo.dropCollection("designations");
			mongo.dropCollection("legalActs");
			mongo.getCollection("programs")
				.updateOne(Filters.eq("_id", "eu-belarus-regime"), Updates.combine(Updates.unset("code"),
						Updates.unset("authorityId"), Updates.set("description", "Changed by an analyst")));
			mongo.getCollection("measures")
				.updateOne(Filters.eq("_id", "m-eu-sectoral-2021"), Updates.unset("legalActIds"));
			mongo.getCollection("seed").replaceOne(Filters.eq("_id", "story"), new Document("loadedRecords", 290));
		}
		try (ConfigurableApplicationContext app = start()) {
			MongoTemplate mongo = app.getBean(MongoTemplate.class);
			assertThat(ids(mongo, "designations")).containsExactly("des-eu-lukashenka-2020-11");
			assertThat(ids(mongo, "legalActs")).containsExactly("la-eu-dec-2021-1031", "la-eu-reg-2021-1030");
			Document programme = raw(mongo, "programs", "eu-belarus-regime");
			assertThat(programme.getString("code")).isEqualTo("EU-BLR");
			assertThat(programme.getString("authorityId")).isEqualTo("eu");
			assertThat(programme.getString("description")).isEqualTo("Changed by an analyst");
			assertThat(programme.get("revision")).isEqualTo(1L);
			Document sectoral = raw(mongo, "measures", "m-eu-sectoral-2021");
			assertThat(sectoral.getList("legalActIds", String.class)).containsExactly("la-eu-reg-2021-1030",
					"la-eu-dec-2021-1031");
			// derived fields are still there and right
			assertThat(sectoral.getString("startDay")).isEqualTo("2021-06-25");
			assertThat(raw(mongo, "seed", "story").getInteger("version")).isEqualTo(SeedLoader.VERSION);

			String before = everything(mongo);
			app.getBean(SeedLoader.class).run(null);
			assertThat(everything(mongo)).isEqualTo(before);
		}
	}

	private ConfigurableApplicationContext start() {
		return new SpringApplicationBuilder(SanctionsGraphApplication.class)
			.initializers(TestDataDirectory::withoutShellMongoSettings)
			// as arguments: application.yml's server.port outranks the builder's
			// properties
			.run("--server.port=0", "--sanctions.embedded.data-dir=" + this.dataDir);
	}

	private static Document raw(MongoTemplate mongo, String collection, String id) {
		return mongo.getCollection(collection).find(Filters.eq("_id", id)).first();
	}

	private static List<String> ids(MongoTemplate mongo, String collection) {
		List<String> ids = new ArrayList<>();
		mongo.getCollection(collection)
			.find()
			.sort(new Document("_id", 1))
			.forEach(doc -> ids.add(doc.getString("_id")));
		return ids;
	}

	private static String everything(MongoTemplate mongo) {
		StringBuilder all = new StringBuilder();
		for (String collection : List.of("parties", "people", "organizations", "programs", "events", "legalActs",
				"measures", "memberships", "designations", "sources", "seed")) {
			mongo.getCollection(collection)
				.find()
				.sort(new Document("_id", 1))
				.forEach(doc -> all.append(doc.toJson()));
		}
		return all.toString();
	}

}
