package org.sanctionsgraph.measure;

import java.time.DateTimeException;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A stored day reads back as the day the general ISO parser reads. */
class MeasureFieldsTests {

	@ParameterizedTest
	@ValueSource(strings = { "2021-06-24", "0001-01-01", "1999-12-31", "2024-02-29", "9999-12-31", "+10000-01-01",
			"-0001-03-01" })
	void aStoredDayIsTheDayTheIsoParserReads(String day) {
		assertThat(MeasureFields.day(day)).isEqualTo(LocalDate.parse(day));
	}

	@Test
	void everyDayOfSeveralYearsRoundTrips() {
		for (LocalDate day = LocalDate.of(1999, 1, 1); day.getYear() < 2005; day = day.plusDays(1)) {
			assertThat(MeasureFields.day(day.toString())).isEqualTo(day);
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "2021-02-30", "2021-13-01", "2021-1a-01", "2021/01/01", "20210101xx" })
	void aDayThatIsNoDayIsRefusedAsTheIsoParserRefusesIt(String day) {
		assertThatThrownBy(() -> MeasureFields.day(day)).isInstanceOf(DateTimeException.class);
	}

	@Test
	void noDayIsNull() {
		assertThat(MeasureFields.day(null)).isNull();
	}

}
