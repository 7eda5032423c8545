package org.sanctionsgraph.write;

import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

import org.bson.types.ObjectId;

import org.springframework.stereotype.Component;

/**
 * Keeps the history's order, the order of its entries' ids, the order in which the
 * entries become visible. The feed, its subscriptions and the webhooks read the history
 * "after the last entry seen"; if an entry could appear after one with a greater id (two
 * writers, each taking an id and storing its entry, finishing in the other order), a
 * reader already past the greater id would never see it. So writes that store history run
 * one at a time in this instance, and take ids that always grow, even within one second
 * or when the clock steps back.
 *
 * <p>
 * This holds within one instance. Several instances writing at the same moment take ids
 * from separate sequences, and a change made through one can become visible after a later
 * one made through another (see "Several instances" in docs/live-feed.md).
 */
@Component
class HistoryOrder {

	private final ReentrantLock lock = new ReentrantLock();

	/** The last id handed out; read and moved only under the lock. */
	private ObjectId last;

	/** Runs a write that stores history entries, after any other such write. */
	<R> R run(Supplier<R> write) {
		this.lock.lock();
		try {
			return write.get();
		}
		finally {
			this.lock.unlock();
		}
	}

	/** A history entry's id, greater than every one before; only inside {@link #run}. */
	String next() {
		if (!this.lock.isHeldByCurrentThread()) {
			throw new IllegalStateException("History ids are taken only inside HistoryOrder.run");
		}
		ObjectId id = new ObjectId();
		if (this.last != null && id.compareTo(this.last) <= 0) {
			id = successor(this.last);
		}
		this.last = id;
		return id.toHexString();
	}

	/** The id one above {@code id}, read as a 12-byte unsigned number. */
	static ObjectId successor(ObjectId id) {
		byte[] bytes = id.toByteArray();
		for (int i = bytes.length - 1; i >= 0; i--) {
			bytes[i]++;
			if (bytes[i] != 0) {
				break;
			}
		}
		return new ObjectId(bytes);
	}

}
