package org.sanctionsgraph.graphql;

import graphql.TrivialDataFetcher;
import graphql.schema.GraphQLObjectType;
import graphql.schema.TypeResolver;
import org.sanctionsgraph.event.Event;
import org.sanctionsgraph.measure.Measure;
import org.sanctionsgraph.measure.MeasureKind;
import org.sanctionsgraph.organization.Organization;
import org.sanctionsgraph.paging.Sortable;
import org.sanctionsgraph.party.Party;
import org.sanctionsgraph.person.Person;
import org.sanctionsgraph.program.Membership;
import org.sanctionsgraph.program.Program;
import org.sanctionsgraph.source.Source;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.graphql.autoconfigure.GraphQlSourceBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.graphql.execution.RuntimeWiringConfigurer;

/**
 * Wires the schema to the records: the Date scalar, opaque global ids on every Node type, and type
 * resolution for the Node and Measure interfaces (a Measure record is a Sanction or a
 * Countermeasure by its kind).
 */
@Configuration(proxyBeanMethods = false)
class GraphQlConfiguration {

	private static final Logger log = LoggerFactory.getLogger(GraphQlConfiguration.class);

	@Bean
	RuntimeWiringConfigurer sanctionsWiring() {
		return wiring -> {
			wiring.scalar(DateScalar.DATE);
			wiring.scalar(DateScalar.DATE_TIME);
			GlobalId.OBJECT_TYPES.forEach((objectType, idType) -> {
				TrivialDataFetcher<String> id = env -> GlobalId.encode(idType, env.<Sortable>getSource().id());
				wiring.type(objectType, type -> type.dataFetcher("id", id));
			});
		};
	}

	@Bean
	GraphQlSourceBuilderCustomizer typeResolution() {
		return builder -> builder.defaultTypeResolver(typeResolver())
			.inspectSchemaMappings(
					inspector -> inspector.classMapping("Sanction", Measure.class)
						.classMapping("Countermeasure", Measure.class)
						.classMapping("Party", Party.class)
						.classMapping("Person", Person.class)
						.classMapping("Organization", Organization.class)
						.classMapping("Event", Event.class)
						.classMapping("Program", Program.class)
						.classMapping("Membership", Membership.class)
						.classMapping("Source", Source.class),
					report -> {
						if (!report.unmappedFields().isEmpty() || !report.unmappedRegistrations().isEmpty()) {
							log.warn("{}", report);
						}
					});
	}

	static TypeResolver typeResolver() {
		return env -> {
			Object value = env.getObject();
			String name = (value instanceof Measure measure)
					? (measure.kind() == MeasureKind.COUNTERMEASURE ? "Countermeasure" : "Sanction")
					: value.getClass().getSimpleName();
			GraphQLObjectType type = env.getSchema().getObjectType(name);
			return type;
		};
	}

}
