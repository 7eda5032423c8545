package org.sanctionsgraph.search;

/**
 * One record found by name.
 *
 * @param recordType the GraphQL type of the record
 * @param recordId the record's key
 * @param score Lucene's relevance score (higher is better; comparable within one search)
 * @param matchedName the name or alias that matched best
 * @param reason why it matched
 */
public record SearchHit(String recordType, String recordId, float score, String matchedName, MatchReason reason) {
}
