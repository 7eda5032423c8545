package org.sanctionsgraph.security;

import java.time.Instant;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Stores the first ADMIN key from configuration
 * ({@code SANCTIONS_SECURITY_BOOTSTRAP_ADMIN_KEY}) when no active ADMIN key exists. There
 * is no key baked into the code: without the setting, nobody can write until an operator
 * provides one. A configured secret whose key was revoked stays revoked: it is never
 * stored again, and the log says so.
 */
@Component
@Order(0)
class BootstrapAdminKey implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(BootstrapAdminKey.class);

	static final int MIN_LENGTH = 32;

	static final String NAME = "bootstrap admin";

	private final ApiKeys keys;

	private final SecurityProperties properties;

	BootstrapAdminKey(ApiKeys keys, SecurityProperties properties) {
		this.keys = keys;
		this.properties = properties;
	}

	@Override
	public void run(ApplicationArguments args) {
		this.keys.addMissingSortKeys();
		String secret = this.properties.bootstrapAdminKey();
		if (secret == null || secret.isBlank()) {
			if (!this.keys.anyActiveAdmin()) {
				log.info(
						"No ADMIN key exists and SANCTIONS_SECURITY_BOOTSTRAP_ADMIN_KEY is not set: the API is read-only");
			}
			return;
		}
		if (secret.length() < MIN_LENGTH) {
			// Checked here rather than by Bean Validation, whose failure report would
			// print the secret.
			throw new IllegalStateException(
					"sanctions.security.bootstrap-admin-key must be at least " + MIN_LENGTH + " characters long");
		}
		ApiKey stored = this.keys.byHash(ApiKeys.hash(secret)).orElse(null);
		if (stored != null) {
			if (!stored.active()) {
				log.warn(
						"The bootstrap ADMIN key in SANCTIONS_SECURITY_BOOTSTRAP_ADMIN_KEY (\"{}\") was revoked at {} by {};"
								+ " it stays revoked and is not stored again. Remove the setting, or set a new secret to"
								+ " bootstrap again when no ADMIN key is active",
						stored.name(), stored.revokedAt(), stored.revokedBy());
			}
			return;
		}
		if (this.keys.anyActiveAdmin()) {
			log.info("An active ADMIN key exists: the bootstrap ADMIN key from configuration is not stored");
			return;
		}
		// A revoked earlier bootstrap key keeps its name, so a new one is told apart by
		// its date.
		String name = this.keys.byName(NAME) == null ? NAME : NAME + " " + Instant.now();
		this.keys.store(name, List.of(Role.ADMIN), secret, "configuration");
		log.info("Stored the bootstrap ADMIN key from configuration as \"{}\"", name);
	}

}
