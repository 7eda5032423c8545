package org.sanctionsgraph.measure;

/** What a measure is aimed at. */
public enum TargetKind {

	PARTY, PERSON, ORGANIZATION, SECTOR, GROUP

}
