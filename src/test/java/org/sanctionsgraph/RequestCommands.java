package org.sanctionsgraph;

import java.util.LinkedHashMap;
import java.util.Map;

import org.sanctionsgraph.db.MongoCommandCounter;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.graphql.GraphQlResponse;
import org.springframework.graphql.server.WebGraphQlInterceptor;

/**
 * Test-only: adds the MongoDB commands a request sent to its response's extensions when
 * the request asks for them with the {@value #HEADER} header, so a test reads its own
 * request's round trips, whatever else talks to the database meanwhile; other responses
 * stay as clients see them.
 */
@TestConfiguration(proxyBeanMethods = false)
public class RequestCommands {

	/** The request header asking for the count. */
	public static final String HEADER = "X-Test-Mongo-Commands";

	static final String EXTENSION = "mongoCommands";

	@Bean
	WebGraphQlInterceptor requestCommandsInExtensions() {
		return (request, chain) -> !request.getHeaders().containsHeader(HEADER) ? chain.next(request)
				: chain.next(request).map(response -> response.transform(builder -> {
					Map<Object, Object> extensions = new LinkedHashMap<>(response.getExtensions());
					extensions.put(EXTENSION, MongoCommandCounter.requestCount(request.getAttributes()));
					builder.extensions(extensions);
				}));
	}

	/** The commands the request behind this response sent to MongoDB. */
	public static long of(GraphQlResponse response) {
		Object count = response.getExtensions().get(EXTENSION);
		if (!(count instanceof Number number) || number.longValue() < 0) {
			throw new IllegalStateException("no MongoDB command count in the response's extensions: " + count);
		}
		return number.longValue();
	}

}
