package org.sanctionsgraph;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.context.support.GenericApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/**
 * Test contexts get a data directory of their own, deleted on close, and never the
 * shell's MongoDB.
 */
class TestDataDirectoryTests {

	@Test
	void aShellsMongoSettingsAreHiddenAndTheDataDirectoryGoesWithTheContext() throws Exception {
		try (GenericApplicationContext context = new GenericApplicationContext()) {
			MutablePropertySources sources = context.getEnvironment().getPropertySources();
			sources.replace(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
					new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
							Map.of("SPRING_MONGODB_URI", "mongodb://production:27017/sanctions",
									"SANCTIONS_SEED_ENABLED", "false")));
			sources.replace(StandardEnvironment.SYSTEM_PROPERTIES_PROPERTY_SOURCE_NAME,
					new MapPropertySource(StandardEnvironment.SYSTEM_PROPERTIES_PROPERTY_SOURCE_NAME,
							Map.of("spring.data.mongodb.host", "production", "user.name", "tester")));
			assertThat(context.getEnvironment().containsProperty("spring.mongodb.uri")).isTrue();

			new TestDataDirectory().createContextCustomizer(getClass(), List.of()).customizeContext(context, null);

			assertThat(context.getEnvironment().containsProperty("spring.mongodb.uri")).isFalse();
			assertThat(context.getEnvironment().containsProperty("spring.data.mongodb.host")).isFalse();
			// everything else in the shell still counts
			assertThat(context.getEnvironment().getProperty("sanctions.seed.enabled")).isEqualTo("false");
			assertThat(context.getEnvironment().getProperty("user.name")).isEqualTo("tester");
			Path dir = Path.of(context.getEnvironment().getProperty("sanctions.embedded.data-dir"));
			assertThat(dir).isDirectory();
			Files.writeString(Files.createDirectories(dir.resolve("search-index")).resolve("segments_1"), "x");
			context.refresh();
			context.close();
			assertThat(dir).doesNotExist();
		}
	}

	@Test
	void eachContextGetsADirectoryOfItsOwn() {
		try (GenericApplicationContext first = new GenericApplicationContext();
				GenericApplicationContext second = new GenericApplicationContext()) {
			TestDataDirectory factory = new TestDataDirectory();
			factory.createContextCustomizer(getClass(), List.of()).customizeContext(first, null);
			factory.createContextCustomizer(getClass(), List.of()).customizeContext(second, null);
			assertThat(first.getEnvironment().getProperty("sanctions.embedded.data-dir"))
				.isNotEqualTo(second.getEnvironment().getProperty("sanctions.embedded.data-dir"));
			// equal customizers: they never split Spring's context cache
			assertThat(factory.createContextCustomizer(getClass(), List.of()))
				.isEqualTo(factory.createContextCustomizer(String.class, List.of()));
			first.refresh();
			second.refresh();
		}
	}

}
