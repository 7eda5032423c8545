package org.sanctionsgraph.write;

import graphql.schema.DataFetcher;
import org.sanctionsgraph.paging.NestedPages;
import org.sanctionsgraph.paging.PageArgs;
import org.sanctionsgraph.paging.SortDirection;
import org.sanctionsgraph.paging.Sortable;
import org.sanctionsgraph.records.RecordTypes;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.graphql.execution.RuntimeWiringConfigurer;

/**
 * Serves {@code changes} (the history) on every record type (batch-loaded like any nested
 * list), the payloads' record fields, and a change's fields.
 */
@Configuration(proxyBeanMethods = false)
class HistoryController {

	private static final String HISTORY = "Record.history";

	@Bean
	RuntimeWiringConfigurer historyWiring(NestedPages nested, RecordTypes types) {
		nested.register(HISTORY, HistoryEntry.class, "record");
		DataFetcher<Object> payloadRecord = env -> env.<Payload<?>>getSource().record();
		return wiring -> {
			types.all().forEach(recordType -> {
				DataFetcher<?> changes = history(nested, recordType.name());
				recordType.objectTypes()
					.forEach(objectType -> wiring.type(objectType, type -> type.dataFetcher("changes", changes)));
				wiring.type(recordType.payloadType(),
						type -> type.dataFetcher(recordType.payloadField(), payloadRecord));
			});
			wiring.type("AddCitationPayload", type -> type.dataFetcher("record", payloadRecord));
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
