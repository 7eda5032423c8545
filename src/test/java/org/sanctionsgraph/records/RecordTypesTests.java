package org.sanctionsgraph.records;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.sanctionsgraph.graphql.GlobalId;
import org.sanctionsgraph.measure.Measure;
import org.sanctionsgraph.measure.MeasureKind;
import org.sanctionsgraph.paging.Sortable;
import org.sanctionsgraph.person.Person;
import org.sanctionsgraph.person.PersonRecords;

import org.springframework.data.mongodb.core.mapping.Document;

class RecordTypesTests {

	private final RecordType<Measure> measures = RecordType.of("Measure", Measure.class, "measure")
		.servedBy(List.of("Sanction", "Countermeasure"),
				measure -> measure.kind() == MeasureKind.COUNTERMEASURE ? "Countermeasure" : "Sanction");

	private final RecordTypes types = new RecordTypes(List.of(PersonRecords.TYPE, this.measures));

	@Test
	void looksKindsUpByNameClassAndCollection() {
		assertThat(this.types.named("Person")).isSameAs(PersonRecords.TYPE);
		assertThat(this.types.of(Measure.class)).isSameAs(this.measures);
		assertThat(this.types.inCollection("people")).isSameAs(PersonRecords.TYPE);
		assertThat(this.types.inCollection("measures")).isSameAs(this.measures);
		assertThat(this.types.named("Spaceship")).isNull();
		assertThat(this.types.searchable()).containsExactly(PersonRecords.TYPE);
		assertThat(PersonRecords.TYPE.payloadType()).isEqualTo("PersonPayload");
	}

	@Test
	void decodesOnlyIdsOfRegisteredKinds() {
		assertThat(this.types.decode("id", GlobalId.encode("Person", "p-1"))).isEqualTo(new GlobalId("Person", "p-1"));
		assertThatThrownBy(() -> this.types.decode("ids[2]", GlobalId.encode("Spaceship", "x")))
			.hasMessage("Invalid argument 'ids[2]': not an id issued by this API");
	}

	@Test
	void refusesTwoKindsOfOneName() {
		RecordType<Person> again = RecordType.of("Person", Person.class, "person");
		assertThatThrownBy(() -> new RecordTypes(List.of(PersonRecords.TYPE, again)))
			.hasMessage("two record types are named Person");
	}

	@Test
	void refusesADocumentClassWithoutCollection() {
		assertThatThrownBy(() -> RecordTypes.collection(Unmapped.class)).hasMessageContaining("names no collection");
		assertThat(RecordTypes.collection(Person.class)).isEqualTo(Person.class.getAnnotation(Document.class).value())
			.isEqualTo("people");
	}

	record Unmapped(String id, String sortKey) implements Sortable {
	}

}
