package org.sanctionsgraph.paging;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How list positions handed to clients are protected.
 *
 * @param cursorSecret Key that signs cursors (HMAC-SHA256), at least 32 characters; set
 * the same one on every instance behind one address. When unset, a key is generated at
 * start and cursors do not outlive the process.
 */
@ConfigurationProperties("sanctions.paging")
public record PagingProperties(String cursorSecret) {
}
