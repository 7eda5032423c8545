package org.sanctionsgraph.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.sanctionsgraph.SanctionsGraphApplication;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * A revoked bootstrap key stays revoked across restarts with the same setting: the start
 * neither fails nor quietly stores it again, and says so in the log.
 */
@ExtendWith(OutputCaptureExtension.class)
class BootstrapRevocationTests {

	private static final String SECRET = "sgk_bootstrap-revocation-test-0123456789abcdef";

	private static final String NEW_SECRET = "sgk_bootstrap-after-revocation-0123456789abcdef";

	@TempDir
	Path dataDir;

	@AfterEach
	void signOut() {
		SecurityContextHolder.clearContext();
	}

	@Test
	void aRevokedBootstrapKeyIsNotStoredAgainAtTheNextStart(CapturedOutput output) {
		try (ConfigurableApplicationContext app = start(SECRET)) {
			ApiKeys keys = app.getBean(ApiKeys.class);
			ApiKey bootstrap = keys.authenticate(SECRET).orElseThrow();
			assertThat(bootstrap.name()).isEqualTo("bootstrap admin");
			// the bootstrap key revokes itself, as an ADMIN may
			SecurityContextHolder.getContext().setAuthentication(new ApiKeyAuthentication(bootstrap));
			keys.revoke(bootstrap.id(), "key:bootstrap admin");
			assertThat(keys.authenticate(SECRET)).isEmpty();
		}
		int logged = output.getAll().length();

		try (ConfigurableApplicationContext app = start(SECRET)) {
			assertThat(app.getBean(ApiKeys.class).authenticate(SECRET)).isEmpty();
			MongoTemplate mongo = app.getBean(MongoTemplate.class);
			assertThat(mongo.find(new Query(), ApiKey.class)).singleElement().satisfies(key -> {
				assertThat(key.name()).isEqualTo("bootstrap admin");
				assertThat(key.revokedBy()).isEqualTo("key:bootstrap admin");
			});
		}
		assertThat(output.getAll().substring(logged)).contains(
				"The bootstrap ADMIN key in SANCTIONS_SECURITY_BOOTSTRAP_ADMIN_KEY (\"bootstrap admin\") was revoked at")
			.contains("by key:bootstrap admin")
			.contains("it stays revoked and is not stored again");

		// a new secret bootstraps again, since no ADMIN key is active, under a name of
		// its own
		try (ConfigurableApplicationContext app = start(NEW_SECRET)) {
			ApiKey second = app.getBean(ApiKeys.class).authenticate(NEW_SECRET).orElseThrow();
			assertThat(second.name()).startsWith("bootstrap admin ").isNotEqualTo("bootstrap admin");
			assertThat(second.roles()).isEqualTo(List.of(Role.ADMIN));
			assertThat(app.getBean(MongoTemplate.class)
				.count(Query.query(Criteria.where("revokedAt").is(null)), ApiKey.class)).isEqualTo(1);
		}
	}

	private ConfigurableApplicationContext start(String secret) {
		return new SpringApplicationBuilder(SanctionsGraphApplication.class)
			.properties("sanctions.embedded.data-dir=" + this.dataDir, "sanctions.seed.enabled=false",
					"sanctions.security.bootstrap-admin-key=" + secret)
			.run("--server.port=0");
	}

}
