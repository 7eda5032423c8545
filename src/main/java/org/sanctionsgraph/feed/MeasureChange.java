package org.sanctionsgraph.feed;

import java.time.Instant;

import org.sanctionsgraph.measure.Measure;
import org.sanctionsgraph.security.ActorVisibility;

import org.springframework.security.core.Authentication;

/**
 * A change as one caller sees it (the {@code MeasureChange} type): the actor is shown as
 * the caller's role allows, decided when the answer is built.
 */
record MeasureChange(String cursor, MeasureOperation operation, Instant at, String actor, Measure measure) {

	static MeasureChange of(FeedEntry entry, Authentication caller) {
		return new MeasureChange(entry.cursor(), entry.operation(), entry.at(),
				ActorVisibility.shown(entry.actor(), caller), entry.measure());
	}

}
