package org.sanctionsgraph.paging;

/** A document listed in pages, ordered by its sort key with its id breaking ties. */
public interface Sortable {

	String id();

	String sortKey();

}
