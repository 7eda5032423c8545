package org.sanctionsgraph.tie;

/** One end of a tie: {@code from} (relative, owner, director, member) or {@code to}. */
enum TieSide {

	FROM, TO

}
