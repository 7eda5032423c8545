package org.sanctionsgraph.generate;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.graphql.test.autoconfigure.tester.AutoConfigureHttpGraphQlTester;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

/**
 * A relational data set in CSV files (the comparison benchmark's layout) loaded into an
 * empty database: parties, people, measures with their imposers, targets, types and
 * programmes, and countermeasures linked to what they answer, read back through the API.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "sanctions.seed.enabled=false", "sanctions.generate.csv-dir=src/test/resources/csv-sample",
				"logging.level.org.sanctionsgraph.limits.ListSizes=debug" })
@AutoConfigureHttpGraphQlTester
@ExtendWith(OutputCaptureExtension.class)
class CsvLoaderTests {

	@Autowired
	HttpGraphQlTester graphQl;

	@Test
	void aRowTheSameAsAMeasureStoredIsNotStoredAndTheLogNamesIt(CapturedOutput output) {
		// output capture starts before the test's application context is made, and this
		// class's settings are its own, so the load ran while captured
		assertThat(output.getOut()).contains("1 measures not stored, each the same as one stored already")
			.contains("[csv-m0000004]")
			.contains("4 measure rows")
			.contains("; 1 rows not stored as the same as a record stored");
	}

	/**
	 * The list bounds of the loaded records are measured once, by the start-up measure
	 * that follows the load (a pass over a million measures takes tens of seconds).
	 */
	@Test
	void theLoadedRecordsListBoundsAreMeasuredOnce(CapturedOutput output) {
		assertThat(output.getOut().split("Measured the list bounds of Measure ", -1)).hasSize(2);
	}

	@Test
	void theCsvRecordsAreServedAsTheirRelationalRowsSay() {
		this.graphQl.document("""
				{ parties(first: 10) { totalCount nodes { code name kind } }
				  measures(first: 10) { totalCount } }""")
			.execute()
			.path("parties.totalCount")
			.entity(Integer.class)
			.isEqualTo(4)
			.path("parties.nodes[*].code")
			.entityList(String.class)
			.containsExactly("BY", "DE", "EU", "FR")
			.path("parties.nodes[2].kind")
			.entity(String.class)
			.isEqualTo("BLOC")
			.path("parties.nodes[0].kind")
			.entity(String.class)
			.isEqualTo("COUNTRY")
			// row 4 is measure 2 again under another id and title (same kind, imposer,
			// target, type and start): refused, not stored twice
			.path("measures.totalCount")
			.entity(Integer.class)
			.isEqualTo(3);
		// measure 1: imposers in party-id order, the two travel-ban types merged, its
		// answer linked
		String m1 = Base64.getUrlEncoder()
			.withoutPadding()
			.encodeToString("Measure:csv-m0000001".getBytes(StandardCharsets.UTF_8));
		this.graphQl.document("""
				{ party(code: "BY") { measuresTargeting(filter: { targetParty: ["BY"] }, first: 5) { nodes {
				    id title measureTypes startDate endDate program { name } imposers { code }
				    responses(first: 5) { nodes { title kind measureTypes imposers { code } } } } } } }""")
			.execute()
			.path("party.measuresTargeting.nodes[*].title")
			.entityList(String.class)
			.containsExactly("Restrictive measures by European Union concerning Belarus, in two words (visa ban)")
			.path("party.measuresTargeting.nodes[0].id")
			.entity(String.class)
			.isEqualTo(m1)
			.path("party.measuresTargeting.nodes[0].measureTypes")
			.entityList(String.class)
			.containsExactly("TRAVEL_BAN")
			.path("party.measuresTargeting.nodes[0].imposers[*].code")
			.entityList(String.class)
			.containsExactly("DE", "EU")
			.path("party.measuresTargeting.nodes[0].program.name")
			.entity(String.class)
			.isEqualTo("EU-BY")
			.path("party.measuresTargeting.nodes[0].startDate")
			.entity(String.class)
			.isEqualTo("2021-06-24")
			.path("party.measuresTargeting.nodes[0].endDate")
			.valueIsNull()
			.path("party.measuresTargeting.nodes[0].responses.nodes[0].kind")
			.entity(String.class)
			.isEqualTo("COUNTERMEASURE")
			.path("party.measuresTargeting.nodes[0].responses.nodes[0].measureTypes")
			.entityList(String.class)
			.containsExactly("IMPORT_RESTRICTION")
			.path("party.measuresTargeting.nodes[0].responses.nodes[0].imposers[*].code")
			.entityList(String.class)
			.containsExactly("BY");
		// measure 2 targets a Belarusian: aimed at Belarus, but not at the state itself;
		// it ended
		this.graphQl.document("""
				{ measures(filter: { targetCountry: ["BY"], kind: SANCTION }, first: 5) { nodes {
				    title endDate targets { kind person { name nationalities { code } } party { code } } } } }""")
			.execute()
			.path("measures.nodes[*].title")
			.entityList(String.class)
			.hasSize(2)
			.path("measures.nodes[1].endDate")
			.entity(String.class)
			.isEqualTo("2022-01-01")
			.path("measures.nodes[1].targets[0].kind")
			.entity(String.class)
			.isEqualTo("PERSON")
			.path("measures.nodes[1].targets[0].person.name")
			.entity(String.class)
			.isEqualTo("Anna Test #1")
			.path("measures.nodes[1].targets[0].person.nationalities[*].code")
			.entityList(String.class)
			.containsExactly("BY")
			.path("measures.nodes[1].targets[0].party")
			.valueIsNull();
	}

}
