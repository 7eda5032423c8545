package org.sanctionsgraph.measure;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.sanctionsgraph.model.FuzzyDate;

class MeasureTests {

	private static Measure measure(String announced, String inForce, String ended) {
		return Measure.of("m", MeasureKind.SANCTION, "t", null, List.of(), List.of("eu"),
				List.of(new Target(TargetKind.PARTY, "by", null, null, null, null),
						new Target(TargetKind.GROUP, null, null, null, "officials", "eu")),
				null, null, null, List.of(), List.of(), FuzzyDate.of(announced), null, FuzzyDate.of(inForce),
				FuzzyDate.of(ended), null, null, List.of());
	}

	@Test
	void startsOnTheInForceDateElseTheAnnouncementAndCountsFromTheStartOfAPeriod() {
		assertThat(measure("2021-06-20", "2021-06-24", null).startDay()).isEqualTo("2021-06-24");
		assertThat(measure("2021-06", null, null).startDay()).isEqualTo("2021-06-01");
		assertThat(measure(null, null, null).startDay()).isNull();
	}

	@Test
	void inForceFromTheStartThroughTheLastDayOfTheEnd() {
		Measure sameDay = measure(null, "2021-06-24", "2021-06-24");
		assertThat(sameDay.inForceOn(LocalDate.of(2021, 6, 24))).isTrue();
		assertThat(sameDay.inForceOn(LocalDate.of(2021, 6, 25))).isFalse();
		assertThat(sameDay.inForceOn(LocalDate.of(2021, 6, 23))).isFalse();
		Measure endedInMonth = measure(null, "2020", "2021-03");
		assertThat(endedInMonth.inForceOn(LocalDate.of(2021, 3, 31))).isTrue();
		assertThat(endedInMonth.inForceOn(LocalDate.of(2021, 4, 1))).isFalse();
		assertThat(measure(null, null, null).inForceOn(LocalDate.of(2021, 1, 1))).isFalse();
	}

	@Test
	void derivesTheIndexedTargetFields() {
		Measure m = measure(null, "2021", null);
		assertThat(m.targetPartyIds()).containsExactly("by");
		assertThat(m.targetCountryIds()).containsExactly("by", "eu");
		assertThat(m.targetPersonIds()).isEmpty();
	}

	@Test
	void eachTargetFieldHoldsEveryValueOnceInTheTargetsOrderForShortAndLongLists() {
		for (int people : new int[] { 2, 40 }) {
			List<Target> targets = new ArrayList<>();
			List<String> expected = new ArrayList<>();
			for (int i = people; i > 0; i--) {
				// each person twice, a country for every second, and a group with neither
				targets.add(new Target(TargetKind.PERSON, null, "p" + i, null, null, (i % 2 == 0) ? "ru" : null));
				targets.add(new Target(TargetKind.PERSON, null, "p" + i, null, null, null));
				targets.add(new Target(TargetKind.GROUP, null, null, null, "officials", null));
				expected.add("p" + i);
			}
			Measure m = Measure.of("m", MeasureKind.SANCTION, "t", null, List.of(), List.of("eu"), targets, null, null,
					null, List.of(), List.of(), null, null, FuzzyDate.of("2021"), null, null, null, List.of());
			assertThat(m.targetPersonIds()).as("%d people", people).containsExactlyElementsOf(expected);
			assertThat(m.targetCountryIds()).containsExactly("ru");
			assertThat(m.targetPartyIds()).isEmpty();
			assertThat(m.targetOrganizationIds()).isEmpty();
		}
	}

}
