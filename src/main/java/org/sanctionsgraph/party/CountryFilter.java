package org.sanctionsgraph.party;

/** The CountryFilter input as sent by a client. */
record CountryFilter(String name) {
}
