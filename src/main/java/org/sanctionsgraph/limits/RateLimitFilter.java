package org.sanctionsgraph.limits;

import java.io.IOException;
import java.util.concurrent.TimeUnit;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Per-client rate limits on the GraphQL endpoint (token buckets from Bucket4j): by key or
 * token name for authenticated callers, with a higher allowance for analysts, and by
 * address for anonymous ones; a batch counts each of its operations. Over the limit: HTTP
 * 429 with {@code Retry-After}. Runs after authentication, and after
 * {@link HttpTransport} has refused paths that are not spelled canonically, so every path
 * to the handler is counted.
 */
public class RateLimitFilter extends OncePerRequestFilter {

	private final LimitsProperties limits;

	private final RateBuckets buckets;

	public RateLimitFilter(LimitsProperties limits, RateBuckets buckets) {
		this.limits = limits;
		this.buckets = buckets;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return !request.getRequestURI().startsWith(HttpTransport.PATH);
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Authentication caller = SecurityContextHolder.getContext().getAuthentication();
		boolean anonymous = caller == null || caller instanceof AnonymousAuthenticationToken
				|| !caller.isAuthenticated();
		long perMinute;
		String client;
		if (anonymous) {
			perMinute = this.limits.anonymousPerMinute();
			client = "address:" + request.getRemoteAddr();
		}
		else {
			boolean analyst = caller.getAuthorities().stream().anyMatch(a -> "ROLE_ANALYST".equals(a.getAuthority()));
			perMinute = analyst ? this.limits.analystPerMinute() : this.limits.readerPerMinute();
			client = "caller:" + caller.getName();
		}
		Bucket bucket = this.buckets.bucket(client, perMinute);
		// a batch spends one request per operation it carries
		int operations = request.getAttribute(HttpTransport.OPERATIONS) instanceof Integer count ? count : 1;
		ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(operations);
		if (!probe.isConsumed()) {
			long seconds = Math.max(1, TimeUnit.NANOSECONDS.toSeconds(probe.getNanosToWaitForRefill() + 999_999_999L));
			response.setHeader("Retry-After", Long.toString(seconds));
			HttpTransport.write(response, 429,
					"Too many requests: the limit is " + perMinute + " a minute; retry in " + seconds + " s",
					"RATE_LIMITED");
			return;
		}
		response.setHeader("X-RateLimit-Remaining", Long.toString(probe.getRemainingTokens()));
		chain.doFilter(request, response);
	}

}
