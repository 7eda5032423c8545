package org.sanctionsgraph.embedded;

import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotatedTypeMetadata;

/** Matches when nothing points the app at a MongoDB server of its own. */
class NoMongoUriCondition extends SpringBootCondition {

	private static final String[] CONNECTION_PROPERTIES = { "spring.mongodb.uri", "spring.mongodb.host",
			"spring.data.mongodb.uri", "spring.data.mongodb.host" };

	@Override
	public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
		Environment env = context.getEnvironment();
		for (String property : CONNECTION_PROPERTIES) {
			if (env.containsProperty(property)) {
				return ConditionOutcome.noMatch(property + " is set");
			}
		}
		// Bound through the settings record, so the default is the record's.
		if (!Binder.get(env).bindOrCreate("sanctions.embedded", EmbeddedMongoProperties.class).enabled()) {
			return ConditionOutcome.noMatch("sanctions.embedded.enabled is false");
		}
		return ConditionOutcome.match("no MongoDB URI configured");
	}

}
