package org.sanctionsgraph.measure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.sanctionsgraph.db.MongoMappingConfiguration;
import org.sanctionsgraph.model.Citation;
import org.sanctionsgraph.model.FuzzyDate;
import org.sanctionsgraph.program.MembershipStatus;

import org.springframework.data.mongodb.core.convert.MappingMongoConverter;
import org.springframework.data.mongodb.core.convert.MongoCustomConversions;
import org.springframework.data.mongodb.core.convert.NoOpDbRefResolver;
import org.springframework.data.mongodb.core.mapping.MongoMappingContext;

/** The measure reader reads back exactly what the generic mapping writes and reads. */
class MeasureReaderTests {

	private final MappingMongoConverter generic = generic();

	private static MappingMongoConverter generic() {
		MongoCustomConversions conversions = new MongoCustomConversions(List
			.of(new MongoMappingConfiguration.FuzzyDateWriter(), new MongoMappingConfiguration.FuzzyDateReader()));
		MongoMappingContext context = new MongoMappingContext();
		context.setSimpleTypeHolder(conversions.getSimpleTypeHolder());
		context.afterPropertiesSet();
		MappingMongoConverter converter = new MappingMongoConverter(NoOpDbRefResolver.INSTANCE, context);
		converter.setCustomConversions(conversions);
		converter.afterPropertiesSet();
		return converter;
	}

	private void readsBackAsTheGenericMapping(Measure measure) {
		Document stored = new Document();
		this.generic.write(measure, stored);
		stored.append("pendingHistory", List.of());
		Measure viaGeneric = this.generic.read(Measure.class, stored);
		Measure viaReader = new MeasureReader().convert(stored);
		assertThat(viaReader).isEqualTo(viaGeneric).isEqualTo(measure);
	}

	@Test
	void everyFieldComesBack() {
		Measure full = new Measure("m-1", MeasureKind.COUNTERMEASURE, "Title", "Description",
				List.of(MeasureType.ENVOY_RECALL, MeasureType.TRAVEL_BAN), List.of("by"),
				List.of(new Target(TargetKind.PARTY, "eu", null, null, null, null),
						new Target(TargetKind.PERSON, null, "p-1", null, null, "de"),
						new Target(TargetKind.ORGANIZATION, null, null, "o-1", null, "fr"),
						new Target(TargetKind.GROUP, null, null, null, "EU officials", "eu")),
				"prog-1", "Decree 1", "A reason", List.of("e-1"), List.of("m-0", "m-00"), FuzzyDate.of("2021-06"),
				FuzzyDate.of("2021-06-28"), FuzzyDate.of("2021-07"), FuzzyDate.of("2022"), "lifted",
				new MembershipChange("ms-1", MembershipStatus.SUSPENDED, FuzzyDate.of("2021-06-28"), "a note"),
				List.of(new Citation("src-1", "a quote", "a note"), new Citation("src-2", null, null)), null, null,
				null, null, null, null, null, null, null, 7);
		readsBackAsTheGenericMapping(full);
	}

	@Test
	void absentFieldsStayAbsent() {
		readsBackAsTheGenericMapping(Measure.of("m-2", MeasureKind.SANCTION, "Only a title", null, null, null, null,
				null, null, null, null, null, null, null, null, null, null, null, null));
	}

	@Test
	void aDateThatDoesNotParseFailsTheRead() {
		assertThatThrownBy(() -> new MeasureReader().convert(new Document("_id", "x").append("kind", "SANCTION")
			.append("title", "t")
			.append("announced", "2021-99"))).isInstanceOf(IllegalArgumentException.class);
	}

}
