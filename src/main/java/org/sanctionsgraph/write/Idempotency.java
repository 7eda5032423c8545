package org.sanctionsgraph.write;

import org.sanctionsgraph.graphql.UserError;
import org.sanctionsgraph.graphql.UserErrorCode;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;

import org.bson.Document;
import org.sanctionsgraph.paging.Pager;
import org.sanctionsgraph.paging.Sortable;
import org.sanctionsgraph.security.Actor;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Makes a mutation safe to repeat: the first request with an idempotency key claims the key (a
 * unique document per caller and key), runs, and stores its outcome; a repeat returns that outcome
 * (the record as it is now, or the same user errors) and writes nothing.
 */
@Component
class Idempotency {

	static final String COLLECTION = "idempotencyKeys";

	static final int KEY_MAX = 200;

	private final MongoTemplate mongo;

	private final Pager pager;

	Idempotency(MongoTemplate mongo, Pager pager) {
		this.mongo = mongo;
		this.pager = pager;
	}

	<T extends Sortable> Payload<T> run(String key, String operation, Class<T> type, Supplier<Payload<T>> mutation) {
		if (key == null) {
			return mutation.get();
		}
		if (key.isBlank() || key.length() > KEY_MAX) {
			return Payload.failed(List.of(UserError.of("input.idempotencyKey", UserErrorCode.INVALID,
					"must be 1 to " + KEY_MAX + " characters")));
		}
		String id = Actor.current() + "\u0000" + key;
		try {
			this.mongo.insert(new Document("_id", id).append("operation", operation)
				.append("state", "IN_PROGRESS")
				.append("at", Instant.now()), COLLECTION);
		}
		catch (DuplicateKeyException ex) {
			return replay(id, operation, type);
		}
		Payload<T> payload;
		try {
			payload = mutation.get();
		}
		catch (RuntimeException ex) {
			this.mongo.remove(Query.query(Criteria.where("_id").is(id)), COLLECTION);
			throw ex;
		}
		List<Document> errors = payload.userErrors()
			.stream()
			.map(error -> new Document("field", error.field()).append("message", error.message())
				.append("code", error.code().name())
				.append("existingId", error.existingId())
				.append("currentRevision", error.currentRevision()))
			.toList();
		this.mongo.updateFirst(Query.query(Criteria.where("_id").is(id)),
				new Update().set("state", "DONE")
					.set("recordId", payload.record() == null ? null : payload.record().id())
					.set("userErrors", errors),
				COLLECTION);
		return payload;
	}

	private <T extends Sortable> Payload<T> replay(String id, String operation, Class<T> type) {
		Document stored = this.mongo.findById(id, Document.class, COLLECTION);
		if (stored == null || !operation.equals(stored.getString("operation"))) {
			return Payload.failed(List.of(UserError.of("input.idempotencyKey", UserErrorCode.INVALID,
					"was already used for another operation")));
		}
		if (!"DONE".equals(stored.getString("state"))) {
			return Payload.failed(List.of(UserError.of("input.idempotencyKey", UserErrorCode.IN_PROGRESS,
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

}
