package org.sanctionsgraph.limits;

import java.time.Duration;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * What one request may cost. The defaults suit a public read API; the {@code prod} profile
 * tightens them.
 *
 * @param maxDepth deepest field nesting a document may have
 * @param maxComplexity highest cost: 1 per field (aliases, repeats and every use of a fragment
 * included), a connection's selection counted once per item it may return ({@code first}/{@code last},
 * else 20), {@code nodes} once per id, other lists of records once per {@code assumedListSize}, and
 * the extra costs of {@link FieldCosts}
 * @param assumedListSize items a list stored on a record counts as (1 to 200, the most a write stores)
 * @param maxDocumentChars longest document text
 * @param maxTokens most parser tokens in a document
 * @param maxVariablesChars largest variables object, as JSON text
 * @param maxBodyBytes largest request body, on any path
 * @param timeout longest a request may run, from its arrival; its MongoDB operations share it
 * @param batching whether a JSON array of operations is accepted in one request
 * @param anonymousPerMinute requests a minute for one anonymous address
 * @param readerPerMinute requests a minute for one READER key or token
 * @param analystPerMinute requests a minute for one ANALYST or ADMIN key or token
 */
@ConfigurationProperties("sanctions.limits")
@Validated
public record LimitsProperties(@Min(1) int maxDepth, @Min(1) int maxComplexity, @Min(1) @Max(200) int assumedListSize,
		@Min(1) int maxDocumentChars, @Min(1) int maxTokens, @Min(1) int maxVariablesChars, @Min(1) long maxBodyBytes,
		Duration timeout,
		boolean batching, @Min(1) long anonymousPerMinute, @Min(1) long readerPerMinute,
		@Min(1) long analystPerMinute) {

}
