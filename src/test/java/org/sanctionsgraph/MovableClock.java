package org.sanctionsgraph;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * A clock tests move instead of waiting: forward by hand, and optionally by a fixed step
 * at every reading. Times are whole milliseconds, as MongoDB stores them.
 */
public final class MovableClock extends Clock {

	private final Duration stepPerReading;

	private Instant now;

	/** A clock standing at {@code start} until moved. */
	public MovableClock(Instant start) {
		this(start, Duration.ZERO);
	}

	/** A clock that moves on by {@code stepPerReading} every time it is read. */
	public MovableClock(Instant start, Duration stepPerReading) {
		this.now = start;
		this.stepPerReading = stepPerReading;
	}

	public synchronized void advance(Duration duration) {
		this.now = this.now.plus(duration);
	}

	@Override
	public synchronized Instant instant() {
		this.now = this.now.plus(this.stepPerReading);
		return this.now;
	}

	@Override
	public ZoneId getZone() {
		return ZoneOffset.UTC;
	}

	@Override
	public Clock withZone(ZoneId zone) {
		return this;
	}

}
