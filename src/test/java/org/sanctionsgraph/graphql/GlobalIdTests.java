package org.sanctionsgraph.graphql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class GlobalIdTests {

	@Test
	void encodesTypeAndKeyOpaquely() {
		String id = GlobalId.encode("Measure", "m-eu-sectoral-2021");
		assertThat(id).doesNotContain("Measure").doesNotContain("sectoral");
		assertThat(GlobalId.decode("id", id)).isEqualTo(new GlobalId("Measure", "m-eu-sectoral-2021"));
		assertThat(GlobalId.decode("id", id, "Measure")).isEqualTo("m-eu-sectoral-2021");
	}

	@Test
	void refusesForeignAndWrongTypeIds() {
		assertThatThrownBy(() -> GlobalId.decode("id", "not base64!"))
			.hasMessage("Invalid argument 'id': not an id issued by this API");
		// which kinds exist is the registry's to say (RecordTypesTests); the shape of a
		// kind is checked here
		assertThatThrownBy(() -> GlobalId.decode("id", GlobalId.encode("space ship", "x")))
			.hasMessage("Invalid argument 'id': not an id issued by this API");
		assertThatThrownBy(() -> GlobalId.decode("id", GlobalId.encode("Party", "")))
			.hasMessage("Invalid argument 'id': not an id issued by this API");
		assertThatThrownBy(() -> GlobalId.decode("measure", GlobalId.encode("Party", "by"), "Measure"))
			.hasMessageContaining("'measure'")
			.hasMessageContaining("Party");
	}

}
