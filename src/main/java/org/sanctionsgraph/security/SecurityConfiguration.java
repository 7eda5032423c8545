package org.sanctionsgraph.security;

import java.util.Collection;
import java.util.List;

import org.sanctionsgraph.limits.LimitsProperties;
import org.sanctionsgraph.limits.RateBuckets;
import org.sanctionsgraph.limits.RateLimitFilter;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.graphql.autoconfigure.GraphQlCorsProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.oauth2.server.resource.web.BearerTokenResolver;
import org.springframework.security.oauth2.server.resource.web.DefaultBearerTokenResolver;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.CorsConfigurationSource;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;

/**
 * Reading is open (unless {@code sanctions.security.require-key-for-reads}); writing is
 * checked by method security on the services that change data, so no entry point can skip
 * it. Callers present an API key, or a JWT from the identity provider configured with
 * Spring Boot's {@code spring.security.oauth2.resourceserver.jwt.*} properties (off when
 * none is configured; see {@link JwtTrust} for the audience and issuer they must carry).
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class SecurityConfiguration {

	static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; "
			+ "style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; connect-src 'self'; "
			+ "frame-ancestors 'none'; base-uri 'self'; form-action 'self'";

	/**
	 * No observation per security filter, authentication or authorization: each request
	 * is timed once as a whole ({@code http.server.requests}). Without this the filter
	 * chain still wraps every filter in an observation, even one turned off by property,
	 * and that costs more than most of the filters.
	 */
	@Bean
	static SecurityObservationSettings securityObservationSettings() {
		return SecurityObservationSettings.noObservations();
	}

	@Bean
	@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
	SecurityFilterChain apiSecurity(HttpSecurity http, ApiKeys keys, SecurityProperties properties,
			ObjectProvider<JwtDecoder> jwtDecoder, LimitsProperties limits, RateBuckets rateBuckets,
			GraphQlCorsProperties cors) throws Exception {
		http.csrf(csrf -> csrf.disable())
			.cors(c -> c.configurationSource(corsSource(cors)))
			.addFilterAfter(new RateLimitFilter(limits, rateBuckets), AnonymousAuthenticationFilter.class)
			.sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			// Responses set their own caching: public reads by GET are cacheable, the
			// rest is not.
			.headers(headers -> headers.cacheControl(cache -> cache.disable())
				// Every script, style and font comes from the app itself.
				.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY)))
			.httpBasic(basic -> basic.disable())
			.formLogin(form -> form.disable())
			.addFilterBefore(new ApiKeyAuthenticationFilter(keys), AnonymousAuthenticationFilter.class)
			.exceptionHandling(
					handling -> handling.authenticationEntryPoint(new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED)))
			.authorizeHttpRequests(requests -> {
				requests.requestMatchers("/actuator/health/**", "/actuator/info").permitAll();
				requests.requestMatchers("/actuator/**").hasRole(Role.ADMIN.name());
				// bulk imports replace data wholesale: administrators only
				requests.requestMatchers("/import/**").hasRole(Role.ADMIN.name());
				if (properties.requireKeyForReads()) {
					// a browser cannot send a key on a WebSocket handshake: WebSocketKeys
					// asks for it in connection_init instead
					requests.requestMatchers(request -> "websocket".equalsIgnoreCase(request.getHeader("Upgrade")))
						.permitAll();
					requests.requestMatchers("/graphql/**", "/export/**").hasRole(Role.READER.name());
				}
				requests.anyRequest().permitAll();
			});
		JwtDecoder decoder = jwtDecoder.getIfAvailable();
		if (decoder != null) {
			http.oauth2ResourceServer(server -> server.bearerTokenResolver(jwtOnly())
				.jwt(jwt -> jwt.decoder(decoder)
					.jwtAuthenticationConverter(token -> authentication(token, properties))));
		}
		return http.build();
	}

	/**
	 * Cross-origin access to the GraphQL endpoint from the origins in
	 * {@code spring.graphql.cors.*} (localhost by default, none in the {@code prod}
	 * profile); preflights are answered before any authentication.
	 */
	private static CorsConfigurationSource corsSource(GraphQlCorsProperties properties) {
		UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
		CorsConfiguration configuration = properties.toCorsConfiguration();
		if (configuration != null) {
			source.registerCorsConfiguration("/graphql/**", configuration);
			source.registerCorsConfiguration("/graphql", configuration);
		}
		return source;
	}

	/** Leaves API keys to {@link ApiKeyAuthenticationFilter}. */
	private static BearerTokenResolver jwtOnly() {
		DefaultBearerTokenResolver standard = new DefaultBearerTokenResolver();
		return request -> {
			String token = standard.resolve(request);
			return token == null || token.startsWith(ApiKeys.PREFIX) ? null : token;
		};
	}

	static JwtAuthenticationToken authentication(Jwt jwt, SecurityProperties properties) {
		Object claim = jwt.getClaims().get(properties.jwtRolesClaim());
		Collection<?> names = claim instanceof Collection<?> list ? list
				: claim == null ? List.of() : List.of(claim.toString().split("[ ,]+"));
		String user = jwt.getClaimAsString("preferred_username");
		// The issuer is the one configured (JwtTrust), so the name says whose user this
		// is.
		String name = Actor.ofJwt(jwt.getClaimAsString("iss"), user != null ? user : jwt.getSubject());
		return new JwtAuthenticationToken(jwt, Roles.fromNames(names), name);
	}

}
