package org.sanctionsgraph.scenarios;

import java.util.ArrayList;
import java.util.List;

import org.sanctionsgraph.measure.Measure;
import org.sanctionsgraph.measure.MeasureKind;
import org.sanctionsgraph.measure.MeasureType;
import org.sanctionsgraph.measure.Target;
import org.sanctionsgraph.measure.TargetKind;
import org.sanctionsgraph.model.Citation;
import org.sanctionsgraph.model.FuzzyDate;
import org.sanctionsgraph.organization.Organization;
import org.sanctionsgraph.organization.OrganizationKind;
import org.sanctionsgraph.person.Person;
import org.sanctionsgraph.source.Source;
import org.sanctionsgraph.source.SourceKind;

import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * Test-only records beside the seed story: New Zealand sanctions on North Korea, a person
 * and an organisation they name, and two countermeasures answering each. All of it ended
 * in 1995, so it never shows in the seed story's "in force in 2021" answers.
 */
final class Fixtures {

	static final int SANCTIONS = 12;

	static final String PERSON = "fixture-person";

	static final String ORGANIZATION = "fixture-org";

	private Fixtures() {
	}

	static void install(MongoTemplate mongo) {
		List<Citation> cited = List.of(new Citation("fixture-source", null, "test data"));
		mongo
			.save(new Source("fixture-source", SourceKind.REFERENCE, "Test fixtures", null, null, null, null, null, 1));
		mongo.save(new Person(PERSON, "Fixture Person", null, null, List.of(), null, List.of("kp"), List.of(), null,
				cited, null, 1));
		mongo.save(new Organization(ORGANIZATION, "Fixture Trading LLC", OrganizationKind.COMPANY, List.of(), "kp",
				null, cited, null, 1));
		List<Measure> measures = new ArrayList<>();
		for (int i = 1; i <= SANCTIONS; i++) {
			List<Target> targets = new ArrayList<>(List.of(new Target(TargetKind.PARTY, "kp", null, null, null, null)));
			if (i == 1) {
				targets.add(new Target(TargetKind.PERSON, null, PERSON, null, null, "kp"));
			}
			if (i == 2) {
				targets.add(new Target(TargetKind.ORGANIZATION, null, null, ORGANIZATION, null, "kp"));
			}
			String id = "fixture-sanction-" + i;
			measures.add(Measure.of(id, MeasureKind.SANCTION, "Fixture sanction " + i, null,
					List.of(MeasureType.ASSET_FREEZE), List.of("nz"), targets, null, null, null, List.of(), List.of(),
					null, null, FuzzyDate.of("1990-01-%02d".formatted(i)), FuzzyDate.of("1995-01-01"), null, null,
					cited));
			for (int j = 1; j <= 2; j++) {
				// a month apart: the same response on the same day would be a duplicate,
				// which the store refuses
				measures.add(Measure.of(id + "-response-" + j, MeasureKind.COUNTERMEASURE,
						"Fixture response " + j + " to sanction " + i, null, List.of(MeasureType.COUNTER_SANCTIONS),
						List.of("kp"), List.of(new Target(TargetKind.PARTY, "nz", null, null, null, null)), null, null,
						null, List.of(), List.of(id), null, null, FuzzyDate.of("1990-%02d-%02d".formatted(1 + j, i)),
						FuzzyDate.of("1995-01-01"), null, null, cited));
			}
		}
		measures.forEach(mongo::save);
	}

}
