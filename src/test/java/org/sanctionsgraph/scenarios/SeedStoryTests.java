package org.sanctionsgraph.scenarios;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sanctionsgraph.scenarios.SeedExpectations.gid;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.sanctionsgraph.ApiTest;

/**
 * The seed story's corrected facts, asked the way an analyst would ask them: what applied
 * on a day, who imposed what, which membership status held on a day, and how precisely a
 * date is known. The expected values come from the report and the public record (issue
 * 14), not from the seed file. Reads only, in the context the API tests share.
 */
@ApiTest
class SeedStoryTests extends Scenario {

	private static final String MEASURES = """
			query($filter: MeasureFilter) { measures(filter: $filter, first: 100) { nodes {
			  title announced { value precision earliest } inForce { value precision earliest }
			  legalBasis imposers { code } targets { kind description person { name } party { code } country { code } }
			  triggeredBy { name } } } }""";

	@Test
	void belarusAnsweredTheSectoralSanctionsOn28June2021NotFromTheFirstOfJune() {
		List<Map<String, Object>> countermeasures = measures(
				Map.of("kind", "COUNTERMEASURE", "imposedBy", List.of("BY")));
		assertThat(countermeasures).hasSize(3)
			.allSatisfy(measure -> assertThat(measure.get("announced"))
				.isEqualTo(Map.of("value", "2021-06-28", "precision", "DAY", "earliest", "2021-06-28")));
		assertThat(titles(Map.of("imposedBy", List.of("BY"), "inForceOn", "2021-06-10"))).isEmpty();
		assertThat(titles(Map.of("imposedBy", List.of("BY"), "inForceOn", "2021-06-27"))).isEmpty();
		assertThat(titles(Map.of("imposedBy", List.of("BY"), "inForceOn", "2021-06-28"))).containsExactlyInAnyOrder(
				"Belarus recalls its representative to the EU", "Belarus bans unspecified EU officials from entering",
				"Belarus suspends its participation in the Eastern Partnership");
		assertThat(status("mem-by-eastern-partnership", "2021-06-24")).isEqualTo("ACTIVE");
		assertThat(status("mem-by-eastern-partnership", "2021-06-27")).isEqualTo("ACTIVE");
		assertThat(status("mem-by-eastern-partnership", "2021-06-28")).isEqualTo("SUSPENDED");
	}

	@Test
	void theEuListedInRoundsEachInForceFromItsOwnDay() {
		Map<String, List<String>> euOn = new HashMap<>();
		for (String day : List.of("2020-10-01", "2020-10-02", "2020-11-05", "2020-11-06", "2020-12-17", "2021-06-20",
				"2021-06-21", "2021-06-24", "2021-06-25")) {
			euOn.put(day, titles(Map.of("imposedBy", List.of("EU"), "targetCountry", List.of("BY"), "inForceOn", day)));
		}
		String first = "EU listings over the Belarusian election, first round: officials";
		String second = "EU listings over the Belarusian election, second round: Lukashenka and his inner circle";
		String third = "EU listings over the Belarusian election, third round: the first organisations";
		String fourth = "EU listings after the forced landing of the Ryanair flight";
		String sectoral = "EU sectoral sanctions on Belarus";
		assertThat(euOn.get("2020-10-01")).isEmpty();
		assertThat(euOn.get("2020-10-02")).containsExactly(first);
		assertThat(euOn.get("2020-11-05")).containsExactly(first);
		assertThat(euOn.get("2020-11-06")).containsExactlyInAnyOrder(first, second);
		assertThat(euOn.get("2020-12-17")).containsExactlyInAnyOrder(first, second, third);
		assertThat(euOn.get("2021-06-20")).containsExactlyInAnyOrder(first, second, third);
		assertThat(euOn.get("2021-06-21")).containsExactlyInAnyOrder(first, second, third, fourth);
		assertThat(euOn.get("2021-06-24")).containsExactlyInAnyOrder(first, second, third, fourth);
		assertThat(euOn.get("2021-06-25")).containsExactlyInAnyOrder(first, second, third, fourth, sectoral);
		// the first round named officials only; Lukashenka himself came in the second
		Map<String, Object> firstRound = measures(Map.of("imposedBy", List.of("EU"), "inForceOn", "2020-10-02"))
			.stream()
			.filter(measure -> first.equals(measure.get("title")))
			.findFirst()
			.orElseThrow();
		assertThat(each(firstRound.get("targets"), "kind")).containsOnly("GROUP");
		String lukashenka = gid("Person", "lukashenka");
		assertThat(titles(Map.of("imposedBy", List.of("EU"), "target", lukashenka, "inForceOn", "2020-11-05")))
			.isEmpty();
		assertThat(titles(Map.of("imposedBy", List.of("EU"), "target", lukashenka, "inForceOn", "2020-11-06")))
			.containsExactly(second);
	}

	@Test
	void theUsUkCanadaAndTheBalticStatesSanctionedBelarusOnTheirOwnDays() {
		assertThat(
				titles(Map.of("imposedBy", List.of("US"), "targetCountry", List.of("BY"), "inForceOn", "2020-10-01")))
			.isEmpty();
		assertThat(
				titles(Map.of("imposedBy", List.of("US"), "targetCountry", List.of("BY"), "inForceOn", "2020-10-02")))
			.containsExactly("US designations of Belarusian officials, October 2020");
		assertThat(
				titles(Map.of("imposedBy", List.of("US"), "targetCountry", List.of("BY"), "inForceOn", "2021-06-02")))
			.containsExactlyInAnyOrder("US designations of Belarusian officials, October 2020",
					"US designations of Belarusian entities and officials, December 2020");
		assertThat(
				titles(Map.of("imposedBy", List.of("US"), "targetCountry", List.of("BY"), "inForceOn", "2021-06-03")))
			.containsExactlyInAnyOrder("US designations of Belarusian officials, October 2020",
					"US designations of Belarusian entities and officials, December 2020",
					"US blocking sanctions on nine Belarusian state-owned enterprises re-imposed");
		Map<String, Object> december = only(
				measures(Map.of("imposedBy", List.of("US"), "inForceOn", "2020-12-23")).stream()
					.filter(m -> m.get("title").toString().contains("December"))
					.toList());
		assertThat(december.get("inForce"))
			.isEqualTo(Map.of("value", "2020-12-23", "precision", "DAY", "earliest", "2020-12-23"));
		Map<String, Object> enterprises = only(
				measures(Map.of("imposedBy", List.of("US"), "inForceOn", "2021-06-03")).stream()
					.filter(m -> m.get("title").toString().contains("state-owned"))
					.toList());
		assertThat(enterprises.get("announced"))
			.isEqualTo(Map.of("value", "2021-05-28", "precision", "DAY", "earliest", "2021-05-28"));
		for (String code : List.of("GB", "CA")) {
			assertThat(titles(Map.of("imposedBy", List.of(code), "inForceOn", "2020-09-28"))).as(code).isEmpty();
			assertThat(titles(
					Map.of("imposedBy", List.of(code), "targetCountry", List.of("BY"), "inForceOn", "2020-09-29")))
				.as(code)
				.hasSize(1);
		}
		for (String code : List.of("EE", "LV", "LT")) {
			assertThat(titles(Map.of("imposedBy", List.of(code), "inForceOn", "2020-08-30"))).as(code).isEmpty();
			assertThat(titles(Map.of("imposedBy", List.of(code), "inForceOn", "2020-08-31"))).as(code)
				.containsExactly("Baltic states' travel bans on Lukashenka and Belarusian officials");
		}
		// who had Lukashenka himself under sanctions before the EU did
		assertThat(titles(Map.of("target", gid("Person", "lukashenka"), "inForceOn", "2020-10-15")))
			.containsExactlyInAnyOrder("Baltic states' travel bans on Lukashenka and Belarusian officials",
					"UK sanctions on Lukashenka and Belarusian officials",
					"Canadian sanctions on Lukashenka and Belarusian officials");
		// what stays unknown stays with the unnamed group, undated
		assertThat(measures(Map.of("targetCountry", List.of("BY"), "kind", "SANCTION")).stream()
			.filter(measure -> measure.get("inForce") == null && measure.get("announced") == null)
			.map(measure -> measure.get("title")))
			.containsExactly("Other countries' sanctions on Belarusian entities and Lukashenka's inner circle");
	}

	@Test
	void theEuAndTheUsSanctionedRussiaIn2014AndItsPeopleOrganisationsAndSectors() {
		for (String imposer : List.of("EU", "US")) {
			Map<String, Object> russia = only(measures(
					Map.of("imposedBy", List.of(imposer), "targetCountry", List.of("RU"), "inForceOn", "2014-12-31")));
			assertThat(russia.get("title"))
				.isEqualTo("Western economic sanctions on Russia over Crimea and eastern Ukraine");
			assertThat(russia.get("imposers")).isEqualTo(List.of(Map.of("code", "EU"), Map.of("code", "US")));
			assertThat(each(russia.get("targets"), "kind")).contains("PARTY", "GROUP", "SECTOR");
		}
		this.graphQl.document("{ node(id: \"%s\") { id } }".formatted(gid("Party", "western-countries")))
			.execute()
			.path("node")
			.valueIsNull();
	}

	@Test
	void theSectoralSanctionsCiteTheirActsNameTheirSectorsAndTheirTriggers() {
		Map<String, Object> sectoral = only(measures(Map.of("imposedBy", List.of("EU"), "measureTypes",
				List.of("SECTORAL_SANCTIONS"), "targetCountry", List.of("BY"))));
		assertThat((String) sectoral.get("legalBasis")).contains("Council Regulation (EU) 2021/1030")
			.contains("Council Decision (CFSP) 2021/1031");
		assertThat(sectoral.get("targets")).asList()
			.containsExactlyInAnyOrder(sector("Petroleum products"), sector("Potash"), sector("Tobacco"),
					sector("Financial services and insurance"));
		assertThat(sectoral.get("announced"))
			.isEqualTo(Map.of("value", "2021-06-24", "precision", "DAY", "earliest", "2021-06-24"));
		assertThat(sectoral.get("inForce"))
			.isEqualTo(Map.of("value", "2021-06-25", "precision", "DAY", "earliest", "2021-06-25"));
		assertThat(each(sectoral.get("triggeredBy"), "name")).contains("Crackdown on dissent in Belarus",
				"Forced landing of a Ryanair flight in Minsk");
	}

	@Test
	void putinsWordsAreHisRyanairIsIrishAndTheUnionStateDatesFromItsTreaty() {
		String russia = this.graphQl.document("{ party(code: \"RU\") { description } }")
			.execute()
			.path("party.description")
			.entity(String.class)
			.get();
		assertThat(russia).contains("Putin")
			.contains("calls Belarus Russia's closest ally")
			.doesNotContain("Belarus's closest ally");
		this.graphQl
			.document("{ node(id: \"%s\") { ... on Organization { country { code } description } } }"
				.formatted(gid("Organization", "ryanair")))
			.execute()
			.path("node.country.code")
			.entity(String.class)
			.isEqualTo("IE")
			.path("node.description")
			.entity(String.class)
			.satisfies(description -> assertThat(description).contains("Irish").contains("FR4978"));
		this.graphQl
			.document("{ node(id: \"%s\") { ... on Event { description } } }"
				.formatted(gid("Event", "ev-flight-diversion")))
			.execute()
			.path("node.description")
			.entity(String.class)
			.satisfies(description -> assertThat(description).contains("FR4978"));
		this.graphQl
			.document("{ node(id: \"%s\") { ... on Program { established { value precision } description } } }"
				.formatted(gid("Program", "union-state")))
			.execute()
			.path("node.established")
			.entity(MAP)
			.isEqualTo(Map.of("value", "2000-01-26", "precision", "DAY"))
			.path("node.description")
			.entity(String.class)
			.satisfies(description -> assertThat(description).contains("8 December 1999").contains("26 January 2000"));
		assertThat(status("mem-by-union-state", "2000-01-25")).isNull();
		assertThat(status("mem-ru-union-state", "2000-01-26")).isEqualTo("ACTIVE");
	}

	private static Map<String, Object> sector(String description) {
		Map<String, Object> target = new HashMap<>();
		target.put("kind", "SECTOR");
		target.put("description", description);
		target.put("person", null);
		target.put("party", null);
		target.put("country", Map.of("code", "BY"));
		return target;
	}

	/** One field of each map in a list of maps from a response. */
	private static List<Object> each(Object maps, String key) {
		return ((List<?>) maps).stream().<Object>map(map -> ((Map<?, ?>) map).get(key)).toList();
	}

	private static Map<String, Object> only(List<Map<String, Object>> measures) {
		assertThat(measures).hasSize(1);
		return measures.get(0);
	}

	private List<Map<String, Object>> measures(Map<String, Object> filter) {
		return this.graphQl.document(MEASURES)
			.variable("filter", filter)
			.execute()
			.path("measures.nodes")
			.entityList(MAP)
			.get();
	}

	private List<String> titles(Map<String, Object> filter) {
		return measures(filter).stream().map(measure -> (String) measure.get("title")).toList();
	}

	private String status(String membership, String day) {
		Map<String, Object> node = this.graphQl.documentName("membershipStatus")
			.variable("id", gid("Membership", membership))
			.variable("on", day)
			.execute()
			.path("node")
			.entity(MAP)
			.get();
		return (String) node.get("status");
	}

}
