package org.sanctionsgraph.write;

import org.sanctionsgraph.records.RecordType;
import org.sanctionsgraph.records.RecordTypes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;

/**
 * Finishes writes that a crash interrupted between their two steps: a record whose change
 * was stored with its history entry still in {@code pendingHistory} gets that entry moved
 * to the history collection. Runs once the beans are ready and before the web server
 * opens its port (which happens later in the context's refresh), so no request can read a
 * record whose history is incomplete.
 */
@Component
class PendingHistorySweep implements SmartInitializingSingleton {

	private static final Logger log = LoggerFactory.getLogger(PendingHistorySweep.class);

	private final RecordTypes types;

	private final RecordWriter writer;

	PendingHistorySweep(RecordTypes types, RecordWriter writer) {
		this.types = types;
		this.writer = writer;
	}

	@Override
	public void afterSingletonsInstantiated() {
		int records = 0;
		for (RecordType<?> type : this.types.all()) {
			records += this.writer.drainAll(type.documentClass());
		}
		if (records > 0) {
			log.info("Moved the history of {} interrupted writes into the history collection", records);
		}
	}

}
