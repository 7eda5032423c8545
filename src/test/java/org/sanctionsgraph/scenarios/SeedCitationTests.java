package org.sanctionsgraph.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.io.ClassPathResource;

/**
 * Every quote the seed story cites appears word for word in the report it cites. The
 * report is not part of the project: it lives in {@code shared/seed/article.txt} beside
 * it (looked for in the project's parent directories), and the check is skipped, saying
 * so, where it is absent.
 */
class SeedCitationTests {

	private static final String ARTICLE = "shared/seed/article.txt";

	@Test
	@SuppressWarnings("unchecked")
	void everyQuoteInTheSeedStoryAppearsWordForWordInTheReport() throws IOException {
		Path article = findArticle();
		Assumptions.assumeTrue(article != null,
				() -> "the seed's report (" + ARTICLE + ") is not in any parent directory of "
						+ Path.of("").toAbsolutePath() + ", so its quotes cannot be checked here");
		String report = normalise(Files.readString(article, StandardCharsets.UTF_8));
		Map<String, Object> story;
		try (InputStream in = new ClassPathResource("seed/story.json").getInputStream()) {
			story = JsonMapper.builder().build().readValue(in, Map.class);
		}
		List<String> quotes = new ArrayList<>();
		collectQuotes(story, quotes);
		assertThat(quotes).hasSizeGreaterThan(30);
		assertThat(quotes).allSatisfy(quote -> assertThat(report).as("quote in the report").contains(normalise(quote)));
	}

	@Test
	void normalisingMakesTypographicQuotesAndSpacingEqualButKeepsWords() {
		assertThat(normalise("Belarus’s  “closest”\nally")).isEqualTo(normalise("Belarus's \"closest\" ally"));
		assertThat(normalise("closest ally")).isNotEqualTo(normalise("close ally"));
	}

	/** Typographic quotes as straight ones and any run of white space as one space. */
	static String normalise(String text) {
		return text.replaceAll("[\u2018\u2019]", "'")
			.replaceAll("[\u201C\u201D]", "\"")
			.replaceAll("\\s+", " ")
			.strip();
	}

	@SuppressWarnings("unchecked")
	private static void collectQuotes(Object node, List<String> quotes) {
		if (node instanceof Map<?, ?> map) {
			if (map.get("quote") instanceof String quote) {
				quotes.add(quote);
			}
			map.values().forEach(value -> collectQuotes(value, quotes));
		}
		else if (node instanceof List<?> list) {
			list.forEach(value -> collectQuotes(value, quotes));
		}
	}

	private static Path findArticle() {
		for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
			Path candidate = dir.resolve(ARTICLE);
			if (Files.isRegularFile(candidate)) {
				return candidate;
			}
		}
		return null;
	}

}
