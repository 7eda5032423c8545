package org.sanctionsgraph.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

class FuzzyDateTests {

	@Test
	void precisionAndBoundsFollowTheText() {
		FuzzyDate month = new FuzzyDate("2021-06");
		assertThat(month.precision()).isEqualTo(DatePrecision.MONTH);
		assertThat(month.earliest()).isEqualTo(LocalDate.of(2021, 6, 1));
		assertThat(month.latest()).isEqualTo(LocalDate.of(2021, 6, 30));
		FuzzyDate year = new FuzzyDate("2020");
		assertThat(year.earliest()).isEqualTo(LocalDate.of(2020, 1, 1));
		assertThat(year.latest()).isEqualTo(LocalDate.of(2020, 12, 31));
		FuzzyDate leapFebruary = new FuzzyDate("2024-02");
		assertThat(leapFebruary.latest()).isEqualTo(LocalDate.of(2024, 2, 29));
		FuzzyDate day = new FuzzyDate("2021-06-24");
		assertThat(day.precision()).isEqualTo(DatePrecision.DAY);
		assertThat(day.earliest()).isEqualTo(day.latest());
	}

	@Test
	void refusesWhatIsNotAPartialIsoDate() {
		for (String bad : new String[] { "21-06", "2021-6", "2021-13", "2021-02-30", "June 2021", "" }) {
			assertThatIllegalArgumentException().as(bad).isThrownBy(() -> new FuzzyDate(bad));
		}
	}

}
