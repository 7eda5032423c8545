package org.sanctionsgraph.security;

import java.util.List;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.security.oauth2.server.resource.autoconfigure.OAuth2ResourceServerProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.util.StringUtils;

/**
 * Which JWTs carry rights here: only those minted for this API (an audience is required)
 * by the one configured issuer, in every mode Spring Boot offers. Boot checks the
 * audience when {@code spring.security.oauth2.resourceserver.jwt.audiences} is set and
 * the issuer only with {@code issuer-uri}; for the JWK set and public key modes
 * {@code sanctions.security.jwt-issuer} names it, and the validator declared here (which
 * Boot adds to its decoder) checks it. Start-up fails when JWTs are on without an
 * audience or an issuer, rather than trusting any token the key signs.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({ OAuth2ResourceServerProperties.class, SecurityProperties.class })
class JwtTrust {

	private static final String JWT = "spring.security.oauth2.resourceserver.jwt.";

	JwtTrust(OAuth2ResourceServerProperties resourceServer, SecurityProperties properties) {
		check(resourceServer.getJwt(), properties.jwtIssuer());
	}

	/**
	 * The configured issuer's check, or none when {@code sanctions.security.jwt-issuer}
	 * is unset.
	 */
	@Bean
	OAuth2TokenValidator<Jwt> configuredIssuerValidator(SecurityProperties properties) {
		String issuer = properties.jwtIssuer();
		return issuer == null ? token -> OAuth2TokenValidatorResult.success() : new JwtIssuerValidator(issuer);
	}

	static void check(OAuth2ResourceServerProperties.Jwt jwt, String configuredIssuer) {
		String mode = StringUtils.hasText(jwt.getJwkSetUri()) ? "jwk-set-uri" : jwt.getPublicKeyLocation() != null
				? "public-key-location" : StringUtils.hasText(jwt.getIssuerUri()) ? "issuer-uri" : null;
		if (mode == null) {
			return;
		}
		List<String> audiences = jwt.getAudiences() == null ? List.of()
				: jwt.getAudiences().stream().filter(StringUtils::hasText).toList();
		if (audiences.isEmpty()) {
			throw new IllegalStateException("JWTs are on (" + JWT + mode + " is set) but no audience is: set " + JWT
					+ "audiences to the audience (aud) your identity provider puts in tokens for this API, so that"
					+ " tokens minted for other applications are refused");
		}
		String issuerUri = StringUtils.hasText(jwt.getIssuerUri()) ? jwt.getIssuerUri() : null;
		if (mode.equals("public-key-location") && issuerUri != null) {
			// Boot would then fetch keys from the issuer instead of using the configured
			// key.
			throw new IllegalStateException("JWTs are on with " + JWT + "public-key-location, where " + JWT
					+ "issuer-uri cannot be used: name the issuer in sanctions.security.jwt-issuer instead");
		}
		if (issuerUri != null && configuredIssuer != null && !issuerUri.equals(configuredIssuer)) {
			throw new IllegalStateException("JWTs are on with two different issuers: " + JWT + "issuer-uri is "
					+ issuerUri + " but sanctions.security.jwt-issuer is " + configuredIssuer + "; set one");
		}
		if (issuerUri == null && configuredIssuer == null) {
			throw new IllegalStateException("JWTs are on (" + JWT + mode + " is set) but no issuer is: set"
					+ " sanctions.security.jwt-issuer to the issuer (iss) of the tokens to accept"
					+ (mode.equals("jwk-set-uri") ? " (or " + JWT + "issuer-uri)" : ""));
		}
	}

}
