package org.sanctionsgraph.organization;

/** What kind of organisation a record describes. */
public enum OrganizationKind {

	COMPANY, PUBLIC_BODY, NGO, MEDIA, OTHER

}
