package org.sanctionsgraph.limits;

import java.time.Duration;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.hibernate.validator.constraints.time.DurationMin;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * What one request may cost. The defaults suit a public read API; the {@code prod}
 * profile tightens them.
 *
 * @param maxDepth Deepest field nesting a document may have.
 * @param maxComplexity Highest cost of a document: 1 per field (aliases, repeats and
 * every use of a fragment included), a connection's selection counted once per item it
 * may return (first or last, else 20), nodes once per id, other lists of records once per
 * item of the largest such list stored (ListSizes), plus the extra costs of costly fields
 * (FieldCosts).
 * @param assumedListSize No longer used: lists count by the largest list stored. Still
 * accepted so configurations that set it keep starting.
 * @param maxDocumentChars Longest document text, in characters.
 * @param maxTokens Most parser tokens in a document.
 * @param maxVariablesChars Largest variables object, as JSON text, in characters.
 * @param maxBodyBytes Largest request body on any path, in bytes (413 beyond it).
 * @param timeout Longest a request may run, from its arrival; its MongoDB operations
 * share it.
 * @param batching Whether a JSON array of operations is accepted in one request.
 * @param anonymousPerMinute Requests a minute for one anonymous address.
 * @param readerPerMinute Requests a minute for one READER key or token.
 * @param analystPerMinute Requests a minute for one ANALYST or ADMIN key or token.
 */
@ConfigurationProperties("sanctions.limits")
@Validated
public record LimitsProperties(@DefaultValue("15") @Min(1) int maxDepth,
		@DefaultValue("20000") @Min(1) int maxComplexity, @DefaultValue("10") @Min(1) @Max(200) int assumedListSize,
		@DefaultValue("30000") @Min(1) int maxDocumentChars, @DefaultValue("5000") @Min(1) int maxTokens,
		@DefaultValue("50000") @Min(1) int maxVariablesChars, @DefaultValue("262144") @Min(1) long maxBodyBytes,
		@DefaultValue("10s") @DurationMin(millis = 1) Duration timeout, @DefaultValue("false") boolean batching,
		@DefaultValue("300") @Min(1) long anonymousPerMinute, @DefaultValue("600") @Min(1) long readerPerMinute,
		@DefaultValue("3000") @Min(1) long analystPerMinute) {

}
