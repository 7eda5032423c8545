package org.sanctionsgraph.security;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/** The name changes are recorded under: the key's or token's name, never a secret. */
public final class Actor {

	private Actor() {
	}

	public static String current() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		return authentication == null ? "anonymous" : authentication.getName();
	}

}
