package org.sanctionsgraph.person;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.sanctionsgraph.MemoryMongo;
import org.sanctionsgraph.model.FuzzyDate;
import org.sanctionsgraph.paging.PageArgs;
import org.sanctionsgraph.paging.Pager;

/**
 * Who held an office on a day, on a database: dates known to the day, the month or the
 * year, offices in other countries, and the default day taken from the clock.
 */
class OfficialsTests {

	static MemoryMongo mongo;

	@BeforeAll
	static void people() {
		mongo = new MemoryMongo();
		mongo.template()
			.insertAll(List.of(person("p-day", "Day Precise", position("xa", "2000-05-07", "2008-05-07")),
					person("p-month", "Month Precise", position("xa", "2008", "2008-05")),
					person("p-open", "Still In Office", position("xa", "2012-05-07", null)),
					person("p-elsewhere", "Elsewhere",
							// an old office here and a current one in another country
							position("xa", "1990", "1995"), position("xb", "1996", null)),
					person("p-unknown-start", "Unknown Start", position("xa", null, null))));
	}

	@AfterAll
	static void close() {
		mongo.close();
	}

	@Test
	void anOfficeEndingOnADayIsHeldThroughThatDayOnly() {
		assertThat(names("xa", "2008-05-07")).contains("Day Precise");
		assertThat(names("xa", "2008-05-08")).doesNotContain("Day Precise");
		assertThat(names("xa", "2000-05-06")).doesNotContain("Day Precise");
	}

	@Test
	void anOfficeEndingInAMonthIsHeldThroughTheMonthsLastDayAsMeasuresAreInForce() {
		assertThat(names("xa", "2008-01-01")).contains("Month Precise");
		assertThat(names("xa", "2008-05-31")).contains("Month Precise");
		assertThat(names("xa", "2008-06-01")).doesNotContain("Month Precise");
		assertThat(names("xa", "2007-12-31")).doesNotContain("Month Precise");
	}

	@Test
	void theDatesMustHoldForAnOfficeOfThatCountry() {
		assertThat(names("xa", "2000-01-01")).doesNotContain("Elsewhere");
		assertThat(names("xb", "2000-01-01")).containsExactly("Elsewhere");
		assertThat(names("xa", "1992-01-01")).containsExactly("Elsewhere");
	}

	@Test
	void anOfficeWithNoKnownStartIsHeldOnNoDay() {
		assertThat(names("xa", "2020-01-01")).containsExactly("Still In Office");
	}

	@Test
	void theDefaultDayIsTodayByTheApplicationsClock() {
		Clock may2008 = Clock.fixed(Instant.parse("2008-05-20T23:30:00Z"), ZoneOffset.UTC);
		OfficialsController officials = new OfficialsController(null, new Pager(mongo.template(), List.of()), may2008);
		assertThat(officials.held("xa", null, PageArgs.of(10, null, null, null, null), true).nodes())
			.extracting(Person::name)
			.containsExactly("Month Precise");
	}

	private static List<String> names(String partyId, String day) {
		OfficialsController officials = new OfficialsController(null, new Pager(mongo.template(), List.of()),
				Clock.systemUTC());
		return officials.held(partyId, LocalDate.parse(day), PageArgs.of(10, null, null, null, null), false)
			.nodes()
			.stream()
			.map(Person::name)
			.toList();
	}

	private static Person person(String id, String name, Position... positions) {
		return PersonBuilder.builder().id(id).name(name).positions(List.of(positions)).revision(1).build();
	}

	private static Position position(String countryId, String start, String end) {
		return new Position("Office", countryId, FuzzyDate.of(start), FuzzyDate.of(end), null);
	}

}
