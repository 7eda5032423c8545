package org.sanctionsgraph.web;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The console (GraphiQL) at {@code /graphiql}.
 *
 * @param enabled Whether the console (GraphiQL) is served at /graphiql.
 */
@ConfigurationProperties("sanctions.console")
public record ConsoleProperties(@DefaultValue("true") boolean enabled) {

}
