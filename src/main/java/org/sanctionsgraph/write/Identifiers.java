package org.sanctionsgraph.write;

import java.util.ArrayList;
import java.util.List;

import org.sanctionsgraph.graphql.UserErrorCode;
import org.sanctionsgraph.model.Identifier;
import org.sanctionsgraph.model.IdentifierScheme;

/**
 * Checks identifiers as people and organisations send them, so both validate them alike.
 */
public final class Identifiers {

	/**
	 * The longest identifier value accepted (LEIs have 20 characters, passports fewer).
	 */
	static final int VALUE_MAX = 100;

	private Identifiers() {
	}

	/** An identifier as a client sends it. */
	public record IdentifierInput(IdentifierScheme scheme, String value, String country) {
	}

	/**
	 * The checked identifiers, or null when none were given (or some are wrong: the
	 * errors are then in {@code checks}). An identifier is whole or absent: its scheme
	 * and value are required in an amendment too.
	 */
	public static List<Identifier> check(Checks checks, String field, List<IdentifierInput> input) {
		if (input == null || checks.list(field, input, false) == null) {
			return null;
		}
		List<Identifier> identifiers = new ArrayList<>();
		for (int i = 0; i < input.size(); i++) {
			IdentifierInput identifier = input.get(i);
			String at = field + "[" + i + "]";
			if (identifier.scheme() == null) {
				checks.error(at + ".scheme", UserErrorCode.REQUIRED,
						"is required (PASSPORT, NATIONAL_ID, TAX_NUMBER, COMPANY_NUMBER, LEI or OTHER)");
			}
			String value = null;
			if (identifier.value() == null) {
				checks.error(at + ".value", UserErrorCode.REQUIRED, "is required");
			}
			else {
				value = checks.text(at + ".value", identifier.value(), VALUE_MAX, true);
			}
			String country = checks.party(at + ".country", identifier.country(), false);
			if (identifier.scheme() != null && value != null) {
				identifiers.add(new Identifier(identifier.scheme(), value, country));
			}
		}
		return identifiers;
	}

}
