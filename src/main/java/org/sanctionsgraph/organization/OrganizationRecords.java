package org.sanctionsgraph.organization;

import java.util.List;

import org.sanctionsgraph.records.RecordType;
import org.sanctionsgraph.records.SearchNames;
import org.sanctionsgraph.write.Drafts;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Organisations as a record kind: cited, and searched by name under their country. */
@Configuration(proxyBeanMethods = false)
class OrganizationRecords {

	static final Drafts<Organization, OrganizationBuilder> DRAFTS = new Drafts<>(
			id -> OrganizationBuilder.builder().id(id), OrganizationBuilder::builder, OrganizationBuilder::build);

	@Bean
	RecordType<Organization> organizationType() {
		return RecordType.of("Organization", Organization.class, "organization")
			.citable(DRAFTS.appending(OrganizationBuilder::citations, OrganizationBuilder::citations))
			.searchable(organization -> new SearchNames(organization.name(), organization.aliases(),
					organization.countryId() == null ? List.of() : List.of(organization.countryId())))
			.storedList("aliases", "aliases")
			.storedList("citations", "citations")
			.storedList("identifiers", "identifiers");
	}

}
