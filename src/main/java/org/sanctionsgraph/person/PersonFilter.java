package org.sanctionsgraph.person;

/** The PersonFilter input as sent by a client. */
record PersonFilter(String nationality, Boolean holdsPosition, Boolean sanctioned, String identifier) {
}
