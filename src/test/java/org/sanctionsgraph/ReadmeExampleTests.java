package org.sanctionsgraph;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.graphql.test.autoconfigure.tester.AutoConfigureHttpGraphQlTester;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

/**
 * The README's examples work as it says on the seeded database: every query answers
 * without errors, and the write example records a new countermeasure the first time and
 * answers {@code DUPLICATE}, naming it, the second. A context of its own, since the
 * example writes.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "sanctions.security.bootstrap-admin-key=" + ReadmeExampleTests.ADMIN,
				"sanctions.limits.anonymous-per-minute=1000000" })
@AutoConfigureHttpGraphQlTester
class ReadmeExampleTests {

	static final String ADMIN = "sgk_readme-example-admin-0123456789abcdefgh";

	private static final Pattern GRAPHQL = Pattern.compile("```graphql\\n(.*?)```", Pattern.DOTALL);

	@Autowired
	HttpGraphQlTester graphQl;

	private static List<String> examples() throws IOException {
		String readme = Files.readString(Path.of("README.md"), StandardCharsets.UTF_8);
		List<String> examples = new ArrayList<>();
		Matcher matcher = GRAPHQL.matcher(readme);
		while (matcher.find()) {
			examples.add(matcher.group(1));
		}
		return examples;
	}

	@Test
	void everyQueryAnswersWithoutErrors() throws IOException {
		List<String> queries = examples().stream().filter(example -> example.strip().startsWith("{")).toList();
		assertThat(queries).hasSizeGreaterThanOrEqualTo(3);
		for (String query : queries) {
			this.graphQl.document(query).execute().errors().verify();
		}
	}

	@Test
	@SuppressWarnings("unchecked")
	void theWriteExampleSucceedsOnceThenAnswersDuplicate() throws IOException {
		List<String> mutations = examples().stream().filter(example -> example.strip().startsWith("mutation")).toList();
		assertThat(mutations).hasSize(1);
		HttpGraphQlTester analyst = this.graphQl.mutate().header("Authorization", "Bearer " + ADMIN).build();
		Map<String, Object> first = analyst.document(mutations.get(0))
			.execute()
			.errors()
			.verify()
			.path("recordCountermeasure")
			.entity(Map.class)
			.get();
		assertThat((List<?>) first.get("userErrors")).isEmpty();
		Map<?, ?> measure = (Map<?, ?>) first.get("measure");
		assertThat(measure.get("title")).asString().startsWith("Belarus bans imports");
		assertThat(measure.get("respondsTo").toString()).contains("sectoral");
		Map<String, Object> second = analyst.document(mutations.get(0))
			.execute()
			.errors()
			.verify()
			.path("recordCountermeasure")
			.entity(Map.class)
			.get();
		assertThat(second.get("measure")).isNull();
		assertThat((List<Map<String, Object>>) second.get("userErrors")).singleElement().satisfies(error -> {
			assertThat(error.get("code")).isEqualTo("DUPLICATE");
			assertThat(error.get("existingId")).isEqualTo(measure.get("id"));
		});
	}

}
