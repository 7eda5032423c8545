package org.sanctionsgraph;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

import org.springframework.beans.factory.support.DefaultSingletonBeanRegistry;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.EnumerablePropertySource;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;

/**
 * Gives every Spring test context a fresh data directory of its own (the embedded
 * server's store and the search index: two contexts in one JVM must never share Lucene's
 * write lock), deleted when the context closes, and keeps the shell's MongoDB settings
 * out of tests: a {@code SPRING_MONGODB_URI} in the environment would otherwise send the
 * embedded tests' writes to that database. A test that wants a server of its own sets
 * {@code spring.mongodb.uri} in its test properties or a service connection. Registered
 * for all test contexts in {@code META-INF/spring.factories}; being equal for all, it
 * never splits the context cache.
 */
public final class TestDataDirectory implements ContextCustomizerFactory {

	static final String PROPERTY = "sanctions.embedded.data-dir";

	@Override
	public ContextCustomizer createContextCustomizer(Class<?> testClass,
			List<ContextConfigurationAttributes> attributes) {
		return new Customizer();
	}

	/**
	 * Deletes a directory and everything in it; what cannot be deleted is reported, not
	 * hidden.
	 */
	public static void delete(Path dir) {
		if (!Files.exists(dir)) {
			return;
		}
		try (Stream<Path> paths = Files.walk(dir)) {
			for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
				Files.deleteIfExists(path);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not delete the test directory " + dir, ex);
		}
	}

	/**
	 * Whether a property (in any of its spellings, environment variables included)
	 * connects to MongoDB.
	 */
	static boolean connectsToMongo(String name) {
		String canonical = name.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
		return canonical.startsWith("SPRING_MONGODB_") || canonical.startsWith("SPRING_DATA_MONGODB_");
	}

	/**
	 * Removes MongoDB connection settings that come from the shell (environment
	 * variables, system properties) from a context about to start, so it falls back to
	 * the embedded default.
	 */
	public static void withoutShellMongoSettings(ConfigurableApplicationContext context) {
		MutablePropertySources sources = context.getEnvironment().getPropertySources();
		withoutMongoSettings(sources, StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, true);
		withoutMongoSettings(sources, StandardEnvironment.SYSTEM_PROPERTIES_PROPERTY_SOURCE_NAME, false);
	}

	private static void withoutMongoSettings(MutablePropertySources sources, String name, boolean environment) {
		PropertySource<?> source = sources.get(name);
		if (!(source instanceof EnumerablePropertySource<?> enumerable)) {
			return;
		}
		Map<String, Object> kept = new LinkedHashMap<>();
		boolean dropped = false;
		for (String property : enumerable.getPropertyNames()) {
			if (connectsToMongo(property)) {
				dropped = true;
			}
			else {
				kept.put(property, enumerable.getProperty(property));
			}
		}
		if (dropped) {
			sources.replace(name,
					environment ? new SystemEnvironmentPropertySource(name, kept) : new MapPropertySource(name, kept));
		}
	}

	private static final class Customizer implements ContextCustomizer {

		@Override
		public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration config) {
			withoutShellMongoSettings(context);
			MutablePropertySources sources = context.getEnvironment().getPropertySources();
			Path dir;
			try {
				dir = Files.createTempDirectory("sanctions-test");
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
			sources.addFirst(new MapPropertySource("testDataDirectory", Map.of(PROPERTY, dir.toString())));
			// registered before any bean, so destroyed after all of them (the store and
			// index are closed by then)
			((DefaultSingletonBeanRegistry) context.getBeanFactory()).registerDisposableBean("testDataDirectory",
					() -> delete(dir));
		}

		@Override
		public boolean equals(Object other) {
			return other instanceof Customizer;
		}

		@Override
		public int hashCode() {
			return Customizer.class.hashCode();
		}

	}

}
