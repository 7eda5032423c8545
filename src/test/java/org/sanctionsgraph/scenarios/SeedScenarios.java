package org.sanctionsgraph.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.io.ClassPathResource;

/** The seed story read back fact by fact, and the schema documenting itself. */
public abstract class SeedScenarios extends Scenario {

	@Test
	@SuppressWarnings("unchecked")
	void everySeedRecordReadsBackWithAllItsFactsAndSources() throws IOException {
		Map<String, Object> seed;
		try (InputStream in = new ClassPathResource("seed/story.json").getInputStream()) {
			seed = JsonMapper.builder().build().readValue(in, Map.class);
		}
		int checked = 0;
		for (Map.Entry<String, String> section : SeedExpectations.SECTION_TYPES.entrySet()) {
			for (Map<String, Object> record : (List<Map<String, Object>>) seed.get(section.getKey())) {
				Map<String, Object> expected = SeedExpectations.expected(section.getValue(), record, seed);
				Map<String, Object> actual = this.graphQl.documentName("seedRecord")
					.operationName("Seed" + section.getValue())
					.variable("id", expected.get("id"))
					.execute()
					.path("node")
					.entity(MAP)
					.get();
				expected.forEach((key, value) -> assertThat(actual.get(key))
					.as("%s %s.%s", section.getValue(), record.get("id"), key)
					.isEqualTo(value));
				checked++;
			}
		}
		assertThat(checked).isGreaterThan(40);
	}

	@Test
	@SuppressWarnings("unchecked")
	void everyTypeFieldArgumentAndEnumValueIsDescribed() {
		List<Map<String, Object>> types = this.graphQl.documentName("schemaDescriptions")
			.execute()
			.path("__schema.types")
			.entityList(MAP)
			.get();
		Set<String> builtIn = Set.of("String", "Boolean", "Int", "Float", "ID");
		List<String> undocumented = new ArrayList<>();
		Set<String> names = new HashSet<>();
		for (Map<String, Object> type : types) {
			String name = (String) type.get("name");
			names.add(name);
			if (name.startsWith("__") || builtIn.contains(name)) {
				continue;
			}
			check(undocumented, name, type);
			for (Map<String, Object> field : (List<Map<String, Object>>) orEmpty(type.get("fields"))) {
				check(undocumented, name + "." + field.get("name"), field);
				for (Map<String, Object> arg : (List<Map<String, Object>>) field.get("args")) {
					check(undocumented, name + "." + field.get("name") + "(" + arg.get("name") + ")", arg);
				}
			}
			for (Map<String, Object> field : (List<Map<String, Object>>) orEmpty(type.get("inputFields"))) {
				check(undocumented, name + "." + field.get("name"), field);
			}
			for (Map<String, Object> value : (List<Map<String, Object>>) orEmpty(type.get("enumValues"))) {
				check(undocumented, name + "." + value.get("name"), value);
			}
		}
		assertThat(names).contains("Node", "Party", "Person", "Organization", "Measure", "Sanction", "Countermeasure",
				"Event", "Program", "Membership", "Source", "Date", "MeasureConnection", "PageInfo", "FuzzyDate");
		assertThat(undocumented).isEmpty();
	}

	private static Object orEmpty(Object list) {
		return list == null ? List.of() : list;
	}

	private static void check(List<String> undocumented, String name, Map<String, Object> element) {
		Object description = element.get("description");
		if (description == null || description.toString().isBlank()) {
			undocumented.add(name);
		}
	}

}
