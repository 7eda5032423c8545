package org.sanctionsgraph.measure;

import java.util.List;

import org.sanctionsgraph.records.RecordType;
import org.sanctionsgraph.write.Drafts;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Measures as a record kind: a Sanction or a Countermeasure by their kind, cited, not
 * searched by name.
 */
@Configuration(proxyBeanMethods = false)
class MeasureRecords {

	static final Drafts<Measure, MeasureBuilder> DRAFTS = new Drafts<>(id -> MeasureBuilder.builder().id(id),
			MeasureBuilder::builder, MeasureBuilder::build);

	@Bean
	RecordType<Measure> measureType() {
		return RecordType.of("Measure", Measure.class, "measure")
			.servedBy(List.of("Sanction", "Countermeasure"),
					measure -> measure.kind() == MeasureKind.COUNTERMEASURE ? "Countermeasure" : "Sanction")
			.citable(DRAFTS.appending(MeasureBuilder::citations, MeasureBuilder::citations));
	}

}
