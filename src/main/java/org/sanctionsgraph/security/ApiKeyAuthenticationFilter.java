package org.sanctionsgraph.security;

import java.io.IOException;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates {@code Authorization: Bearer sgk_...} API keys. A key that is unknown or
 * revoked gets 401 at once, so a typo never silently downgrades a caller to anonymous.
 */
class ApiKeyAuthenticationFilter extends OncePerRequestFilter {

	private static final String BEARER = "Bearer ";

	private final ApiKeys keys;

	ApiKeyAuthenticationFilter(ApiKeys keys) {
		this.keys = keys;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String header = request.getHeader(HttpHeaders.AUTHORIZATION);
		if (header != null && header.startsWith(BEARER + ApiKeys.PREFIX)) {
			Optional<ApiKey> key = this.keys.authenticate(header.substring(BEARER.length()).trim());
			if (key.isEmpty()) {
				response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
				response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"invalid_token\"");
				response.setContentType(MediaType.APPLICATION_JSON_VALUE);
				response.getWriter()
					.write("{\"errors\":[{\"message\":\"Unknown or revoked API key\",\"extensions\":{\"classification\":\"UNAUTHORIZED\"}}]}");
				return;
			}
			SecurityContextHolder.getContext().setAuthentication(new ApiKeyAuthentication(key.get()));
		}
		chain.doFilter(request, response);
	}

}
