package org.sanctionsgraph.feed;

import java.time.Instant;

import org.sanctionsgraph.measure.Measure;

/**
 * One change of the feed as stored: its history entry's id (the feed's position) and the
 * signed cursor for it (made once, however many subscribers receive the change), what it
 * did, when, the stored actor, and the measure right after it.
 */
public record FeedEntry(String id, String cursor, MeasureOperation operation, Instant at, String actor,
		Measure measure) {

}
