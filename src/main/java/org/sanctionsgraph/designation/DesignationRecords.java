package org.sanctionsgraph.designation;

import org.sanctionsgraph.records.RecordType;
import org.sanctionsgraph.write.Drafts;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Designations as a record kind: cited, not searched by name. */
@Configuration(proxyBeanMethods = false)
public class DesignationRecords {

	public static final Drafts<Designation, DesignationBuilder> DRAFTS = new Drafts<>(
			id -> DesignationBuilder.builder().id(id), DesignationBuilder::builder, DesignationBuilder::build);

	@Bean
	RecordType<Designation> designationType() {
		return RecordType.of("Designation", Designation.class, "designation")
			.citable(DRAFTS.appending(DesignationBuilder::citations, DesignationBuilder::citations))
			.storedList("citations", "citations");
	}

}
