package org.sanctionsgraph.tie;

import org.sanctionsgraph.records.RecordType;
import org.sanctionsgraph.write.Drafts;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Ties as a record kind: cited, not searched (their ends are). */
@Configuration(proxyBeanMethods = false)
class TieRecords {

	static final Drafts<Tie, TieBuilder> DRAFTS = new Drafts<>(id -> TieBuilder.builder().id(id), TieBuilder::builder,
			TieBuilder::build);

	@Bean
	RecordType<Tie> tieType() {
		return RecordType.of("Tie", Tie.class, "tie")
			.citable(DRAFTS.appending(TieBuilder::citations, TieBuilder::citations))
			.storedList("citations", "citations");
	}

}
