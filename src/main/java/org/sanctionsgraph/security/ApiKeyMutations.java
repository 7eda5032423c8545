package org.sanctionsgraph.security;

import java.util.List;

import org.sanctionsgraph.graphql.UserError;
import org.sanctionsgraph.graphql.UserErrorCode;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.stereotype.Controller;

/** Issuing and revoking API keys (ADMIN only, checked in {@link ApiKeys}). */
@Controller
class ApiKeyMutations {

	record IssueInput(String name, List<Role> roles) {
	}

	record RevokeInput(String id) {
	}

	record IssuePayload(ApiKey apiKey, String secret, List<UserError> userErrors) {
	}

	record RevokePayload(ApiKey apiKey, List<UserError> userErrors) {
	}

	private final ApiKeys keys;

	ApiKeyMutations(ApiKeys keys) {
		this.keys = keys;
	}

	@MutationMapping
	IssuePayload issueApiKey(@Argument IssueInput input) {
		String name = input.name() == null ? "" : input.name().strip();
		List<UserError> errors = name.isEmpty()
				? List.of(UserError.of("input.name", UserErrorCode.REQUIRED, "is required"))
				: name.length() > 300
						? List.of(UserError.of("input.name", UserErrorCode.TOO_LONG, "must be at most 300 characters"))
						: input.roles().isEmpty()
								? List.of(UserError.of("input.roles", UserErrorCode.REQUIRED, "give at least one role"))
								: List.of();
		ApiKeys.Issued issued = this.keys.issue(name, input.roles(), Actor.current(), errors);
		return new IssuePayload(issued.key(), issued.secret(), issued.userErrors());
	}

	@MutationMapping
	RevokePayload revokeApiKey(@Argument RevokeInput input) {
		return this.keys.revoke(input.id(), Actor.current())
			.map(key -> new RevokePayload(key, List.of()))
			.orElseGet(() -> new RevokePayload(null,
					List.of(UserError.of("input.id", UserErrorCode.NOT_FOUND, "no API key has this id"))));
	}

}
