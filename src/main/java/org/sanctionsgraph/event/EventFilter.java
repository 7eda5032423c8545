package org.sanctionsgraph.event;

import java.time.LocalDate;

/** The EventFilter input as sent by a client. */
record EventFilter(String party, EventKind kind, LocalDate from, LocalDate to) {
}
