package org.sanctionsgraph.security;

import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.interfaces.RSAPrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import org.springframework.core.io.ClassPathResource;

/**
 * JWTs signed with the test key pair ({@code jwt/test-private.pem}) standing in for an
 * identity provider; the application trusts its public half through
 * {@code public-key-location}.
 */
final class TestTokens {

	/** The issuer the test deployments trust. */
	static final String ISSUER = "https://idp.test/realms/sanctions";

	/** The audience the test deployments require. */
	static final String AUDIENCE = "sanctions-graph";

	private TestTokens() {
	}

	/** A token for this API from the trusted issuer. */
	static String token(String user, List<String> roles) throws Exception {
		return token(ISSUER, AUDIENCE, user, roles);
	}

	/** A token with the given issuer and audience (null: no such claim). */
	static String token(String issuer, String audience, String user, List<String> roles) throws Exception {
		String pem = new ClassPathResource("jwt/test-private.pem").getContentAsString(StandardCharsets.UTF_8);
		byte[] der = Base64.getMimeDecoder()
			.decode(pem.replace("-----BEGIN PRIVATE KEY-----", "").replace("-----END PRIVATE KEY-----", ""));
		RSAPrivateKey key = (RSAPrivateKey) KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der));
		JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder().subject("subject-" + user)
			.claim("preferred_username", user)
			.claim("roles", roles)
			.issueTime(new Date())
			.expirationTime(Date.from(Instant.now().plusSeconds(600)));
		if (issuer != null) {
			claims.issuer(issuer);
		}
		if (audience != null) {
			claims.audience(audience);
		}
		SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.RS256), claims.build());
		jwt.sign(new RSASSASigner(key));
		return jwt.serialize();
	}

}
