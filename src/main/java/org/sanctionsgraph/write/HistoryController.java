package org.sanctionsgraph.write;

import java.util.Map;

import graphql.schema.DataFetcher;
import org.sanctionsgraph.graphql.GlobalId;
import org.sanctionsgraph.paging.NestedPages;
import org.sanctionsgraph.paging.PageArgs;
import org.sanctionsgraph.paging.SortDirection;
import org.sanctionsgraph.paging.Sortable;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.graphql.execution.RuntimeWiringConfigurer;

/**
 * Serves {@code changes} (the history) on every record type (batch-loaded like any nested list), the payloads'
 * record fields, and a change's fields.
 */
@Configuration(proxyBeanMethods = false)
class HistoryController {

	private static final String HISTORY = "Record.history";

	/** Payload type to the name of its record field. */
	private static final Map<String, String> PAYLOAD_FIELDS = Map.of("MeasurePayload", "measure", "PartyPayload",
			"party", "PersonPayload", "person", "OrganizationPayload", "organization", "EventPayload", "event",
			"ProgramPayload", "program", "MembershipPayload", "membership", "SourcePayload", "source",
			"AddCitationPayload", "record");

	@Bean
	RuntimeWiringConfigurer historyWiring(NestedPages nested) {
		nested.register(HISTORY, HistoryEntry.class, "record");
		return wiring -> {
			GlobalId.OBJECT_TYPES.forEach((objectType, idType) -> wiring.type(objectType,
					type -> type.dataFetcher("changes", history(nested, idType))));
			PAYLOAD_FIELDS.forEach((payloadType, field) -> wiring.type(payloadType,
					type -> type.dataFetcher(field, env -> env.<Payload<?>>getSource().record())));
			wiring.type("Change", type -> type.dataFetcher("fields", env -> env.<HistoryEntry>getSource().changes()));
		};
	}

	private static DataFetcher<?> history(NestedPages nested, String idType) {
		return env -> {
			PageArgs args = PageArgs.of(env.getArgument("first"), env.getArgument("after"), env.getArgument("last"),
					env.getArgument("before"), SortDirection.ASC);
			return nested.load(env, HISTORY, idType + ":" + env.<Sortable>getSource().id(), args, null);
		};
	}

}
