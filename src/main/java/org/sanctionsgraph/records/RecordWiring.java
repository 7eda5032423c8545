package org.sanctionsgraph.records;

import graphql.TrivialDataFetcher;
import graphql.schema.TypeResolver;
import org.sanctionsgraph.graphql.GlobalId;
import org.sanctionsgraph.paging.Sortable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.graphql.autoconfigure.GraphQlSourceBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.graphql.execution.RuntimeWiringConfigurer;

/**
 * Wires every registered record kind into the schema: opaque global ids on its object
 * types, and type resolution for the interfaces its records appear under (Node, Measure,
 * Party).
 */
@Configuration(proxyBeanMethods = false)
class RecordWiring {

	private static final Logger log = LoggerFactory.getLogger(RecordWiring.class);

	@Bean
	RuntimeWiringConfigurer recordIdWiring(RecordTypes types) {
		return wiring -> types.all().forEach(type -> {
			String idType = type.name();
			TrivialDataFetcher<String> id = env -> GlobalId.encode(idType, env.<Sortable>getSource().id());
			type.objectTypes().forEach(objectType -> wiring.type(objectType, fields -> fields.dataFetcher("id", id)));
		});
	}

	@Bean
	GraphQlSourceBuilderCustomizer recordTypeResolution(RecordTypes types) {
		return builder -> builder.defaultTypeResolver(typeResolver(types)).inspectSchemaMappings(inspector -> {
			types.all()
				.forEach(type -> type.objectTypes()
					.forEach(objectType -> inspector.classMapping(objectType, type.documentClass())));
		}, report -> {
			if (!report.unmappedFields().isEmpty() || !report.unmappedRegistrations().isEmpty()) {
				log.warn("{}", report);
			}
		});
	}

	/**
	 * A record's object type as its kind says; any other value's type is named after its
	 * class.
	 */
	static TypeResolver typeResolver(RecordTypes types) {
		return env -> {
			Object value = env.getObject();
			RecordType<?> type = types.ofRecord(value);
			String name = type != null ? type.objectTypeOf(value) : value.getClass().getSimpleName();
			return env.getSchema().getObjectType(name);
		};
	}

}
