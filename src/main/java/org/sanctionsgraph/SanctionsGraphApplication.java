package org.sanctionsgraph;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Entry point of the sanctions GraphQL API. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class SanctionsGraphApplication {

	public static void main(String[] args) {
		SpringApplication.run(SanctionsGraphApplication.class, args);
	}

}
