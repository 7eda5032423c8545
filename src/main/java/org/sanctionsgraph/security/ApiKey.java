package org.sanctionsgraph.security;

import java.time.Instant;
import java.util.List;

import org.sanctionsgraph.paging.Sortable;

import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.mapping.FieldType;
import org.springframework.data.mongodb.core.mapping.MongoId;

/**
 * An API key as stored: its SHA-256 hash, never the secret itself.
 *
 * @param id the key's id
 * @param name who or what the key is for, unique; changes made with it are recorded under
 * {@code key:<name>}
 * @param roles what the key may do
 * @param hash hex SHA-256 of the secret
 * @param createdBy the actor that issued it ({@code configuration} for the bootstrap key)
 * @param createdAt when it was issued
 * @param revokedAt when it was revoked; null while valid
 * @param revokedBy the actor that revoked it; null while valid
 * @param lastUsedAt when it last authenticated a request, to the minute; null if never
 * @param sortKey the listing order: the id, which grows with the time of issue
 */
@Document("apiKeys")
@CompoundIndex(name = "listing", def = "{'sortKey': 1, '_id': 1}")
public record ApiKey(@MongoId(FieldType.STRING) String id, @Indexed(unique = true) String name, List<Role> roles,
		@Indexed(unique = true) String hash, String createdBy, Instant createdAt, Instant revokedAt, String revokedBy,
		Instant lastUsedAt, String sortKey) implements Sortable {

	public ApiKey {
		sortKey = id;
	}

	public boolean active() {
		return revokedAt == null;
	}

}
