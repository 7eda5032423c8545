package org.sanctionsgraph.write;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.UnaryOperator;

import org.bson.types.ObjectId;
import org.sanctionsgraph.graphql.BadArgumentException;
import org.sanctionsgraph.graphql.GlobalId;
import org.sanctionsgraph.graphql.UserError;
import org.sanctionsgraph.graphql.UserErrorCode;
import org.sanctionsgraph.paging.Sortable;
import org.sanctionsgraph.records.RecordTypes;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/**
 * The one way data changes: every mutation of every feature goes through here, and each
 * method requires the ANALYST role, so no entry point can skip the check. A mutation
 * describes itself as a {@link Spec} and a validation that checks its input and returns
 * the typed change to make.
 */
@Service
public class Writes {

	private final MongoTemplate mongo;

	private final RecordTypes types;

	private final PartyResolver parties;

	private final RecordWriter writer;

	private final Idempotency idempotency;

	Writes(MongoTemplate mongo, RecordTypes types, PartyResolver parties, RecordWriter writer,
			Idempotency idempotency) {
		this.mongo = mongo;
		this.types = types;
		this.parties = parties;
		this.writer = writer;
		this.idempotency = idempotency;
	}

	/**
	 * What is written by one mutation.
	 *
	 * @param type the stored class (a registered record kind)
	 * @param operation the mutation's name, recorded in the history
	 * @param check rules about the resulting record as a whole (an end before the start,
	 * a duplicate)
	 */
	public record Spec<T extends Sortable>(Class<T> type, String operation, Function<T, List<UserError>> check) {

		public Spec(Class<T> type, String operation) {
			this(type, operation, record -> List.of());
		}

	}

	/**
	 * Thrown inside a write when the resulting record breaks a rule; nothing is written.
	 */
	static final class Rejected extends RuntimeException {

		final transient List<UserError> errors;

		Rejected(List<UserError> errors) {
			super(null, null, false, false);
			this.errors = errors;
		}

	}

	/**
	 * Records a new record: {@code validate} checks the input and returns how to build
	 * the record from its new id. {@code input} is the mutation's whole input as the
	 * client sent it: a repeat with its idempotency key must send the same.
	 */
	@PreAuthorize("hasRole('ANALYST')")
	public <T extends Sortable> Payload<T> record(Spec<T> spec, Object input, String idempotencyKey,
			Function<Checks, Function<String, T>> validate) {
		return this.idempotency.run(idempotencyKey, input, spec.operation(), spec.type(), () -> {
			Checks checks = checks(true, "input.fields");
			Function<String, T> create = validate.apply(checks);
			if (!checks.errors().isEmpty()) {
				return Payload.failed(checks.errors());
			}
			T record = create.apply(new ObjectId().toHexString());
			List<UserError> problems = spec.check().apply(record);
			if (!problems.isEmpty()) {
				return Payload.failed(problems);
			}
			try {
				return Payload.ok(this.writer.create(name(spec), spec.type(), record, spec.operation()));
			}
			catch (RuntimeException ex) {
				return Payload.failed(lostRace(spec, record, ex));
			}
		});
	}

	/**
	 * Changes an existing record at the revision the caller saw: {@code validate} checks
	 * the input and returns the change to apply to the current record ({@code input} as
	 * for {@link #record}).
	 */
	@PreAuthorize("hasRole('ANALYST')")
	public <T extends Sortable> Payload<T> amend(Spec<T> spec, Object input, String idField, String id, int revision,
			String idempotencyKey, String fieldsPath, Function<Checks, UnaryOperator<T>> validate) {
		return this.idempotency.run(idempotencyKey, input, spec.operation(), spec.type(), () -> {
			String recordType = name(spec);
			String key;
			try {
				key = GlobalId.decode(idField, id, recordType);
			}
			catch (BadArgumentException ex) {
				return Payload.failed(List
					.of(UserError.of(idField, UserErrorCode.INVALID, "'" + id + "' is not the id of a " + recordType)));
			}
			Checks checks = checks(false, fieldsPath);
			UnaryOperator<T> change = validate.apply(checks);
			if (!checks.errors().isEmpty()) {
				return Payload.failed(checks.errors());
			}
			List<T> attempted = new ArrayList<>(1);
			try {
				RecordWriter.Outcome<T> outcome = this.writer.update(recordType, spec.type(), key, revision,
						spec.operation(), current -> {
							T changed = change.apply(current);
							List<UserError> problems = spec.check().apply(changed);
							if (!problems.isEmpty()) {
								throw new Rejected(problems);
							}
							attempted.add(changed);
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
				return Payload.failed(
						List.of(UserError.of(idField, UserErrorCode.NOT_FOUND, "no " + recordType + " has this id")));
			}
			catch (Rejected rejected) {
				return Payload.failed(rejected.errors);
			}
			catch (RuntimeException ex) {
				if (attempted.isEmpty()) {
					throw ex;
				}
				return Payload.failed(lostRace(spec, attempted.get(0), ex));
			}
		});
	}

	/**
	 * The errors for a write that a unique index refused: another writer stored the same
	 * record between the rules' check and this write. The rules, asked again, now see
	 * that record and name it; nothing was written (the refused insert or replace is the
	 * write's only step, or its transaction was rolled back). In a transaction the loser
	 * may learn of the winner as a write conflict instead.
	 */
	private static <T extends Sortable> List<UserError> lostRace(Spec<T> spec, T record, RuntimeException ex) {
		if (!RecordWriter.duplicateKey(ex) && !RecordWriter.transientTransactionError(ex)) {
			throw ex;
		}
		List<UserError> problems = spec.check().apply(record);
		if (problems.isEmpty()) {
			throw ex;
		}
		return problems;
	}

	/**
	 * A refusal decided before any data is touched; still only for callers allowed to
	 * write.
	 */
	@PreAuthorize("hasRole('ANALYST')")
	public <T> Payload<T> reject(List<UserError> errors) {
		return Payload.failed(errors);
	}

	private Checks checks(boolean creating, String prefix) {
		return new Checks(this.mongo, this.types, this.parties, creating, prefix);
	}

	private String name(Spec<?> spec) {
		return this.types.of(spec.type()).name();
	}

}
