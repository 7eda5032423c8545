package org.sanctionsgraph.ftm;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.sanctionsgraph.model.Identifier;
import org.sanctionsgraph.model.IdentifierScheme;

/**
 * Identifiers and the FtM properties that hold them on a person or organisation
 * ({@code passportNumber}, {@code idNumber}, {@code taxNumber},
 * {@code registrationNumber}, {@code leiCode}). FtM gives such a property no issuing
 * country, so an identifier's country, and identifiers of scheme OTHER, are not carried.
 */
final class FtmIdentifiers {

	static final Map<IdentifierScheme, String> PROPERTIES = new LinkedHashMap<>();

	static {
		PROPERTIES.put(IdentifierScheme.PASSPORT, "passportNumber");
		PROPERTIES.put(IdentifierScheme.NATIONAL_ID, "idNumber");
		PROPERTIES.put(IdentifierScheme.TAX_NUMBER, "taxNumber");
		PROPERTIES.put(IdentifierScheme.COMPANY_NUMBER, "registrationNumber");
		PROPERTIES.put(IdentifierScheme.LEI, "leiCode");
	}

	/** The longest identifier value accepted, as the write path checks it. */
	private static final int VALUE_MAX = 100;

	private FtmIdentifiers() {
	}

	static List<Identifier> take(Unmapped props, List<IdentifierScheme> schemes) {
		List<Identifier> identifiers = new ArrayList<>();
		for (IdentifierScheme scheme : schemes) {
			String property = PROPERTIES.get(scheme);
			for (String value : props.take(property)) {
				identifiers.add(new Identifier(scheme, props.text(property, value, VALUE_MAX), null));
			}
		}
		return Unmapped.bounded("identifiers", identifiers);
	}

	static void put(FtmLine line, List<Identifier> identifiers) {
		for (Identifier identifier : identifiers) {
			String property = PROPERTIES.get(identifier.scheme());
			if (property != null) {
				line.put(property, identifier.value());
			}
		}
	}

}
