package org.sanctionsgraph.write;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.sanctionsgraph.MemoryMongo;
import org.sanctionsgraph.graphql.GlobalId;
import org.sanctionsgraph.graphql.UserError;
import org.sanctionsgraph.graphql.UserErrorCode;
import org.sanctionsgraph.model.Citation;
import org.sanctionsgraph.model.FuzzyDate;
import org.sanctionsgraph.model.Name;
import org.sanctionsgraph.model.NameKind;
import org.sanctionsgraph.records.RecordType;
import org.sanctionsgraph.records.RecordTypes;
import org.sanctionsgraph.source.Source;
import org.sanctionsgraph.source.SourceKind;
import org.sanctionsgraph.write.Checks.CitationInput;
import org.sanctionsgraph.write.Checks.NameInput;

/**
 * The field checks every mutation uses, without the application: each problem named by
 * its path.
 */
class ChecksTests {

	private static MemoryMongo store;

	private static final PartyResolver PARTIES = codes -> codes.stream()
		.filter(Map.of("BY", "party-by", "EU", "party-eu")::containsKey)
		.collect(Collectors.toMap(code -> code, Map.of("BY", "party-by", "EU", "party-eu")::get));

	private static final RecordTypes TYPES = new RecordTypes(List.of(RecordType.of("Source", Source.class, "source")));

	@BeforeAll
	static void store() {
		store = new MemoryMongo();
		store.template()
			.insert(new Source("src-1", SourceKind.NEWS_REPORT, "A report", null, null, null, null, null, 1));
	}

	@AfterAll
	static void stop() {
		store.close();
	}

	private static Checks creating() {
		return new Checks(store.template(), TYPES, PARTIES, true, "input.fields");
	}

	private static Checks amending() {
		return new Checks(store.template(), TYPES, PARTIES, false, "input.fields");
	}

	private static List<String> problems(Checks checks) {
		return checks.errors().stream().map(e -> e.field() + " " + e.code() + ": " + e.message()).toList();
	}

	@Test
	void textIsTrimmedAndBounded() {
		Checks checks = creating();
		assertThat(checks.text("title", "  Travel ban  ", 20, true)).isEqualTo("Travel ban");
		assertThat(checks.text("title", "x".repeat(21), 20, true)).isNull();
		assertThat(checks.text("name", "   ", 20, true)).isNull();
		assertThat(checks.text("note", "   ", 20, false)).isNull();
		assertThat(checks.text("quote", "a\u0000b", 20, false)).isNull();
		assertThat(checks.text("reason", null, 20, true)).isNull();
		assertThat(checks.text("legalBasis", null, 20, false)).isNull();
		assertThat(problems(checks)).containsExactly(
				"input.fields.title TOO_LONG: must be at most 20 characters, got 21",
				"input.fields.name REQUIRED: must not be blank", "input.fields.note INVALID: must not be blank",
				"input.fields.quote INVALID: must not contain NUL characters",
				"input.fields.reason REQUIRED: is required");
	}

	@Test
	void aRequiredFieldMayBeLeftOutOfAnAmendment() {
		Checks checks = amending();
		assertThat(checks.text("title", null, 20, true)).isNull();
		assertThat(checks.parties("imposedBy", null, true)).isNull();
		assertThat(checks.errors()).isEmpty();
	}

	@Test
	void partyCodesAreNormalisedAndMustExist() {
		Checks checks = creating();
		assertThat(checks.parties("imposedBy", List.of("by", " EU ", "BY"), true)).containsExactly("party-by",
				"party-eu");
		assertThat(checks.parties("targets[0].party", List.of("B1"), true)).isNull();
		assertThat(checks.parties("imposedBy", List.of("ZZ"), true)).isNull();
		assertThat(checks.parties("imposedBy", List.of(), true)).isNull();
		assertThat(checks.parties("nationalities", Collections.nCopies(201, "BY"), false)).isNull();
		assertThat(problems(checks)).containsExactly(
				"input.fields.targets[0].party INVALID: 'B1' is not a country code (ISO 3166-1 alpha-2 such as BY) or a bloc code (such as EU)",
				"input.fields.imposedBy NOT_FOUND: no party has the code 'ZZ'",
				"input.fields.imposedBy REQUIRED: must not be empty",
				"input.fields.nationalities TOO_LONG: must have at most 200 items, got 201");
	}

	@Test
	void referencesMustBeIdsOfExistingRecordsOfTheirKind() {
		Checks checks = creating();
		assertThat(checks.ref("citations[0].source", GlobalId.encode("Source", "src-1"), "Source", true))
			.isEqualTo("src-1");
		assertThat(checks.ref("citations[1].source", GlobalId.encode("Source", "src-404"), "Source", true)).isNull();
		assertThat(checks.ref("citations[2].source", GlobalId.encode("Party", "src-1"), "Source", true)).isNull();
		assertThat(checks.ref("citations[3].source", "not-an-id", "Source", true)).isNull();
		assertThat(problems(checks)).containsExactly(
				"input.fields.citations[1].source NOT_FOUND: refers to a Source that does not exist",
				"input.fields.citations[2].source INVALID: '" + GlobalId.encode("Party", "src-1")
						+ "' is not the id of a Source",
				"input.fields.citations[3].source INVALID: 'not-an-id' is not the id of a Source");
	}

	@Test
	void datesKeepTheirPrecisionAndBadOnesAreNamed() {
		Checks checks = creating();
		assertThat(checks.date("announced", "2021-06", false)).isEqualTo(FuzzyDate.of("2021-06"));
		assertThat(checks.date("inForce", "2021-13-01", false)).isNull();
		assertThat(checks.errors()).singleElement().satisfies(error -> {
			assertThat(error.field()).isEqualTo("input.fields.inForce");
			assertThat(error.code()).isEqualTo(UserErrorCode.INVALID);
		});
	}

	@Test
	void sharedFieldsAreHandedOnOnlyWhenGiven() {
		Checks checks = creating();
		Checks.Shared shared = checks.shared(List.of(new NameInput(" Лукашэнка ", "be", null)), null,
				List.of(new CitationInput(GlobalId.encode("Source", "src-1"), "a quote", null)));
		List<Object> set = new ArrayList<>();
		shared.applyTo(set::add, set::add, set::add);
		assertThat(set).containsExactly(List.of(new Name("Лукашэнка", "be", NameKind.ALIAS)),
				List.of(new Citation("src-1", "a quote", null)));
		assertThat(checks.errors()).isEmpty();
	}

	@Test
	void everyProblemOfOneInputIsReported() {
		Checks checks = creating();
		checks.shared(List.of(new NameInput("", null, null)), "d".repeat(Checks.TEXT_MAX + 1),
				List.of(new CitationInput(null, null, null)));
		assertThat(checks.errors()).extracting(UserError::field)
			.containsExactly("input.fields.aliases[0].value", "input.fields.description",
					"input.fields.citations[0].source");
	}

	@Test
	void theCheckedPartiesComeFromTheResolver() {
		Collection<String> asked = new ArrayList<>();
		Checks checks = new Checks(store.template(), TYPES, codes -> {
			asked.addAll(codes);
			return Map.of();
		}, true, "input");
		checks.party("member", "by", true);
		assertThat(asked).containsExactly("BY");
		assertThat(problems(checks)).containsExactly("input.member NOT_FOUND: no party has the code 'BY'");
	}

}
