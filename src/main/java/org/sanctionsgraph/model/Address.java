package org.sanctionsgraph.model;

import java.util.List;

/**
 * A postal address of a person or organisation (FollowTheMoney's Address).
 *
 * @param ftmId the FtM id of the Address entity it was imported from, when it was
 * @param full the whole address on one line
 * @param street street and number
 * @param city city or town
 * @param postalCode postal code
 * @param region region or state
 * @param countryId the party (country) the address is in
 * @param ftmExtra FtM properties of the address with no field here, kept for export
 */
public record Address(String ftmId, String full, String street, String city, String postalCode, String region,
		String countryId, List<FtmProperty> ftmExtra) {

	/**
	 * The most extra properties an address keeps (FtM's Address has about twenty
	 * properties, and a line a few top-level keys), so lists of them have a bound.
	 */
	public static final int EXTRA_MAX = 50;

	public Address {
		ftmExtra = Lists.orEmpty(ftmExtra);
	}

}
