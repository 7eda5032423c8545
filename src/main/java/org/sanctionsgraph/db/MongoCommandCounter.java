package org.sanctionsgraph.db;

import java.util.concurrent.atomic.AtomicLong;

import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.stereotype.Component;

/**
 * Counts the commands the app sends to MongoDB (every round trip), exposed as the metric
 * {@code sanctions.mongodb.commands}; tests use it to prove that batch loading keeps round trips
 * independent of page sizes.
 */
@Component
public class MongoCommandCounter implements CommandListener {

	private final AtomicLong started = new AtomicLong();

	MongoCommandCounter(MeterRegistry registry) {
		FunctionCounter.builder("sanctions.mongodb.commands", this.started, AtomicLong::get)
			.description("Commands sent to MongoDB")
			.register(registry);
	}

	@Override
	public void commandStarted(CommandStartedEvent event) {
		this.started.incrementAndGet();
	}

	public long count() {
		return this.started.get();
	}

}
