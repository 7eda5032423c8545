package org.sanctionsgraph.security;

import java.time.Instant;
import java.util.List;

import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.mapping.FieldType;
import org.springframework.data.mongodb.core.mapping.MongoId;

/**
 * An API key as stored: its SHA-256 hash, never the secret itself.
 *
 * @param id the key's id
 * @param name who or what the key is for; recorded as the actor of every change made with it
 * @param roles what the key may do
 * @param hash hex SHA-256 of the secret
 * @param createdBy the name of the key or token that issued it
 * @param createdAt when it was issued
 * @param revokedAt when it was revoked; null while valid
 */
@Document("apiKeys")
public record ApiKey(@MongoId(FieldType.STRING) String id, String name, List<Role> roles,
		@Indexed(unique = true) String hash, String createdBy, Instant createdAt, Instant revokedAt) {

	public boolean active() {
		return revokedAt == null;
	}

}
