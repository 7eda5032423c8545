package org.sanctionsgraph.event;

/** What kind of event a record describes. */
public enum EventKind {

	ELECTION, CRACKDOWN, INCIDENT, ARREST, ANNEXATION, ARMED_CONFLICT, MEETING, STATEMENT, AGREEMENT, OTHER

}
