package org.sanctionsgraph.measure;

import java.util.List;

import org.sanctionsgraph.records.ListSource;
import org.sanctionsgraph.records.RecordType;
import org.sanctionsgraph.write.Drafts;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Measures as a record kind: a Sanction or a Countermeasure by their kind, cited, not
 * searched by name.
 */
@Configuration(proxyBeanMethods = false)
class MeasureRecords {

	static final Drafts<Measure, MeasureBuilder> DRAFTS = new Drafts<>(id -> MeasureBuilder.builder().id(id),
			MeasureBuilder::builder, MeasureBuilder::build);

	@Bean
	RecordType<Measure> measureType() {
		return RecordType.of("Measure", Measure.class, "measure")
			.servedBy(List.of("Sanction", "Countermeasure"),
					measure -> measure.kind() == MeasureKind.COUNTERMEASURE ? "Countermeasure" : "Sanction")
			.citable(DRAFTS.appending(MeasureBuilder::citations, MeasureBuilder::citations))
			.storedList("citations", "citations")
			.storedList("imposers", "imposerIds")
			.storedList("targets", "targets")
			.storedList("triggeredBy", "triggeringEventIds")
			.storedList("respondsTo", "respondsToIds")
			// a measure changes at most one membership (membershipChange is one value)
			.list("affectedMemberships", ListSource.fixed(1))
			// this feature serves a membership's status over time: the periods stored
			// with
			// the membership, then one per countermeasure that changed it, each with the
			// citations of the period or of the countermeasure
			.list("Membership.history", ListSource.stored("Membership", "history"),
					ListSource.referencing("Measure", "membershipChange.membershipId"))
			.list("MembershipStatusPeriod.citations", ListSource.stored("Membership", "history.citations"),
					ListSource.stored("Measure", "citations"));
	}

}
