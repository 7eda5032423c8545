package org.sanctionsgraph.embedded;

import java.util.concurrent.atomic.AtomicLong;

import org.h2.mvstore.MVStore;

/**
 * Makes acknowledged writes durable: a writer calls {@link #awaitDurable()} after its
 * change is in the store and before it is answered, and returns once that change is
 * committed to the data file and the file is synced to the disk (fsync). Writers that
 * arrive while a sync runs share the next one (group commit): each takes a ticket after
 * its change, and one commit covers every ticket taken before it started, so under
 * concurrent writes there are fewer syncs than writes.
 *
 * <p>
 * The store's background auto-commit is switched off: it hands its chunk to a background
 * writer and returns, after which a commit here would find nothing left to save and could
 * sync before that chunk reached the file. With it off, every commit writes in the
 * calling thread.
 */
final class GroupCommit {

	private final MVStore store;

	/** Tickets handed out: the number of writes applied so far. */
	private final AtomicLong applied = new AtomicLong();

	/** The highest ticket known to be on disk. Guarded by this. */
	private long durable;

	/**
	 * Syncs done (for tests and the benchmark: with concurrent writers, fewer than
	 * writes).
	 */
	private final AtomicLong syncs = new AtomicLong();

	GroupCommit(MVStore store) {
		this.store = store;
		store.setAutoCommitDelay(0);
	}

	/** Returns once every change applied before the call is committed and synced. */
	void awaitDurable() {
		// taken after the caller's change: a commit that starts later than this includes
		// it
		long ticket = this.applied.incrementAndGet();
		synchronized (this) {
			if (this.durable >= ticket) {
				return;
			}
			long upTo = this.applied.get();
			this.store.commit();
			this.store.sync();
			this.syncs.incrementAndGet();
			this.durable = upTo;
		}
	}

	long syncs() {
		return this.syncs.get();
	}

}
