package org.sanctionsgraph.model;

/**
 * Where a record comes from: a source, and optionally the short passage that supports it.
 *
 * @param sourceId the cited source
 * @param quote a short quotation from the source
 * @param note what the analyst inferred or added (for example a well-known date the
 * source omits)
 */
public record Citation(String sourceId, String quote, String note) {
}
