package org.sanctionsgraph.security;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/** Turns roles into authorities; a role grants every role below it. */
final class Roles {

	private Roles() {
	}

	static List<GrantedAuthority> authorities(Collection<Role> roles) {
		Set<GrantedAuthority> granted = new LinkedHashSet<>();
		for (Role role : roles) {
			for (Role included : Role.values()) {
				if (included.ordinal() <= role.ordinal()) {
					granted.add(new SimpleGrantedAuthority("ROLE_" + included.name()));
				}
			}
		}
		return List.copyOf(granted);
	}

	/** Role names from a JWT claim; unknown names are ignored. */
	static List<GrantedAuthority> fromNames(Collection<?> names) {
		List<Role> roles = names.stream()
			.map(Object::toString)
			.flatMap(name -> java.util.Arrays.stream(Role.values()).filter(role -> role.name().equalsIgnoreCase(name)))
			.toList();
		return authorities(roles);
	}

}
