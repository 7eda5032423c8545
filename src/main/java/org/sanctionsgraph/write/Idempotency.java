package org.sanctionsgraph.write;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import com.mongodb.MongoException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.sanctionsgraph.graphql.UserError;
import org.sanctionsgraph.graphql.UserErrorCode;
import org.sanctionsgraph.paging.Pager;
import org.sanctionsgraph.paging.Sortable;
import org.sanctionsgraph.security.Actor;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * Makes a mutation safe to repeat: the first request with an idempotency key claims the
 * key (a unique document per caller and key, holding a fingerprint of the input), runs,
 * and stores its outcome; a repeat with the same input returns that outcome (the record
 * as it is now, or the same user errors) and writes nothing, while the same key with
 * other input is refused.
 *
 * <p>
 * A key is remembered for {@link WriteProperties#idempotencyTtl()}: a TTL index removes
 * it on MongoDB, and a key read after its expiry counts as absent wherever the server has
 * not removed it yet (the embedded server does not run TTL indexes). A key left in
 * progress by a crashed request is taken over by the next request with it once
 * {@link WriteProperties#idempotencyStaleAfter()} has passed.
 */
@Component
class Idempotency implements SmartInitializingSingleton {

	static final String COLLECTION = "idempotencyKeys";

	static final int KEY_MAX = 200;

	private static final String FIELD = "input.idempotencyKey";

	private static final String IN_PROGRESS = "IN_PROGRESS";

	private static final String AT = "at";

	private static final String EXPIRES = "expiresAt";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final MongoTemplate mongo;

	private final Pager pager;

	private final WriteProperties properties;

	private final Clock clock;

	Idempotency(MongoTemplate mongo, Pager pager, WriteProperties properties, Clock clock) {
		this.mongo = mongo;
		this.pager = pager;
		this.properties = properties;
		this.clock = clock;
	}

	@Override
	public void afterSingletonsInstantiated() {
		// Each key carries its own expiry time, so changing the configured TTL needs no
		// index change.
		keys().createIndex(Indexes.ascending(EXPIRES),
				new IndexOptions().name("expiry").expireAfter(0L, TimeUnit.SECONDS));
	}

	/**
	 * Runs the mutation once per caller, key and input; {@code input} is what the client
	 * sent.
	 */
	<T extends Sortable> Payload<T> run(String key, Object input, String operation, Class<T> type,
			Supplier<Payload<T>> mutation) {
		if (key == null) {
			return mutation.get();
		}
		if (key.isBlank() || key.length() > KEY_MAX) {
			return Payload
				.failed(List.of(UserError.of(FIELD, UserErrorCode.INVALID, "must be 1 to " + KEY_MAX + " characters")));
		}
		String id = Actor.current() + "\u0000" + key;
		Instant now = this.clock.instant();
		Document claim = new Document("_id", id).append("operation", operation)
			.append("input", fingerprint(operation, input))
			.append("state", IN_PROGRESS)
			.append(AT, Date.from(now))
			.append(EXPIRES, Date.from(now.plus(this.properties.idempotencyTtl())));
		Document held = claim(claim, now);
		if (held != null) {
			return replay(held, claim, type);
		}
		Bson ours = Filters.and(Filters.eq("_id", id), Filters.eq(AT, claim.get(AT)));
		Payload<T> payload;
		try {
			payload = mutation.get();
		}
		catch (RuntimeException ex) {
			keys().deleteOne(ours);
			throw ex;
		}
		List<Document> errors = payload.userErrors()
			.stream()
			.map(error -> new Document("field", error.field()).append("message", error.message())
				.append("code", error.code().name())
				.append("existingId", error.existingId())
				.append("currentRevision", error.currentRevision()))
			.toList();
		keys().updateOne(ours,
				Updates.combine(Updates.set("state", "DONE"),
						Updates.set("recordId", payload.record() == null ? null : payload.record().id()),
						Updates.set("userErrors", errors)));
		return payload;
	}

	/**
	 * Claims the key for this request, taking it over when the stored claim expired or
	 * went stale; returns null when this request holds the key, else the claim that holds
	 * it.
	 */
	private Document claim(Document claim, Instant now) {
		Object id = claim.get("_id");
		for (int attempt = 0; attempt < 3; attempt++) {
			try {
				keys().insertOne(claim);
				return null;
			}
			catch (MongoException ex) {
				if (!RecordWriter.duplicateKey(ex)) {
					throw ex;
				}
			}
			Document stored = keys().find(Filters.eq("_id", id)).first();
			if (stored == null) {
				continue; // removed (expired) since the insert failed: try again
			}
			if (!expired(stored, now) && !stale(stored, now)) {
				return stored;
			}
			// Only one of several requests taking over the same old claim replaces it.
			if (keys().replaceOne(Filters.and(Filters.eq("_id", id), Filters.eq(AT, stored.get(AT))), claim)
				.getMatchedCount() == 1) {
				return null;
			}
		}
		throw new IllegalStateException("the idempotency key kept changing while it was claimed");
	}

	private boolean expired(Document stored, Instant now) {
		Date expires = stored.getDate(EXPIRES);
		Instant end = expires != null ? expires.toInstant()
				: stored.getDate(AT).toInstant().plus(this.properties.idempotencyTtl());
		return !end.isAfter(now);
	}

	private boolean stale(Document stored, Instant now) {
		Duration limit = this.properties.idempotencyStaleAfter();
		return IN_PROGRESS.equals(stored.getString("state"))
				&& !stored.getDate(AT).toInstant().plus(limit).isAfter(now);
	}

	private <T extends Sortable> Payload<T> replay(Document stored, Document claim, Class<T> type) {
		if (!claim.getString("operation").equals(stored.getString("operation"))) {
			return reused("another operation (" + stored.getString("operation") + ")");
		}
		// Keys stored before fingerprints were kept have none: those replay as they
		// always did.
		String input = stored.getString("input");
		if (input != null && !input.equals(claim.getString("input"))) {
			return reused("other input");
		}
		if (IN_PROGRESS.equals(stored.getString("state"))) {
			return Payload.failed(List.of(UserError.of(FIELD, UserErrorCode.IN_PROGRESS,
					"a request with this key is still being processed")));
		}
		String recordId = stored.getString("recordId");
		List<UserError> errors = stored.getList("userErrors", Document.class, List.of())
			.stream()
			.map(error -> new UserError(error.getString("field"), error.getString("message"),
					UserErrorCode.valueOf(error.getString("code")), error.getString("existingId"),
					error.getInteger("currentRevision")))
			.toList();
		T record = recordId == null ? null : this.pager.byId(type, recordId);
		return new Payload<>(record, errors);
	}

	private static <T> Payload<T> reused(String what) {
		return Payload.failed(List.of(UserError.of(FIELD, UserErrorCode.IDEMPOTENCY_KEY_REUSED,
				"was already used for " + what + "; send a new key with a new request")));
	}

	/**
	 * The input in one canonical text (record components in declaration order), hashed.
	 */
	private static String fingerprint(String operation, Object input) {
		return Fingerprint.of(operation + "\n" + JSON.writeValueAsString(input));
	}

	private MongoCollection<Document> keys() {
		return this.mongo.getCollection(COLLECTION);
	}

}
