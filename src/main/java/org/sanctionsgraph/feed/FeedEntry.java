package org.sanctionsgraph.feed;

import java.time.Instant;

import org.sanctionsgraph.measure.Measure;

/**
 * One change of the feed as stored: its history entry's id (the feed's position), what it
 * did, when, the stored actor, and the measure right after it.
 */
public record FeedEntry(String id, MeasureOperation operation, Instant at, String actor, Measure measure) {

}
