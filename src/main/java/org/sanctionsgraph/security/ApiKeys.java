package org.sanctionsgraph.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import org.bson.types.ObjectId;
import org.sanctionsgraph.paging.Connection;
import org.sanctionsgraph.paging.PageArgs;
import org.sanctionsgraph.paging.Pager;
import org.sanctionsgraph.graphql.UserError;
import org.sanctionsgraph.graphql.UserErrorCode;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/**
 * Issues, lists, checks and revokes API keys. Secrets exist only in the issuer's answer.
 */
@Service
public class ApiKeys {

	/** Every secret starts with this, so it is never mistaken for a JWT. */
	public static final String PREFIX = "sgk_";

	/**
	 * How stale a key's last use may be before a request records it again: no write per
	 * request.
	 */
	static final Duration LAST_USED_PRECISION = Duration.ofMinutes(1);

	private static final SecureRandom RANDOM = new SecureRandom();

	private final MongoTemplate mongo;

	private final Pager pager;

	private final Clock clock;

	ApiKeys(MongoTemplate mongo, Pager pager, ObjectProvider<Clock> clock) {
		this.mongo = mongo;
		this.pager = pager;
		this.clock = clock.getIfAvailable(Clock::systemUTC);
	}

	/** A new key and its secret, shown once; or, when nothing was issued, why. */
	public record Issued(ApiKey key, String secret, List<UserError> userErrors) {
	}

	/**
	 * Issues a key unless {@code errors} already says why not; the check for ADMIN comes
	 * first so only admins learn anything. Names are unique by an index, so of concurrent
	 * requests for one name exactly one succeeds and the others get {@code DUPLICATE}.
	 */
	@PreAuthorize("hasRole('ADMIN')")
	public Issued issue(String name, List<Role> roles, String issuedBy, List<UserError> errors) {
		if (!errors.isEmpty()) {
			return new Issued(null, null, errors);
		}
		byte[] random = new byte[32];
		RANDOM.nextBytes(random);
		String secret = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(random);
		try {
			return new Issued(store(name, roles, secret, issuedBy), secret, List.of());
		}
		catch (DuplicateKeyException ex) {
			ApiKey existing = byName(name);
			return new Issued(null, null, List.of(new UserError("input.name", "an API key with this name exists",
					UserErrorCode.DUPLICATE, existing == null ? null : existing.id(), null)));
		}
	}

	/**
	 * Revokes a key (any key, the bootstrap key included); revoking it again changes
	 * nothing.
	 */
	@PreAuthorize("hasRole('ADMIN')")
	public Optional<ApiKey> revoke(String id, String revokedBy) {
		this.mongo.updateFirst(Query.query(Criteria.where("_id").is(id).and("revokedAt").is(null)),
				new Update().set("revokedAt", this.clock.instant()).set("revokedBy", revokedBy), ApiKey.class);
		return Optional.ofNullable(this.mongo.findById(id, ApiKey.class));
	}

	/** A page of all keys, oldest first, revoked ones included. */
	@PreAuthorize("hasRole('ADMIN')")
	public Connection<ApiKey> list(PageArgs args, boolean count) {
		return this.pager.page(ApiKey.class, null, args, count);
	}

	/** The active key with this secret, if any; records its use at most once a minute. */
	public Optional<ApiKey> authenticate(String secret) {
		Optional<ApiKey> key = byHash(hash(secret)).filter(ApiKey::active);
		key.ifPresent(this::recordUse);
		return key;
	}

	/**
	 * Sets the key's last use when the stored one is older than
	 * {@link #LAST_USED_PRECISION}; the condition repeats that check in the database, so
	 * concurrent requests change it once.
	 */
	private void recordUse(ApiKey key) {
		Instant now = this.clock.instant();
		Instant stale = now.minus(LAST_USED_PRECISION);
		if (key.lastUsedAt() != null && key.lastUsedAt().isAfter(stale)) {
			return;
		}
		Criteria due = new Criteria().orOperator(Criteria.where("lastUsedAt").is(null),
				Criteria.where("lastUsedAt").lte(stale));
		this.mongo.updateFirst(Query.query(new Criteria().andOperator(Criteria.where("_id").is(key.id()), due)),
				Update.update("lastUsedAt", now), ApiKey.class);
	}

	Optional<ApiKey> byHash(String hash) {
		return Optional.ofNullable(this.mongo.findOne(Query.query(Criteria.where("hash").is(hash)), ApiKey.class));
	}

	ApiKey byName(String name) {
		return this.mongo.findOne(Query.query(Criteria.where("name").is(name)), ApiKey.class);
	}

	boolean anyActiveAdmin() {
		return this.mongo.exists(Query.query(Criteria.where("roles").is(Role.ADMIN.name()).and("revokedAt").is(null)),
				ApiKey.class);
	}

	/**
	 * Stores a key whose secret was chosen elsewhere (the bootstrap admin key from
	 * configuration).
	 */
	ApiKey store(String name, List<Role> roles, String secret, String createdBy) {
		ApiKey key = new ApiKey(new ObjectId().toHexString(), name, List.copyOf(roles), hash(secret), createdBy,
				this.clock.instant(), null, null, null, null);
		return this.mongo.insert(key);
	}

	/**
	 * Gives keys stored before keys were listed their sort key, so every key appears in
	 * the listing.
	 */
	void addMissingSortKeys() {
		for (ApiKey key : this.mongo.find(Query.query(Criteria.where("sortKey").exists(false)), ApiKey.class)) {
			this.mongo.updateFirst(Query.query(Criteria.where("_id").is(key.id())), Update.update("sortKey", key.id()),
					ApiKey.class);
		}
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
