package org.sanctionsgraph.graphql;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.graphql.execution.RuntimeWiringConfigurer;

/** The schema's custom scalars, Date and DateTime. */
@Configuration(proxyBeanMethods = false)
class GraphQlConfiguration {

	@Bean
	RuntimeWiringConfigurer scalarWiring() {
		return wiring -> {
			wiring.scalar(DateScalar.DATE);
			wiring.scalar(DateScalar.DATE_TIME);
		};
	}

}
