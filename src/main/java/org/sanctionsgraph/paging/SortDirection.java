package org.sanctionsgraph.paging;

/**
 * The order of a list by its natural key (date for measures and events, name or code
 * otherwise).
 */
public enum SortDirection {

	ASC, DESC

}
