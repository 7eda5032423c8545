package org.sanctionsgraph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.sanctionsgraph.db.DataDirectoryProperties;
import org.sanctionsgraph.db.MongoDbProperties;
import org.sanctionsgraph.embedded.EmbeddedMongoProperties;
import org.sanctionsgraph.generate.GenerateProperties;
import org.sanctionsgraph.limits.LimitsProperties;
import org.sanctionsgraph.security.SecurityProperties;
import org.sanctionsgraph.seed.SeedProperties;
import org.sanctionsgraph.web.ConsoleProperties;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.EnumerablePropertySource;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.core.io.ClassPathResource;

/**
 * The settings as users meet them: the Configuration table (docs/configuration.md), the
 * metadata IDEs read (written by the configuration processor from the settings records),
 * the environment variables, the checks that refuse a bad value at start-up, and the one
 * data directory.
 */
@ExtendWith(OutputCaptureExtension.class)
class ConfigurationTests {

	private static final Pattern CODE = Pattern.compile("`([^`]+)`");

	/** The app's settings in the generated metadata, by name. */
	private static Map<String, JsonNode> metadata;

	/**
	 * The Configuration table (docs/configuration.md): setting, then its cells (variable,
	 * default, meaning).
	 */
	private static Map<String, List<String>> readme;

	@BeforeAll
	static void read() throws IOException {
		metadata = new LinkedHashMap<>();
		// Every Spring jar carries such a file; the app's is the one naming sanctions.*
		// settings.
		for (URL url : Collections.list(ConfigurationTests.class.getClassLoader()
			.getResources("META-INF/spring-configuration-metadata.json"))) {
			try (InputStream in = url.openStream()) {
				for (JsonNode property : JsonMapper.builder().build().readTree(in).path("properties")) {
					if (property.path("name").asString().startsWith("sanctions.")) {
						metadata.put(property.path("name").asString(), property);
					}
				}
			}
		}
		readme = new LinkedHashMap<>();
		boolean inSection = false;
		for (String line : Files.readAllLines(Path.of("docs/configuration.md"), StandardCharsets.UTF_8)) {
			if (line.startsWith("## ")) {
				inSection = line.equals("## Configuration");
			}
			else if (inSection && line.startsWith("| `")) {
				List<String> cells = new ArrayList<>(List.of(line.substring(1).split(" \\| ")));
				Matcher name = CODE.matcher(cells.remove(0));
				assertThat(name.find()).as(line).isTrue();
				readme.put(name.group(1), cells);
			}
		}
	}

	@Test
	void everySettingTheReadmeDocumentsIsInTheMetadataWithADescriptionAndTheSameDefault() {
		List<String> documented = readme.keySet().stream().filter((name) -> name.startsWith("sanctions.")).toList();
		assertThat(documented).contains("sanctions.data-dir", "sanctions.limits.max-depth",
				"sanctions.security.bootstrap-admin-key");
		for (String name : documented) {
			JsonNode property = metadata.get(name);
			assertThat(property).as("metadata of %s", name).isNotNull();
			assertThat(property.path("description").asString()).as("description of %s", name).isNotBlank();
			if (property.has("defaultValue")) {
				assertThat(readme.get(name).get(1)).as("README default of %s", name)
					.startsWith("`" + property.path("defaultValue").asString() + "`");
			}
		}
	}

	@Test
	void theReadmeDocumentsEverySetting() {
		assertThat(metadata).isNotEmpty();
		assertThat(readme.keySet()).containsAll(metadata.keySet());
	}

	@Test
	void theFormerDataDirectorySettingIsMarkedDeprecatedForTheNewOne() {
		assertThat(metadata.get("sanctions.embedded.data-dir").path("deprecation").path("replacement").asString())
			.isEqualTo("sanctions.data-dir");
	}

	@Test
	void theEnvironmentVariableTheReadmeNamesSetsItsSetting() {
		for (Map.Entry<String, List<String>> row : readme.entrySet()) {
			Matcher variable = CODE.matcher(row.getValue().get(0));
			assertThat(variable.find()).as("variable of %s", row.getKey()).isTrue();
			StandardEnvironment environment = new StandardEnvironment();
			environment.getPropertySources()
				.replace(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
						new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
								Map.of(variable.group(1), "from-the-environment")));
			ConfigurationPropertySources.attach(environment);
			assertThat(Binder.get(environment).bind(row.getKey(), String.class).orElse(null))
				.as("%s through %s", row.getKey(), variable.group(1))
				.isEqualTo("from-the-environment");
		}
	}

	@Test
	void everySettingTheProfilesSetExists() throws IOException {
		for (String file : List.of("application.yml", "application-prod.yml")) {
			for (PropertySource<?> source : new YamlPropertySourceLoader().load(file, new ClassPathResource(file))) {
				for (String name : ((EnumerablePropertySource<?>) source).getPropertyNames()) {
					if (name.startsWith("sanctions.")) {
						assertThat(metadata).as("%s sets %s", file, name).containsKey(name);
					}
				}
			}
		}
	}

	@ParameterizedTest
	@CsvSource(delimiter = '=', value = { "sanctions.limits.max-depth=-1", "sanctions.limits.analyst-per-minute=0",
			"sanctions.limits.timeout=0s", "sanctions.mongodb.server-selection-timeout=0ms",
			"sanctions.embedded.port=70000", "sanctions.generate.size=huge", "sanctions.security.jwt-roles-claim=' '" })
	void aBadValueFailsStartUpNamingTheSetting(String name, String value, CapturedOutput output) {
		SpringApplicationBuilder app = new SpringApplicationBuilder(Settings.class).web(WebApplicationType.NONE)
			.properties(Map.of(name, value));
		assertThatThrownBy(app::run).isNotNull();
		// The report names the setting as it was written (its origin) and why its value
		// was refused.
		assertThat(output).contains("APPLICATION FAILED TO START")
			.contains("\"" + name + "\" from property source")
			.contains("Reason: ");
	}

	@Test
	void theDataDirectoryDefaultsToDataAndHoldsTheSearchIndex() {
		dataDirectory().run((context) -> {
			DataDirectoryProperties data = context.getBean(DataDirectoryProperties.class);
			assertThat(data.dataDir()).isEqualTo(Path.of("data"));
			assertThat(data.searchIndexDir()).isEqualTo(Path.of("data", "search-index"));
		});
	}

	@Test
	void theDataDirectoryCanBeMovedAndTheIndexPlacedApart() {
		dataDirectory().withPropertyValues("sanctions.data-dir=/var/lib/sanctions").run((context) -> {
			assertThat(context.getBean(DataDirectoryProperties.class).searchIndexDir())
				.isEqualTo(Path.of("/var/lib/sanctions/search-index"));
		});
		dataDirectory()
			.withPropertyValues("sanctions.data-dir=/var/lib/sanctions", "sanctions.search.index-dir=/fast/index")
			.run((context) -> {
				DataDirectoryProperties data = context.getBean(DataDirectoryProperties.class);
				assertThat(data.dataDir()).isEqualTo(Path.of("/var/lib/sanctions"));
				assertThat(data.searchIndexDir()).isEqualTo(Path.of("/fast/index"));
			});
	}

	@Test
	void theFormerSettingStillMovesTheDataDirectoryUnlessTheNewOneIsSet() {
		dataDirectory().withPropertyValues("sanctions.embedded.data-dir=/old/place").run((context) -> {
			DataDirectoryProperties data = context.getBean(DataDirectoryProperties.class);
			assertThat(data.dataDir()).isEqualTo(Path.of("/old/place"));
			assertThat(data.searchIndexDir()).isEqualTo(Path.of("/old/place/search-index"));
		});
		dataDirectory().withPropertyValues("sanctions.embedded.data-dir=/old/place", "sanctions.data-dir=/new/place")
			.run((context) -> assertThat(context.getBean(DataDirectoryProperties.class).dataDir())
				.isEqualTo(Path.of("/new/place")));
	}

	private static ApplicationContextRunner dataDirectory() {
		return new ApplicationContextRunner().withUserConfiguration(Settings.class);
	}

	/**
	 * Every settings record and nothing else: a context that only binds and checks them.
	 */
	@Configuration(proxyBeanMethods = false)
	@EnableConfigurationProperties({ DataDirectoryProperties.class, MongoDbProperties.class,
			EmbeddedMongoProperties.class, LimitsProperties.class, SecurityProperties.class, SeedProperties.class,
			GenerateProperties.class, ConsoleProperties.class })
	static class Settings {

	}

}
