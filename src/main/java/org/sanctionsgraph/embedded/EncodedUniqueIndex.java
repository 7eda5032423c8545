package org.sanctionsgraph.embedded;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import de.bwaldvogel.mongo.backend.AbstractUniqueIndex;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import org.h2.mvstore.MVMap;

/**
 * A unique index of the embedded server (every collection's {@code _id}, and the unique
 * indexes the app declares), kept in the data file like the stock one, but under keys
 * that are plain strings. The stock index keys its map by the key values themselves,
 * which the store can only compare by serializing both sides with Java serialization, on
 * every step of every lookup: most of the cost of a bulk insert. Here each key is encoded
 * once per operation into a string that is equal exactly when the (normalized) key values
 * are, and can be decoded again ({@link #getIterable} hands keys back).
 *
 * <p>
 * Encoding: per value a type tag, the payload's length and the payload
 * ({@code s5:Minsk}). Strings and booleans as they are; numbers in their shortest exact
 * decimal form, so that 1, 1L and 1.0 share a key as MongoDB's unique indexes have them
 * do; null and a missing field alike; anything else (dates, object ids, embedded
 * documents) in its Java serialization, which is what the stock index compared too.
 */
final class EncodedUniqueIndex extends AbstractUniqueIndex<Object> {

	private final MVMap<String, Object> map;

	private final boolean kept;

	/**
	 * An index over its map; {@code kept} when the map was in the data file already,
	 * after a clean stop, so filled whole: every write's commit (and the stop's) holds
	 * its documents and their unique keys together.
	 */
	EncodedUniqueIndex(MVMap<String, Object> map, String name, List<IndexKey> keys, boolean sparse, boolean kept) {
		super(name, keys, sparse);
		this.map = map;
		this.kept = kept;
	}

	/**
	 * Whether the index was kept in the data file, even with no entry (a sparse index no
	 * document holds a value for): nothing to build from the documents.
	 */
	boolean kept() {
		return this.kept;
	}

	@Override
	protected Object removeDocument(KeyValue key) {
		return this.map.remove(encode(key));
	}

	@Override
	protected boolean putKeyPosition(KeyValue key, Object position) {
		return this.map.putIfAbsent(encode(key), position) == null;
	}

	@Override
	protected Iterable<Map.Entry<KeyValue, Object>> getIterable() {
		List<Map.Entry<KeyValue, Object>> entries = new ArrayList<>();
		this.map.forEach((key, position) -> entries.add(new AbstractMap.SimpleEntry<>(decode(key), position)));
		return entries;
	}

	@Override
	protected Object getPosition(KeyValue key) {
		return this.map.get(encode(key));
	}

	@Override
	public long getCount() {
		return this.map.sizeAsLong();
	}

	@Override
	public boolean isEmpty() {
		return this.map.isEmpty();
	}

	@Override
	public long getDataSize() {
		// an estimate, as the stock index gives: the store does not track a map's bytes
		return getCount() * 64;
	}

	@Override
	public void drop() {
		this.map.clear();
	}

	static String encode(KeyValue key) {
		StringBuilder out = new StringBuilder();
		for (Object value : key.normalized()) {
			String payload;
			char tag;
			if (value == null) {
				tag = 'z';
				payload = "";
			}
			else if (value instanceof String text) {
				tag = 's';
				payload = text;
			}
			else if (value instanceof Boolean flag) {
				tag = 'b';
				payload = flag.toString();
			}
			else if ((value instanceof Integer || value instanceof Long || value instanceof Double)
					&& !(value instanceof Double d && (d.isNaN() || d.isInfinite()))) {
				tag = 'n';
				payload = new BigDecimal(value.toString()).stripTrailingZeros().toPlainString();
			}
			else {
				tag = 'x';
				payload = serialize(value);
			}
			out.append(tag).append(payload.length()).append(':').append(payload);
		}
		return out.toString();
	}

	static KeyValue decode(String encoded) {
		List<Object> values = new ArrayList<>();
		int at = 0;
		while (at < encoded.length()) {
			char tag = encoded.charAt(at);
			int colon = encoded.indexOf(':', at);
			int length = Integer.parseInt(encoded.substring(at + 1, colon));
			String payload = encoded.substring(colon + 1, colon + 1 + length);
			at = colon + 1 + length;
			values.add(switch (tag) {
				case 'z' -> null;
				case 's' -> payload;
				case 'b' -> Boolean.valueOf(payload);
				case 'n' -> number(payload);
				default -> deserialize(payload);
			});
		}
		return new KeyValue(values);
	}

	private static Object number(String decimal) {
		BigDecimal value = new BigDecimal(decimal);
		try {
			return value.longValueExact();
		}
		catch (ArithmeticException notWhole) {
			return value.doubleValue();
		}
	}

	private static String serialize(Object value) {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
			out.writeObject(value);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return Base64.getEncoder().encodeToString(bytes.toByteArray());
	}

	private static Serializable deserialize(String base64) {
		try (ObjectInputStream in = new ObjectInputStream(
				new ByteArrayInputStream(Base64.getDecoder().decode(base64)))) {
			return (Serializable) in.readObject();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (ClassNotFoundException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
