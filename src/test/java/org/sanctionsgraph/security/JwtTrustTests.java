package org.sanctionsgraph.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * Start-up refuses JWT settings that would trust tokens not minted for this API by its
 * issuer.
 */
class JwtTrustTests {

	private static final String JWT = "spring.security.oauth2.resourceserver.jwt.";

	private static final String PUBLIC_KEY = JWT + "public-key-location=classpath:jwt/test-public.pem";

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withUserConfiguration(JwtTrust.class);

	@Test
	void jwtsWithoutAnAudienceStopTheStart() {
		this.runner.withPropertyValues(PUBLIC_KEY, "sanctions.security.jwt-issuer=https://idp.test")
			.run(context -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining(JWT + "public-key-location is set")
				.hasMessageContaining("set " + JWT + "audiences"));
		this.runner.withPropertyValues(JWT + "issuer-uri=https://idp.test")
			.run(context -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining(JWT + "audiences"));
	}

	@Test
	void aPublicKeyOrJwkSetWithoutAnIssuerStopsTheStart() {
		this.runner.withPropertyValues(PUBLIC_KEY, JWT + "audiences=sanctions-graph")
			.run(context -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("no issuer")
				.hasMessageContaining("sanctions.security.jwt-issuer"));
		this.runner.withPropertyValues(JWT + "jwk-set-uri=https://idp.test/keys", JWT + "audiences=sanctions-graph")
			.run(context -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("sanctions.security.jwt-issuer")
				.hasMessageContaining(JWT + "issuer-uri"));
	}

	@Test
	void contradictoryOrUnusableIssuersStopTheStart() {
		this.runner
			.withPropertyValues(JWT + "jwk-set-uri=https://idp.test/keys", JWT + "audiences=sanctions-graph",
					JWT + "issuer-uri=https://idp.test", "sanctions.security.jwt-issuer=https://other.test")
			.run(context -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("two different issuers"));
		this.runner
			.withPropertyValues(PUBLIC_KEY, JWT + "audiences=sanctions-graph", JWT + "issuer-uri=https://idp.test")
			.run(context -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("issuer-uri cannot be used"));
	}

	@Test
	void anAudienceAndAnIssuerStartAndTheIssuerIsChecked() {
		this.runner
			.withPropertyValues(PUBLIC_KEY, JWT + "audiences=sanctions-graph",
					"sanctions.security.jwt-issuer=https://idp.test")
			.run(context -> {
				assertThat(context).hasNotFailed();
				@SuppressWarnings("unchecked")
				OAuth2TokenValidator<Jwt> validator = context.getBean("configuredIssuerValidator",
						OAuth2TokenValidator.class);
				assertThat(validator.validate(jwt("https://idp.test")).hasErrors()).isFalse();
				assertThat(validator.validate(jwt("https://other.test")).hasErrors()).isTrue();
			});
		this.runner
			.withPropertyValues(JWT + "jwk-set-uri=https://idp.test/keys", JWT + "audiences=sanctions-graph",
					JWT + "issuer-uri=https://idp.test")
			.run(context -> assertThat(context).hasNotFailed());
	}

	@Test
	void withoutJwtsNothingIsRequired() {
		this.runner.run(context -> assertThat(context).hasNotFailed());
	}

	private static Jwt jwt(String issuer) {
		return Jwt.withTokenValue("t")
			.header("alg", "RS256")
			.issuer(issuer)
			.audience(List.of("sanctions-graph"))
			.issuedAt(Instant.now())
			.expiresAt(Instant.now().plusSeconds(60))
			.build();
	}

}
