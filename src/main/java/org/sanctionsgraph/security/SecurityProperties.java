package org.sanctionsgraph.security;

import jakarta.validation.constraints.NotBlank;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Who may read and how callers prove who they are.
 *
 * @param requireKeyForReads Whether reading needs a key or token (READER or above) too;
 * by default anyone may read.
 * @param bootstrapAdminKey Secret of the first ADMIN key, at least 32 characters, stored
 * hashed at a start where no active ADMIN key exists.
 * @param jwtRolesClaim JWT claim holding role names (READER, ANALYST, ADMIN).
 * @param jwtIssuer Issuer ({@code iss}) JWTs must carry, for the JWK set and public key
 * modes, where Spring Boot checks none (with {@code issuer-uri}, Boot checks that one).
 */
@ConfigurationProperties("sanctions.security")
@Validated
public record SecurityProperties(@DefaultValue("false") boolean requireKeyForReads, String bootstrapAdminKey,
		@DefaultValue("roles") @NotBlank String jwtRolesClaim, String jwtIssuer) {

	public SecurityProperties {
		jwtIssuer = jwtIssuer == null || jwtIssuer.isBlank() ? null : jwtIssuer.strip();
	}

}
