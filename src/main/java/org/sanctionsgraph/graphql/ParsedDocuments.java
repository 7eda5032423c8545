package org.sanctionsgraph.graphql;

import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import graphql.ExecutionInput;
import graphql.execution.preparsed.PreparsedDocumentEntry;
import graphql.execution.preparsed.PreparsedDocumentProvider;

import org.springframework.boot.graphql.autoconfigure.GraphQlSourceBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Keeps the parsed and validated form of recent query documents, so a document clients
 * send again and again (every page of an app sends the same few) is parsed and validated
 * once. Keyed by the document's text; validation depends only on the text and the schema.
 * Documents that failed to parse or validate are kept too, with their errors. The size
 * and token limits are checked before a document is first parsed, so a kept document has
 * passed them.
 */
@Configuration(proxyBeanMethods = false)
class ParsedDocuments implements PreparsedDocumentProvider {

	/**
	 * Characters of document text kept at most (about 32 MiB of strings and their trees).
	 */
	private static final long MAX_CHARS = 4_000_000;

	private final Cache<String, PreparsedDocumentEntry> cache = Caffeine.newBuilder()
		.maximumWeight(MAX_CHARS)
		.<String, PreparsedDocumentEntry>weigher((query, entry) -> Math.max(1, query.length()))
		.build();

	@Bean
	GraphQlSourceBuilderCustomizer parsedDocumentCache() {
		return builder -> builder.configureGraphQl(graphQl -> graphQl.preparsedDocumentProvider(this));
	}

	@Override
	public CompletableFuture<PreparsedDocumentEntry> getDocumentAsync(ExecutionInput input,
			Function<ExecutionInput, PreparsedDocumentEntry> parseAndValidate) {
		return CompletableFuture
			.completedFuture(this.cache.get(input.getQuery(), query -> parseAndValidate.apply(input)));
	}

}
