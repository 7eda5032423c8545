package org.sanctionsgraph.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.bson.ObjectId;
import org.junit.jupiter.api.Test;

/**
 * Every kind of index value comes back from a snapshot as it was written: the reader
 * takes numbers and strings straight from its buffer, so values that straddle the
 * buffer's end, strings longer than the buffer and strings written once and referred to
 * by number after that are all among them.
 */
class IndexSnapshotValuesTests {

	@Test
	void everyValueComesBackAsWritten() throws IOException {
		Random random = new Random(11);
		List<Object> values = new ArrayList<>();
		values.add(null);
		values.add(Missing.getInstance());
		values.add("");
		values.add("Лукашенко 🇧🇾 ünïcode");
		values.add("x".repeat(200_000));
		values.add(Integer.MIN_VALUE);
		values.add(Long.MAX_VALUE);
		values.add(-0.0d);
		values.add(Double.NaN);
		values.add(true);
		values.add(false);
		values.add(new ObjectId());
		for (int i = 0; i < 30_000; i++) {
			switch (random.nextInt(5)) {
				case 0 -> values.add("id-" + random.nextInt(2_000));
				case 1 -> values.add(random.nextInt());
				case 2 -> values.add(random.nextLong());
				case 3 -> values.add(random.nextDouble());
				default -> values.add("ä".repeat(random.nextInt(40)));
			}
		}
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (DataOutputStream out = new DataOutputStream(bytes)) {
			Map<String, Integer> strings = new HashMap<>();
			for (Object value : values) {
				IndexSnapshot.writeValue(out, value, strings);
			}
		}
		try (IndexSnapshot.Buffered in = new IndexSnapshot.Buffered(new ByteArrayInputStream(bytes.toByteArray()))) {
			IndexSnapshot.Strings strings = new IndexSnapshot.Strings();
			List<Object> read = new ArrayList<>();
			for (int i = 0; i < values.size(); i++) {
				read.add(IndexSnapshot.readValue(in, strings));
			}
			assertThat(read).containsExactlyElementsOf(values);
			assertThat(in.read()).isEqualTo(-1);
		}
	}

	@Test
	void aValueCutShortIsAnErrorNotAValue() throws IOException {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (DataOutputStream out = new DataOutputStream(bytes)) {
			IndexSnapshot.writeValue(out, Long.MAX_VALUE, new HashMap<>());
			IndexSnapshot.writeValue(out, "a string cut short", new HashMap<>());
		}
		byte[] whole = bytes.toByteArray();
		for (int cut = 1; cut < whole.length; cut++) {
			byte[] part = Arrays.copyOf(whole, cut);
			assertThatThrownBy(() -> {
				try (IndexSnapshot.Buffered in = new IndexSnapshot.Buffered(new ByteArrayInputStream(part))) {
					IndexSnapshot.Strings strings = new IndexSnapshot.Strings();
					IndexSnapshot.readValue(in, strings);
					IndexSnapshot.readValue(in, strings);
				}
			}).as("cut at %d", cut).isInstanceOf(EOFException.class);
		}
	}

	@Test
	void aStringLongerThanTheBufferCutShortOrANegativeLengthIsAnError() throws IOException {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (DataOutputStream out = new DataOutputStream(bytes)) {
			IndexSnapshot.writeValue(out, "y".repeat(300_000), new HashMap<>());
		}
		byte[] cut = Arrays.copyOf(bytes.toByteArray(), 200_000);
		assertThatThrownBy(() -> readOne(cut)).isInstanceOf(EOFException.class);
		// a new string (tag 2) of length -5
		byte[] negative = { 2, -1, -1, -1, -5 };
		assertThatThrownBy(() -> readOne(negative)).isInstanceOf(IOException.class).hasMessage("negative length");
	}

	private static Object readOne(byte[] bytes) throws IOException {
		try (IndexSnapshot.Buffered in = new IndexSnapshot.Buffered(new ByteArrayInputStream(bytes))) {
			return IndexSnapshot.readValue(in, new IndexSnapshot.Strings());
		}
	}

}
