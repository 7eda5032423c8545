package org.sanctionsgraph;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sanctionsgraph.person.Person;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.mongodb.core.MongoTemplate;

/** The embedded default keeps its data across restarts, and the seed story is loaded only once. */
class RestartTests {

	@TempDir
	Path dataDir;

	@Test
	void dataSurvivesARestartAndTheSeedIsNotLoadedTwice() {
		Map<String, Long> firstCounts;
		try (ConfigurableApplicationContext app = start()) {
			MongoTemplate mongo = app.getBean(MongoTemplate.class);
			mongo.insert(new Person("restart-probe", "Written Before Restart", null, null, List.of(), null, List.of(),
					List.of(), null, List.of(), null, 1));
			firstCounts = counts(mongo);
		}
		assertThat(firstCounts.get("measures")).isEqualTo(8);
		assertThat(firstCounts.get("people")).isEqualTo(5);

		try (ConfigurableApplicationContext app = start()) {
			MongoTemplate mongo = app.getBean(MongoTemplate.class);
			assertThat(mongo.findById("restart-probe", Person.class)).extracting(Person::name)
				.isEqualTo("Written Before Restart");
			assertThat(counts(mongo)).isEqualTo(firstCounts);
		}
	}

	private ConfigurableApplicationContext start() {
		return new SpringApplicationBuilder(SanctionsGraphApplication.class)
			.properties("server.port=0", "sanctions.embedded.data-dir=" + this.dataDir)
			.run();
	}

	private static Map<String, Long> counts(MongoTemplate mongo) {
		Map<String, Long> counts = new LinkedHashMap<>();
		for (String collection : List.of("parties", "people", "organizations", "programs", "events", "measures",
				"memberships", "sources", "seed")) {
			counts.put(collection, mongo.getCollection(collection).countDocuments());
		}
		return counts;
	}

}
