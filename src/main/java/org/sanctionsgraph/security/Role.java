package org.sanctionsgraph.security;

/** What a caller may do. Each role includes the ones before it. */
public enum Role {

	/** Read, where a deployment requires a key to read. */
	READER,
	/** Record and amend data. */
	ANALYST,
	/** Issue and revoke keys. */
	ADMIN

}
