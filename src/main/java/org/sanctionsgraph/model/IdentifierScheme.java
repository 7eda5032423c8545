package org.sanctionsgraph.model;

/** The register an {@link Identifier} comes from. */
public enum IdentifierScheme {

	PASSPORT, NATIONAL_ID, TAX_NUMBER, COMPANY_NUMBER, LEI, OTHER

}
