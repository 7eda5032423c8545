package org.sanctionsgraph.security;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Stores the first ADMIN key from configuration ({@code SANCTIONS_SECURITY_BOOTSTRAP_ADMIN_KEY}) when
 * no active ADMIN key exists. There is no key baked into the code: without the setting, nobody can
 * write until an operator provides one.
 */
@Component
@Order(0)
class BootstrapAdminKey implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(BootstrapAdminKey.class);

	static final int MIN_LENGTH = 32;

	private final ApiKeys keys;

	private final SecurityProperties properties;

	BootstrapAdminKey(ApiKeys keys, SecurityProperties properties) {
		this.keys = keys;
		this.properties = properties;
	}

	@Override
	public void run(ApplicationArguments args) {
		String secret = this.properties.bootstrapAdminKey();
		if (secret == null || secret.isBlank()) {
			if (!this.keys.anyActiveAdmin()) {
				log.info("No ADMIN key exists and SANCTIONS_SECURITY_BOOTSTRAP_ADMIN_KEY is not set: the API is read-only");
			}
			return;
		}
		if (secret.length() < MIN_LENGTH) {
			// Checked here rather than by Bean Validation, whose failure report would print the secret.
			throw new IllegalStateException("sanctions.security.bootstrap-admin-key must be at least " + MIN_LENGTH
					+ " characters long");
		}
		if (this.keys.anyActiveAdmin()) {
			return;
		}
		this.keys.store("bootstrap admin", List.of(Role.ADMIN), secret, "configuration");
		log.info("Stored the bootstrap ADMIN key from configuration");
	}

}
