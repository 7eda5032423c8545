package org.sanctionsgraph.program;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.sanctionsgraph.model.FuzzyDate;

class MembershipTests {

	@Test
	void statusOnADayIsTheLatestPeriodStartedByThen() {
		Membership membership = new Membership("m", "by", "eastern-partnership",
				List.of(new StatusPeriod(MembershipStatus.SUSPENDED, new FuzzyDate("2021-06"), "cm", null, null),
						new StatusPeriod(MembershipStatus.ACTIVE, new FuzzyDate("2009-05-07"), null, null, null)),
				null, null, 1);
		assertThat(Membership.periodOn(membership.history(), LocalDate.of(2009, 5, 6))).isNull();
		assertThat(Membership.periodOn(membership.history(), LocalDate.of(2009, 5, 7)).status())
			.isEqualTo(MembershipStatus.ACTIVE);
		assertThat(Membership.periodOn(membership.history(), LocalDate.of(2021, 5, 31)).status())
			.isEqualTo(MembershipStatus.ACTIVE);
		assertThat(Membership.periodOn(membership.history(), LocalDate.of(2021, 6, 1)).status())
			.isEqualTo(MembershipStatus.SUSPENDED);
		assertThat(membership.sortKey()).isEqualTo("2009-05-07");
	}

}
