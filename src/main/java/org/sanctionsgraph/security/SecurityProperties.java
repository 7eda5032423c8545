package org.sanctionsgraph.security;

import jakarta.validation.constraints.NotBlank;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Who may read and how callers prove who they are.
 *
 * @param requireKeyForReads whether reading needs a key or token too (default: open to anyone)
 * @param bootstrapAdminKey the secret of the first ADMIN key, stored (hashed) at a start where no
 * active ADMIN key exists; at least 32 characters
 * @param jwtRolesClaim the JWT claim holding role names (READER, ANALYST, ADMIN)
 * @param jwtIssuer the issuer ({@code iss}) JWTs must carry, for JWK set and public key modes, where
 * Spring Boot checks none (with {@code issuer-uri}, Boot checks that one)
 */
@ConfigurationProperties("sanctions.security")
@Validated
public record SecurityProperties(boolean requireKeyForReads,
		String bootstrapAdminKey,
		@NotBlank String jwtRolesClaim,
		String jwtIssuer) {

	public SecurityProperties {
		jwtRolesClaim = jwtRolesClaim == null ? "roles" : jwtRolesClaim;
		jwtIssuer = jwtIssuer == null || jwtIssuer.isBlank() ? null : jwtIssuer.strip();
	}

}
