package org.sanctionsgraph.measure;

/**
 * One target of a measure. A party, person or organisation target points at that record;
 * a sector or an unnamed group ("unspecified EU officials") is described in words and
 * tied to a country.
 *
 * @param kind what the target is
 * @param partyId the targeted party (kind PARTY)
 * @param personId the targeted person (kind PERSON)
 * @param organizationId the targeted organisation (kind ORGANIZATION)
 * @param description the sector or group in words (kinds SECTOR and GROUP)
 * @param countryId the party the target belongs to; for a party target, the party itself
 */
public record Target(TargetKind kind, String partyId, String personId, String organizationId, String description,
		String countryId) {

	public Target {
		if (kind == TargetKind.PARTY && countryId == null) {
			countryId = partyId;
		}
	}

}
