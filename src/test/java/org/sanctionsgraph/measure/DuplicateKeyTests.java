package org.sanctionsgraph.measure;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The duplicate key is stored with every measure and a unique index holds it, so the keys
 * computed today must equal those computed when the stored measures were written: these
 * tests spell the key's text out by hand.
 */
class DuplicateKeyTests {

	private static final Target BELARUS = new Target(TargetKind.PARTY, "BY", null, null, null, null);

	private static final Target SECTOR = new Target(TargetKind.SECTOR, null, null, null, "potash", "BY");

	@Test
	void theKeyIsTheHashOfTheLengthPrefixedFieldsWithEachSetSortedAndCountedOnce() throws Exception {
		String key = DuplicateKey.of(MeasureKind.SANCTION, List.of("EU", "CA", "EU"), List.of(SECTOR, BELARUS),
				List.of(MeasureType.TRAVEL_BAN, MeasureType.ASSET_FREEZE, MeasureType.TRAVEL_BAN), "2021-06-24");
		String belarus = "5:PARTY" + "2:BY" + "-" + "-" + "-" + "2:BY";
		String sector = "6:SECTOR" + "-" + "-" + "-" + "6:potash" + "2:BY";
		String text = "8:SANCTION" + "10:2021-06-24" + "1:2" + "2:CA" + "2:EU" + "1:2" + "12:ASSET_FREEZE"
				+ "10:TRAVEL_BAN" + "1:2" + belarus.length() + ":" + belarus + sector.length() + ":" + sector;
		assertThat(key).isEqualTo(sha256(text));
	}

	@Test
	void emptySetsAndATargetWithNoKindAreSpelledOutToo() throws Exception {
		Target described = new Target(null, null, null, null, "officials", null);
		String key = DuplicateKey.of(MeasureKind.COUNTERMEASURE, List.of(), List.of(described), List.of(),
				"2021-06-28");
		String target = "-" + "-" + "-" + "-" + "9:officials" + "-";
		String text = "14:COUNTERMEASURE" + "10:2021-06-28" + "1:0" + "1:0" + "1:1" + target.length() + ":" + target;
		assertThat(key).isEqualTo(sha256(text));
	}

	@Test
	void theOrderAndRepetitionOfImposersTypesAndTargetsDoNotChangeTheKey() {
		String key = DuplicateKey.of(MeasureKind.COUNTERMEASURE, List.of("BY", "RU"), List.of(BELARUS, SECTOR),
				List.of(MeasureType.ENVOY_RECALL, MeasureType.WITHDRAWAL), "2021-06-28");
		assertThat(
				DuplicateKey.of(MeasureKind.COUNTERMEASURE, List.of("RU", "BY", "RU"), List.of(SECTOR, BELARUS, SECTOR),
						List.of(MeasureType.WITHDRAWAL, MeasureType.ENVOY_RECALL), "2021-06-28"))
			.isEqualTo(key);
		assertThat(DuplicateKey.of(MeasureKind.COUNTERMEASURE, List.of("BY"), List.of(BELARUS, SECTOR),
				List.of(MeasureType.ENVOY_RECALL, MeasureType.WITHDRAWAL), "2021-06-28"))
			.isNotEqualTo(key);
		assertThat(DuplicateKey.of(MeasureKind.COUNTERMEASURE, List.of("BY", "RU"), List.of(BELARUS, SECTOR),
				List.of(MeasureType.ENVOY_RECALL, MeasureType.WITHDRAWAL), "2021-06-29"))
			.isNotEqualTo(key);
	}

	@Test
	void valuesThatRunTogetherStillMakeDifferentKeys() {
		// without the length prefixes both would read "ABC" then "D"
		assertThat(DuplicateKey.of(MeasureKind.SANCTION, List.of("AB", "CD"), List.of(), List.of(), "2021-01-01"))
			.isNotEqualTo(
					DuplicateKey.of(MeasureKind.SANCTION, List.of("ABC", "D"), List.of(), List.of(), "2021-01-01"));
	}

	@Test
	void aMeasureWithNoKnownStartOrKindHasNoKey() {
		assertThat(DuplicateKey.of(MeasureKind.SANCTION, List.of("EU"), List.of(), List.of(), null)).isNull();
		assertThat(DuplicateKey.of(null, List.of("EU"), List.of(), List.of(), "2021-01-01")).isNull();
	}

	private static String sha256(String text) throws Exception {
		return HexFormat.of()
			.formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
	}

}
