package org.sanctionsgraph.legalact;

/**
 * One identifier of a legal act in an official register.
 *
 * @param scheme the register
 * @param value the identifier there, such as {@code 32021R1030}
 */
public record LegalActIdentifier(LegalActScheme scheme, String value) {
}
