package org.sanctionsgraph.person;

/** A person's gender as registers record it. */
public enum Gender {

	MALE, FEMALE, OTHER

}
