package org.sanctionsgraph.db;

import java.io.IOException;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import io.micrometer.context.ContextRegistry;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Counts the commands the app sends to MongoDB (every round trip), in all as the metric
 * {@code sanctions.mongodb.commands} and per HTTP request, so that tests can prove that
 * batch loading keeps a request's round trips independent of page sizes while other
 * threads (the search index following a change stream) talk to the database at the same
 * time.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class MongoCommandCounter extends OncePerRequestFilter implements CommandListener {

	/**
	 * The request attribute holding the request's count, read by
	 * {@link #requestCount(Map)}.
	 */
	private static final String ATTRIBUTE = MongoCommandCounter.class.getName() + ".request";

	private static final ThreadLocal<AtomicLong> CURRENT = new ThreadLocal<>();

	static {
		// data fetchers and batch loaders run where Spring for GraphQL restores the
		// request's
		// thread locals, so a fetcher moved to another thread still counts for its
		// request
		ContextRegistry.getInstance()
			.registerThreadLocalAccessor(ATTRIBUTE, CURRENT::get, CURRENT::set, CURRENT::remove);
	}

	private final AtomicLong started = new AtomicLong();

	MongoCommandCounter(MeterRegistry registry) {
		FunctionCounter.builder("sanctions.mongodb.commands", this.started, AtomicLong::get)
			.description("Commands sent to MongoDB")
			.register(registry);
	}

	@Override
	public void commandStarted(CommandStartedEvent event) {
		this.started.incrementAndGet();
		AtomicLong request = CURRENT.get();
		if (request != null) {
			request.incrementAndGet();
		}
	}

	/** All commands sent since start-up. */
	public long count() {
		return this.started.get();
	}

	/**
	 * The commands sent so far for the request with these attributes; -1 outside a
	 * counted request.
	 */
	public static long requestCount(Map<String, Object> requestAttributes) {
		return requestAttributes.get(ATTRIBUTE) instanceof AtomicLong count ? count.get() : -1;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		AtomicLong count = new AtomicLong();
		request.setAttribute(ATTRIBUTE, count);
		CURRENT.set(count);
		try {
			chain.doFilter(request, response);
		}
		finally {
			CURRENT.remove();
		}
	}

}
