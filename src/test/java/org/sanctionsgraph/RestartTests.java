package org.sanctionsgraph;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sanctionsgraph.person.Person;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * The embedded default keeps its data across restarts, and the seed story is loaded only
 * once.
 */
class RestartTests {

	@TempDir
	Path dataDir;

	@Test
	void dataSurvivesARestartAndTheSeedIsNotLoadedTwice() {
		Map<String, List<String>> firstIds;
		try (ConfigurableApplicationContext app = start()) {
			MongoTemplate mongo = app.getBean(MongoTemplate.class);
			mongo.insert(new Person("restart-probe", "Written Before Restart", null, null, List.of(), null, List.of(),
					List.of(), null, List.of(), null, 1));
			firstIds = ids(mongo);
		}
		// the story is there after the first start, beside the probe
		assertThat(firstIds.get("people")).contains("lukashenka", "pratasevich", "restart-probe");
		assertThat(firstIds.get("measures")).contains("m-eu-sectoral-2021", "cm-eap-suspension");

		try (ConfigurableApplicationContext app = start()) {
			MongoTemplate mongo = app.getBean(MongoTemplate.class);
			assertThat(mongo.findById("restart-probe", Person.class)).extracting(Person::name)
				.isEqualTo("Written Before Restart");
			// the same records, none added by a second seed load
			assertThat(ids(mongo)).isEqualTo(firstIds);
		}
	}

	private ConfigurableApplicationContext start() {
		return new SpringApplicationBuilder(SanctionsGraphApplication.class)
			.properties("sanctions.embedded.data-dir=" + this.dataDir)
			.initializers(TestDataDirectory::withoutShellMongoSettings)
			.run("--server.port=0");
	}

	/** Every collection's ids, in order. */
	private static Map<String, List<String>> ids(MongoTemplate mongo) {
		Map<String, List<String>> ids = new LinkedHashMap<>();
		for (String collection : List.of("parties", "people", "organizations", "programs", "events", "measures",
				"memberships", "sources", "seed")) {
			List<String> found = new ArrayList<>();
			mongo.getCollection(collection)
				.find()
				.sort(new Document("_id", 1))
				.forEach(doc -> found.add(String.valueOf(doc.get("_id"))));
			ids.put(collection, found);
		}
		return ids;
	}

}
