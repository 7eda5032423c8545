package org.sanctionsgraph.security;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The name changes are recorded under, never a secret. Names are namespaced by how the
 * caller signed in ({@code key:<key name>}, {@code jwt:<issuer>:<user>}), so no key can
 * be named like a token's user and the reverse: the audit trail, idempotency keys and
 * rate-limit buckets all use it.
 */
public final class Actor {

	/** The kind of an actor that signed in with an API key. */
	public static final String KEY = "key";

	/** The kind of an actor that signed in with a JWT. */
	public static final String JWT = "jwt";

	/**
	 * The kind of a bulk import's actor ({@code import:<format>}), which changes records
	 * on an administrator's request or at start-up.
	 */
	public static final String IMPORT = "import";

	private Actor() {
	}

	/** The current caller's namespaced name ({@code anonymous} when nobody signed in). */
	public static String current() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		return authentication == null ? "anonymous" : authentication.getName();
	}

	static String ofKey(String keyName) {
		return KEY + ":" + keyName;
	}

	static String ofJwt(String issuer, String user) {
		return JWT + ":" + issuer + ":" + user;
	}

	/**
	 * How an actor signed in ({@link #KEY} or {@link #JWT}) or that it is an import
	 * ({@link #IMPORT}); null for a name recorded before names were namespaced, or for a
	 * process rather than a caller.
	 */
	static String kind(String actor) {
		if (actor == null) {
			return null;
		}
		int colon = actor.indexOf(':');
		String kind = colon < 0 ? null : actor.substring(0, colon);
		return KEY.equals(kind) || JWT.equals(kind) || IMPORT.equals(kind) ? kind : null;
	}

}
