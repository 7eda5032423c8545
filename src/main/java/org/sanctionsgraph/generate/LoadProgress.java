package org.sanctionsgraph.generate;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A bulk load's progress in the log, at least every {@link #EVERY} while records are
 * stored: what is being loaded, how many so far, and the rate since the load began.
 */
final class LoadProgress {

	static final Duration EVERY = Duration.ofSeconds(10);

	private static final Logger log = LoggerFactory.getLogger(LoadProgress.class);

	private final String load;

	private final Clock clock;

	private final Instant started;

	private Instant logged;

	private long stored;

	private long read;

	LoadProgress(String load, Clock clock) {
		this.load = load;
		this.clock = clock;
		this.started = clock.instant();
		this.logged = this.started;
	}

	/** Counts records just stored, and logs if the last line is {@link #EVERY} old. */
	void stored(String what, long count) {
		this.stored += count;
		report(what);
	}

	/** Counts one input row read (the clock is looked at every thousand rows). */
	void read(String what) {
		if (++this.read % 1000 == 0) {
			report(what);
		}
	}

	private void report(String what) {
		Instant now = this.clock.instant();
		if (Duration.between(this.logged, now).compareTo(EVERY) >= 0) {
			this.logged = now;
			long millis = Math.max(1, Duration.between(this.started, now).toMillis());
			log.info("{}: {}, {} rows read and {} records stored so far ({} records a second)", this.load, what,
					this.read, this.stored, this.stored * 1000 / millis);
		}
	}

	long stored() {
		return this.stored;
	}

}
