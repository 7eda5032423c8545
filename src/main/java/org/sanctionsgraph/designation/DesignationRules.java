package org.sanctionsgraph.designation;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import org.sanctionsgraph.graphql.UserError;
import org.sanctionsgraph.graphql.UserErrorCode;

/**
 * The rules a designation's dates keep, checked on the record every write produces, so an
 * amendment or a delisting cannot make a designation that recording would refuse. The
 * field named is the one the mutation sent: the delisting date for a delisting, the
 * listing date otherwise.
 */
public final class DesignationRules {

	private DesignationRules() {
	}

	/** The rules, reporting against the fields of a mutation that sends the fields. */
	static Function<Designation, List<UserError>> forFields() {
		return designation -> check(designation, "input.fields.listed", "input.fields.amended");
	}

	/** The rules, reporting against the delisting mutation's date. */
	static Function<Designation, List<UserError>> forDelisting() {
		return designation -> check(designation, "input.delisted", "input");
	}

	/**
	 * Every problem with the designation, reported against the given field names (an
	 * import names the properties it read the dates from).
	 */
	public static List<UserError> check(Designation designation, String endField, String amendedField) {
		List<UserError> errors = new ArrayList<>();
		if (designation.delisted() != null && designation.listed() != null
				&& designation.delisted().latest().isBefore(designation.listed().earliest())) {
			errors.add(UserError.of(endField, UserErrorCode.INVALID,
					"the delisting (" + designation.delisted().value() + ") is before the listing ("
							+ designation.listed().value() + "): a designation cannot end before it starts"));
		}
		if (designation.amended() != null && designation.listed() != null
				&& designation.amended().latest().isBefore(designation.listed().earliest())) {
			errors
				.add(UserError.of(amendedField, UserErrorCode.INVALID, "the amendment (" + designation.amended().value()
						+ ") is before the listing (" + designation.listed().value() + ")"));
		}
		return errors;
	}

}
