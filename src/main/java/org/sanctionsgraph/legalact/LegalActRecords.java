package org.sanctionsgraph.legalact;

import org.sanctionsgraph.records.ListSource;
import org.sanctionsgraph.records.RecordType;
import org.sanctionsgraph.write.Drafts;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Legal acts as a record kind: cited, not searched by name. */
@Configuration(proxyBeanMethods = false)
class LegalActRecords {

	static final Drafts<LegalAct, LegalActBuilder> DRAFTS = new Drafts<>(id -> LegalActBuilder.builder().id(id),
			LegalActBuilder::builder, LegalActBuilder::build);

	@Bean
	RecordType<LegalAct> legalActType() {
		return RecordType.of("LegalAct", LegalAct.class, "legalAct")
			.citable(DRAFTS.appending(LegalActBuilder::citations, LegalActBuilder::citations))
			.storedList("citations", "citations")
			.storedList("identifiers", "identifiers")
			// this feature serves the legal acts measures and designations cite
			.list("Measure.legalActs", ListSource.stored("Measure", "legalActIds"))
			.list("Designation.legalActs", ListSource.stored("Designation", "legalActIds"));
	}

}
