package org.sanctionsgraph.graphql;

/**
 * A problem with a mutation's input, reported in the payload (not as a top-level error).
 *
 * @param field path of the offending input field, such as "input.fields.title"
 * @param message what is wrong, in words
 * @param code the kind of problem, for programs
 * @param existingId for DUPLICATE, the global id of the record already there
 * @param currentRevision for CONFLICT, the revision the record has now
 */
public record UserError(String field, String message, UserErrorCode code, String existingId, Integer currentRevision) {

	public static UserError of(String field, UserErrorCode code, String message) {
		return new UserError(field, message, code, null, null);
	}

}
