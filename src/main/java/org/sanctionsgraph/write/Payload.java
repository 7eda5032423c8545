package org.sanctionsgraph.write;

import org.sanctionsgraph.graphql.UserError;
import java.util.List;

/** What a mutation returns: the changed record, or the reasons nothing changed. */
public record Payload<T>(T record, List<UserError> userErrors) {

	public static <T> Payload<T> ok(T record) {
		return new Payload<>(record, List.of());
	}

	public static <T> Payload<T> failed(List<UserError> errors) {
		return new Payload<>(null, List.copyOf(errors));
	}

	public boolean succeeded() {
		return userErrors.isEmpty();
	}

}
