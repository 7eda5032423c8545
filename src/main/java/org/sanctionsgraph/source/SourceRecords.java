package org.sanctionsgraph.source;

import org.sanctionsgraph.records.RecordType;
import org.sanctionsgraph.write.Drafts;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Sources as a record kind: what citations point at, themselves neither cited nor
 * searched.
 */
@Configuration(proxyBeanMethods = false)
class SourceRecords {

	static final Drafts<Source, SourceBuilder> DRAFTS = new Drafts<>(id -> SourceBuilder.builder().id(id),
			SourceBuilder::builder, SourceBuilder::build);

	@Bean
	RecordType<Source> sourceType() {
		return RecordType.of("Source", Source.class, "source");
	}

}
