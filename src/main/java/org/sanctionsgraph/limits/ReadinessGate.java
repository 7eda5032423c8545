package org.sanctionsgraph.limits;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.boot.availability.ApplicationAvailability;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Answers nothing from an incomplete state: until the application is ready (the seed
 * story or a data set loaded, the search index built: Spring Boot marks readiness once
 * every start-up runner has finished; the list sizes the query cost counts by computed:
 * {@link ListSizes}), every request but the health endpoints gets 503 with
 * {@code Retry-After}, instead of an empty search or a half-loaded list.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 20)
class ReadinessGate extends OncePerRequestFilter {

	static final String RETRY_AFTER_SECONDS = "5";

	private final ApplicationAvailability availability;

	private final ListSizes lists;

	ReadinessGate(ApplicationAvailability availability, ListSizes lists) {
		this.availability = availability;
		this.lists = lists;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (this.availability.getReadinessState() == ReadinessState.ACCEPTING_TRAFFIC && this.lists.ready()
				|| request.getRequestURI().startsWith("/actuator/health")) {
			chain.doFilter(request, response);
			return;
		}
		response.setHeader("Retry-After", RETRY_AFTER_SECONDS);
		HttpTransport.write(response, HttpServletResponse.SC_SERVICE_UNAVAILABLE,
				"The service is starting (loading data or building the search index); retry in " + RETRY_AFTER_SECONDS
						+ " seconds",
				"NOT_READY");
	}

}
