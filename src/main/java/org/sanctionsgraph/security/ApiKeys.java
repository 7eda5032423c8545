package org.sanctionsgraph.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import org.bson.types.ObjectId;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/** Issues, checks and revokes API keys. Secrets exist only in the issuer's answer. */
@Service
public class ApiKeys {

	/** Every secret starts with this, so it is never mistaken for a JWT. */
	public static final String PREFIX = "sgk_";

	private static final SecureRandom RANDOM = new SecureRandom();

	private final MongoTemplate mongo;

	ApiKeys(MongoTemplate mongo) {
		this.mongo = mongo;
	}

	/** A new key and its secret, shown once. */
	public record Issued(ApiKey key, String secret) {
	}

	/** Issues a key when {@code valid}; the check comes first so only admins learn anything. */
	@PreAuthorize("hasRole('ADMIN')")
	public Issued issue(String name, List<Role> roles, String issuedBy, boolean valid) {
		if (!valid) {
			return null;
		}
		byte[] random = new byte[32];
		RANDOM.nextBytes(random);
		String secret = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(random);
		return new Issued(store(name, roles, secret, issuedBy), secret);
	}

	@PreAuthorize("hasRole('ADMIN')")
	public Optional<ApiKey> revoke(String id) {
		this.mongo.updateFirst(Query.query(Criteria.where("_id").is(id).and("revokedAt").is(null)),
				Update.update("revokedAt", Instant.now()), ApiKey.class);
		return Optional.ofNullable(this.mongo.findById(id, ApiKey.class));
	}

	/** The active key with this secret, if any. */
	public Optional<ApiKey> authenticate(String secret) {
		ApiKey key = this.mongo.findOne(Query.query(Criteria.where("hash").is(hash(secret))), ApiKey.class);
		return Optional.ofNullable(key).filter(ApiKey::active);
	}

	boolean anyActiveAdmin() {
		return this.mongo.exists(Query.query(Criteria.where("roles").is(Role.ADMIN.name()).and("revokedAt").is(null)),
				ApiKey.class);
	}

	/** Stores a key whose secret was chosen elsewhere (the bootstrap admin key from configuration). */
	ApiKey store(String name, List<Role> roles, String secret, String createdBy) {
		ApiKey key = new ApiKey(new ObjectId().toHexString(), name, List.copyOf(roles), hash(secret), createdBy,
				Instant.now(), null);
		return this.mongo.insert(key);
	}

	static String hash(String secret) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(digest);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
