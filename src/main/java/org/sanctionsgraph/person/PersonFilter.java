package org.sanctionsgraph.person;

import java.time.LocalDate;
import java.util.List;

/** The PersonFilter input as sent by a client. */
record PersonFilter(String nationality, Boolean holdsPosition, Boolean sanctioned, LocalDate sanctionedOn,
		List<String> sanctionedBy, String identifier) {
}
