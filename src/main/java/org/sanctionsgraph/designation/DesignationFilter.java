package org.sanctionsgraph.designation;

import java.time.LocalDate;

/**
 * The DesignationFilter input as sent by a client; {@link DesignationCriteria} turns it
 * into a query.
 */
record DesignationFilter(String measure, String target, LocalDate inForceOn) {
}
