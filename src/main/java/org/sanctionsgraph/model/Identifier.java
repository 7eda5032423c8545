package org.sanctionsgraph.model;

/**
 * A number that identifies a person or an organisation in some register: what screening
 * matches on when names are ambiguous.
 *
 * @param scheme the kind of number (passport, tax number, company number...)
 * @param value the number as the register writes it
 * @param countryId the party that issued it, when known
 */
public record Identifier(IdentifierScheme scheme, String value, String countryId) {
}
