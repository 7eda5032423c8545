package org.sanctionsgraph.db;

/**
 * A store that can tell a start after a clean stop from one after a crash. The embedded
 * server can: its index snapshot is valid only after a clean stop, and only this app
 * writes to it. A MongoDB server, which other instances may write to while this one is
 * down, cannot, and has no such bean. What the app keeps in the store about its own data
 * (the list bounds) is taken back at a start only when the store can say this.
 */
@FunctionalInterface
public interface CleanStops {

	/**
	 * Whether this start follows a clean stop of the store, so every write it holds was
	 * told to the listeners of the app that made it before that app stopped.
	 */
	boolean followsCleanStop();

}
