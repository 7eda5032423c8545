package org.sanctionsgraph.tie;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import org.sanctionsgraph.graphql.UserError;
import org.sanctionsgraph.graphql.UserErrorCode;

/**
 * The rules on a tie as a whole, checked on the record every write would produce, so an
 * amendment is held to the rules a new tie is.
 */
final class TieRules {

	private TieRules() {
	}

	/**
	 * The rules, reporting each field under {@code prefix} (the mutation's field input).
	 */
	static Function<Tie, List<UserError>> under(String prefix) {
		return tie -> check(prefix, tie);
	}

	private static List<UserError> check(String prefix, Tie tie) {
		List<UserError> errors = new ArrayList<>();
		TieKind kind = tie.kind();
		String name = kind.name();
		if (tie.fromId().equals(tie.toId())) {
			errors.add(UserError.of(prefix + ".to", UserErrorCode.INVALID,
					"is the same record as `from`: a tie joins two different records"));
		}
		if (kind.betweenPeople() && tie.fromKind() != TieEndKind.PERSON) {
			errors
				.add(UserError.of(prefix + ".from", UserErrorCode.INVALID, "must be a Person for a " + name + " tie"));
		}
		if (kind.betweenPeople() && tie.toKind() != TieEndKind.PERSON) {
			errors.add(UserError.of(prefix + ".to", UserErrorCode.INVALID, "must be a Person for a " + name + " tie"));
		}
		if (!kind.betweenPeople() && tie.toKind() != TieEndKind.ORGANIZATION) {
			errors.add(UserError.of(prefix + ".to", UserErrorCode.INVALID,
					"must be an Organization for a" + (kind == TieKind.OWNERSHIP ? "n " : " ") + name + " tie"));
		}
		if (kind.needsRelationship() && tie.relationship() == null) {
			errors.add(UserError.of(prefix + ".relationship", UserErrorCode.REQUIRED, "is required for a " + name
					+ " tie: the " + (kind == TieKind.ROLE ? "role" : "relationship") + " in words"));
		}
		if (tie.percentage() != null && kind != TieKind.OWNERSHIP) {
			errors.add(UserError.of(prefix + ".percentage", UserErrorCode.INVALID,
					"only an OWNERSHIP tie has a percentage, not a " + name + " tie"));
		}
		if (tie.start() != null && tie.end() != null && tie.end().latest().isBefore(tie.start().earliest())) {
			errors.add(UserError.of(prefix + ".end", UserErrorCode.INVALID, "the end is before the start"));
		}
		return errors;
	}

}
