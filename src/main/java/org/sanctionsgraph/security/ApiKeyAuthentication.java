package org.sanctionsgraph.security;

import org.springframework.security.authentication.AbstractAuthenticationToken;

/**
 * A caller authenticated by an API key; its name is {@code key:} and the key's name,
 * never the secret.
 */
class ApiKeyAuthentication extends AbstractAuthenticationToken {

	private final ApiKey key;

	ApiKeyAuthentication(ApiKey key) {
		super(Roles.authorities(key.roles()));
		this.key = key;
		setAuthenticated(true);
	}

	@Override
	public Object getCredentials() {
		return "";
	}

	@Override
	public Object getPrincipal() {
		return this.key.name();
	}

	@Override
	public String getName() {
		return Actor.ofKey(this.key.name());
	}

}
