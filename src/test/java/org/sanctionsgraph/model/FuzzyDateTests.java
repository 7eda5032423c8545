package org.sanctionsgraph.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.LocalDate;
import java.time.YearMonth;

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
		for (String bad : new String[] { "21-06", "2021-6", "2021-13", "2021-02-30", "June 2021", "", "2021-00",
				"2021-06-00", "2023-02-29", "2021-06-2x", "2021/06", "2021-06-24 ", "\uFF12\uFF10\uFF12\uFF11",
				"2021-06-24T00", "+2021", "-202" }) {
			assertThatIllegalArgumentException().as(bad).isThrownBy(() -> new FuzzyDate(bad));
		}
	}

	@Test
	void boundsAreTheCalendarsForEveryDayMonthAndYear() {
		for (LocalDate day = LocalDate.of(1999, 1, 1); day.getYear() < 2030; day = day.plusDays(1)) {
			FuzzyDate exact = new FuzzyDate(day.toString());
			assertThat(exact.earliest()).isEqualTo(day);
			assertThat(exact.latest()).isEqualTo(day);
			YearMonth month = YearMonth.from(day);
			FuzzyDate monthly = new FuzzyDate(month.toString());
			assertThat(monthly.earliest()).isEqualTo(month.atDay(1));
			assertThat(monthly.latest()).isEqualTo(month.atEndOfMonth());
		}
		assertThat(new FuzzyDate("0000").earliest()).isEqualTo(LocalDate.of(0, 1, 1));
		assertThat(new FuzzyDate("9999-12").latest()).isEqualTo(LocalDate.of(9999, 12, 31));
	}

}
