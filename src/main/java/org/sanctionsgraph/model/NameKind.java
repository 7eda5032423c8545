package org.sanctionsgraph.model;

/** The role of one spelling of a name, after FollowTheMoney's name properties. */
public enum NameKind {

	ALIAS, PREVIOUS_NAME, WEAK_ALIAS

}
