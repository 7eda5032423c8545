package org.sanctionsgraph.measure;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.sanctionsgraph.MemoryMongo;
import org.sanctionsgraph.graphql.GlobalId;
import org.sanctionsgraph.graphql.UserError;
import org.sanctionsgraph.model.FuzzyDate;
import org.sanctionsgraph.program.MembershipStatus;

/**
 * The rules on a measure as a whole, as every write checks them, without the application.
 */
class MeasureRulesTests {

	private static MemoryMongo store;

	private static MeasureRules rules;

	private static final Target BELARUS = new Target(TargetKind.PARTY, "party-by", null, null, null, "party-by");

	private static final Target OFFICIALS = new Target(TargetKind.GROUP, null, null, null, "officials", "party-eu");

	@BeforeAll
	static void store() {
		store = new MemoryMongo();
		rules = new MeasureRules(store.template());
		store.template().insert(sanction("m-sectoral").build());
	}

	@AfterAll
	static void stop() {
		store.close();
	}

	private static MeasureBuilder sanction(String id) {
		return MeasureBuilder.builder()
			.id(id)
			.kind(MeasureKind.SANCTION)
			.title("Sectoral sanctions")
			.measureTypes(List.of(MeasureType.SECTORAL_SANCTIONS, MeasureType.ASSET_FREEZE))
			.imposerIds(List.of("party-eu"))
			.targets(List.of(BELARUS))
			.inForce(FuzzyDate.of("2021-06-24"))
			.revision(1);
	}

	private static List<String> problems(Measure measure) {
		return rules.check(measure).stream().map(e -> e.field() + " " + e.code() + ": " + e.message()).toList();
	}

	@Test
	void aCountermeasureAnswersSomethingOtherThanItself() {
		MeasureBuilder answer = sanction("m-new").kind(MeasureKind.COUNTERMEASURE).imposerIds(List.of("party-by"));
		assertThat(problems(answer.build()))
			.containsExactly("input.fields.respondsTo REQUIRED: a countermeasure must answer at least one measure");
		assertThat(problems(answer.respondsToIds(List.of("m-new")).build()))
			.containsExactly("input.fields.respondsTo INVALID: a countermeasure cannot answer itself");
		assertThat(problems(answer.respondsToIds(List.of("m-sectoral")).build())).isEmpty();
	}

	@Test
	void aMeasureEndsOnOrAfterItsStart() {
		assertThat(problems(sanction("m-new").targets(List.of(OFFICIALS)).ended(FuzzyDate.of("2021-05")).build()))
			.containsExactly("input.ended INVALID: the end (2021-05) is before the start (2021-06-24)");
		assertThat(problems(sanction("m-new").targets(List.of(OFFICIALS)).ended(FuzzyDate.of("2021-06")).build()))
			.as("a month-precise end lasts to the month's last day")
			.isEmpty();
	}

	@Test
	void aMembershipChangeNeedsADate() {
		MeasureBuilder undated = sanction("m-new").kind(MeasureKind.COUNTERMEASURE)
			.respondsToIds(List.of("m-sectoral"))
			.inForce(null)
			.membershipChange(new MembershipChange("ms-1", MembershipStatus.SUSPENDED, null, null));
		assertThat(problems(undated.build())).containsExactly(
				"input.fields.membershipChange.from REQUIRED: give the date of the change, or a date for the measure");
		assertThat(problems(undated.announced(FuzzyDate.of("2021-06-28")).build())).isEmpty();
	}

	@Test
	void theSameMeasureIsNotRecordedTwice() {
		List<UserError> duplicate = rules
			.check(sanction("m-new").measureTypes(List.of(MeasureType.ASSET_FREEZE, MeasureType.SECTORAL_SANCTIONS))
				.build());
		assertThat(duplicate).singleElement().satisfies(error -> {
			assertThat(error.code().name()).isEqualTo("DUPLICATE");
			assertThat(error.existingId()).isEqualTo(GlobalId.encode("Measure", "m-sectoral"));
		});
		assertThat(rules.check(sanction("m-sectoral").build())).as("a measure is no duplicate of itself").isEmpty();
		assertThat(rules.check(sanction("m-new").targets(List.of(OFFICIALS)).build())).isEmpty();
		assertThat(rules.check(sanction("m-new").inForce(FuzzyDate.of("2021-06-25")).build())).isEmpty();
		assertThat(rules.check(sanction("m-new").measureTypes(List.of(MeasureType.TRAVEL_BAN)).build())).isEmpty();
		assertThat(rules.check(sanction("m-new").imposerIds(List.of("party-eu", "party-us")).build())).isEmpty();
	}

	@Test
	void aSanctionAnswersNoMeasureAndChangesNoMembership() {
		assertThat(problems(sanction("m-new").targets(List.of(OFFICIALS))
			.respondsToIds(List.of("m-sectoral"))
			.membershipChange(new MembershipChange("ms-1", MembershipStatus.SUSPENDED, null, null))
			.build())).containsExactly(
					"input.fields.respondsTo INVALID: a sanction answers no measure; record a countermeasure instead",
					"input.fields.membershipChange INVALID: only a countermeasure changes a membership");
	}

	@Test
	void answeringNeverLeadsBackToTheMeasure() {
		store.template()
			.insert(sanction("m-chain-a").targets(List.of(OFFICIALS)).inForce(FuzzyDate.of("2020-01-10")).build());
		store.template().insert(countermeasure("m-chain-b", "2020-02-10", "m-chain-a").build());
		store.template().insert(countermeasure("m-chain-c", "2020-03-10", "m-chain-b").build());

		assertThat(problems(countermeasure("m-chain-a", "2020-04-10", "m-chain-c").build())).as("a three-step cycle")
			.containsExactly("input.fields.respondsTo INVALID: answering " + GlobalId.encode("Measure", "m-chain-c")
					+ " would make a cycle: it answers this measure, directly or through others");
		assertThat(problems(countermeasure("m-chain-b", "2020-04-10", "m-chain-a", "m-chain-c").build()))
			.as("a two-step cycle beside a valid answer")
			.containsExactly("input.fields.respondsTo INVALID: answering " + GlobalId.encode("Measure", "m-chain-c")
					+ " would make a cycle: it answers this measure, directly or through others");
		assertThat(problems(countermeasure("m-chain-d", "2020-04-10", "m-chain-c").build()))
			.as("answering the end of a chain is no cycle")
			.isEmpty();
	}

	@Test
	void aCountermeasureStartsNoEarlierThanWhatItAnswersWasFirstKnown() {
		assertThat(problems(countermeasure("m-new", "2021-06-01", "m-sectoral").build()))
			.containsExactly("input.fields.respondsTo INVALID: the countermeasure starts (2021-06-01) before "
					+ GlobalId.encode("Measure", "m-sectoral") + ", which it answers, was first known (2021-06-24)");
		assertThat(problems(countermeasure("m-new", "2021-06", "m-sectoral").build()))
			.as("a month-precise start may be on or after the 24th")
			.isEmpty();
		store.template()
			.insert(sanction("m-announced").targets(List.of(OFFICIALS))
				.measureTypes(List.of(MeasureType.TRAVEL_BAN))
				.announced(FuzzyDate.of("2021-05-28"))
				.build());
		assertThat(problems(countermeasure("m-new", "2021-06-01", "m-announced").build()))
			.as("a measure is known from its announcement, before it is in force")
			.isEmpty();
	}

	private static MeasureBuilder countermeasure(String id, String inForce, String... answers) {
		return sanction(id).kind(MeasureKind.COUNTERMEASURE)
			.imposerIds(List.of("party-by"))
			.targets(List.of(new Target(TargetKind.PARTY, "party-eu", null, null, null, "party-eu")))
			.measureTypes(List.of(MeasureType.ENVOY_RECALL))
			.inForce(FuzzyDate.of(inForce))
			.respondsToIds(List.of(answers));
	}

}
