package org.sanctionsgraph.source;

/** What kind of document a source is. */
public enum SourceKind {

	NEWS_REPORT, OFFICIAL_PUBLICATION, GOVERNMENT_STATEMENT, REFERENCE

}
