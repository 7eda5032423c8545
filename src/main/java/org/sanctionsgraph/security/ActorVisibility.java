package org.sanctionsgraph.security;

import graphql.schema.DataFetcher;
import graphql.schema.PropertyDataFetcher;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.graphql.execution.RuntimeWiringConfigurer;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Who made a change ({@code Change.actor}) names a person, so its name is shown to
 * ANALYST and above only; other readers see how the author signed in ({@code key} or
 * {@code jwt}), or {@code unknown} for a change recorded before names said so.
 */
@Configuration(proxyBeanMethods = false)
public class ActorVisibility {

	static final String HIDDEN_KIND = "unknown";

	@Bean
	RuntimeWiringConfigurer changeActorVisibility() {
		DataFetcher<?> stored = PropertyDataFetcher.fetching("actor");
		return wiring -> wiring.type("Change",
				type -> type.dataFetcher("actor", env -> shown((String) stored.get(env))));
	}

	static String shown(String actor) {
		return shown(actor, SecurityContextHolder.getContext().getAuthentication());
	}

	/**
	 * The actor as {@code caller} may see it (for answers built away from the request's
	 * thread, such as a subscription's events).
	 */
	public static String shown(String actor, Authentication caller) {
		boolean analyst = caller != null && caller.isAuthenticated()
				&& caller.getAuthorities()
					.stream()
					.anyMatch(authority -> ("ROLE_" + Role.ANALYST.name()).equals(authority.getAuthority()));
		if (analyst) {
			return actor;
		}
		String kind = Actor.kind(actor);
		return kind != null ? kind : HIDDEN_KIND;
	}

}
