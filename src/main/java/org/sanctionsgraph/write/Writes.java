package org.sanctionsgraph.write;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;

import org.bson.Document;
import org.bson.types.ObjectId;
import org.sanctionsgraph.graphql.BadArgumentException;
import org.sanctionsgraph.graphql.GlobalId;
import org.sanctionsgraph.paging.Sortable;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/**
 * The one way data changes: every mutation of every feature goes through here, and each method
 * requires the ANALYST role, so no entry point can skip the check. A mutation describes itself as a
 * {@link Spec} and a validation function that turns its input into stored fields.
 */
@Service
public class Writes {

	private final MongoTemplate mongo;

	private final RecordWriter writer;

	private final Idempotency idempotency;

	Writes(MongoTemplate mongo, RecordWriter writer, Idempotency idempotency) {
		this.mongo = mongo;
		this.writer = writer;
		this.idempotency = idempotency;
	}

	/**
	 * What is written by one mutation.
	 *
	 * @param recordType the GraphQL type of the record (its global-id type)
	 * @param type the stored class
	 * @param operation the mutation's name, recorded in the history
	 * @param check rules about the resulting record as a whole (an end before the start, a duplicate)
	 */
	public record Spec<T extends Sortable>(String recordType, Class<T> type, String operation,
			Function<T, List<UserError>> check) {

		public Spec(String recordType, Class<T> type, String operation) {
			this(recordType, type, operation, record -> List.of());
		}

	}

	/** Thrown inside a write when the resulting record breaks a rule; nothing is written. */
	static final class Rejected extends RuntimeException {

		final transient List<UserError> errors;

		Rejected(List<UserError> errors) {
			super(null, null, false, false);
			this.errors = errors;
		}

	}

	@PreAuthorize("hasRole('ANALYST')")
	public <T extends Sortable> Payload<T> record(Spec<T> spec, String idempotencyKey, Consumer<Checks> validate) {
		return this.idempotency.run(idempotencyKey, spec.operation(), spec.type(), () -> {
			Checks checks = new Checks(this.mongo, true, "input.fields");
			validate.accept(checks);
			if (!checks.errors().isEmpty()) {
				return Payload.failed(checks.errors());
			}
			T record = build(spec.type(), new Document("_id", new ObjectId().toHexString()), checks.fields());
			List<UserError> problems = spec.check().apply(record);
			if (!problems.isEmpty()) {
				return Payload.failed(problems);
			}
			return Payload.ok(this.writer.create(spec.recordType(), spec.type(), record, spec.operation()));
		});
	}

	@PreAuthorize("hasRole('ANALYST')")
	public <T extends Sortable> Payload<T> amend(Spec<T> spec, String idField, String id, int revision,
			String idempotencyKey, String fieldsPath, Consumer<Checks> validate) {
		return this.idempotency.run(idempotencyKey, spec.operation(), spec.type(), () -> {
			String key;
			try {
				key = GlobalId.decode(idField, id, spec.recordType());
			}
			catch (BadArgumentException ex) {
				return Payload.failed(List.of(UserError.of(idField, UserErrorCode.INVALID,
						"'" + id + "' is not the id of a " + spec.recordType())));
			}
			Checks checks = new Checks(this.mongo, false, fieldsPath);
			validate.accept(checks);
			if (!checks.errors().isEmpty()) {
				return Payload.failed(checks.errors());
			}
			try {
				RecordWriter.Outcome<T> outcome = this.writer.update(spec.recordType(), spec.type(), key, revision,
						spec.operation(), current -> {
							T changed = build(spec.type(), toDocument(current), checks.fields());
							List<UserError> problems = spec.check().apply(changed);
							if (!problems.isEmpty()) {
								throw new Rejected(problems);
							}
							return changed;
						});
				if (outcome instanceof RecordWriter.Outcome.Written<T> written) {
					return Payload.ok(written.record());
				}
				if (outcome instanceof RecordWriter.Outcome.Conflict<T> conflict) {
					return Payload.failed(List.of(new UserError("input.revision",
							"the record changed since revision " + revision + "; it is now at revision "
									+ conflict.currentRevision() + ": reload it and apply your change again",
							UserErrorCode.CONFLICT, null, (int) conflict.currentRevision())));
				}
				return Payload.failed(List
					.of(UserError.of(idField, UserErrorCode.NOT_FOUND, "no " + spec.recordType() + " has this id")));
			}
			catch (Rejected rejected) {
				return Payload.failed(rejected.errors);
			}
		});
	}

	/** A refusal decided before any data is touched; still only for callers allowed to write. */
	@PreAuthorize("hasRole('ANALYST')")
	public <T> Payload<T> reject(List<UserError> errors) {
		return Payload.failed(errors);
	}

	/** The record with the given stored fields replaced; derived fields are recomputed by its constructor. */
	private <T> T build(Class<T> type, Document base, Map<String, Object> fields) {
		Document doc = new Document(base);
		doc.putIfAbsent(RecordWriter.REVISION, 0L);
		fields.forEach((field, value) -> {
			if (value instanceof Checks.Append append) {
				List<Object> list = new ArrayList<>(doc.getList(field, Object.class, List.of()));
				list.add(this.mongo.getConverter().convertToMongoType(append.item()));
				doc.put(field, list);
			}
			else {
				doc.put(field, value == null ? null : this.mongo.getConverter().convertToMongoType(value));
			}
		});
		return this.mongo.getConverter().read(type, doc);
	}

	private Document toDocument(Object record) {
		Document doc = new Document();
		this.mongo.getConverter().write(record, doc);
		return doc;
	}

}
