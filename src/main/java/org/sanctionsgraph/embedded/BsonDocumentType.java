package org.sanctionsgraph.embedded;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.Arrays;

import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.bson.BsonDecoder;
import de.bwaldvogel.mongo.wire.bson.BsonEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import org.h2.mvstore.DataUtils;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.BasicDataType;

/**
 * How a collection's documents are kept in the data file: as BSON, the server's own wire
 * encoding (every value a document can hold has one), where the store's default writes
 * Java-serialised objects, several times slower to write and read and larger. A value
 * BSON cannot carry (none is known) is still kept, Java-serialised, behind a tag of its
 * own, so a write never fails for its encoding.
 *
 * <p>
 * The store's values are {@link Stored} documents, the encoded bytes themselves, also in
 * its page cache: a page read from the file is not decoded, and a page written again (the
 * store rewrites a whole page when one of its documents changes) is not encoded again. A
 * document is decoded when a query reads it ({@link Stored#decoded()}), so the cache
 * holds about the data file's size in memory, where decoded documents take about ten
 * times that.
 */
final class BsonDocumentType extends BasicDataType<Object> {

	static final BsonDocumentType INSTANCE = new BsonDocumentType();

	private static final byte BSON = 1;

	private static final byte SERIALIZED = 2;

	/** Bytes of memory a stored document takes besides its encoding. */
	private static final int OVERHEAD = 48;

	private BsonDocumentType() {
	}

	/**
	 * A document as it is kept: its encoding (BSON, or Java serialisation behind its own
	 * tag).
	 *
	 * @param tag how the bytes encode the document
	 * @param bytes the encoded document, never changed
	 */
	record Stored(byte tag, byte[] bytes) {

		/** A new decoded copy of the document, which the caller may change. */
		Document decoded() {
			// the tag is one of the two: read checks it, stored sets it
			return this.tag == BSON ? BsonDecoder.decodeBson(Unpooled.wrappedBuffer(this.bytes))
					: deserialized(this.bytes);
		}

		/** Whether the bytes are the document's BSON. */
		boolean bson() {
			return this.tag == BSON;
		}

	}

	/** The document encoded for the store. */
	static Stored stored(Document document) {
		try {
			return new Stored(BSON, bson(document));
		}
		catch (RuntimeException ex) {
			return new Stored(SERIALIZED, serialized(document));
		}
	}

	/** The length of a stored document's encoding. */
	static int size(Object value) {
		return asStored(value).bytes.length;
	}

	@Override
	public int getMemory(Object value) {
		return asStored(value).bytes.length + OVERHEAD;
	}

	@Override
	public void write(WriteBuffer buffer, Object value) {
		Stored stored = asStored(value);
		buffer.put(stored.tag).putVarInt(stored.bytes.length).put(stored.bytes);
	}

	@Override
	public Stored read(ByteBuffer buffer) {
		byte tag = buffer.get();
		int length = DataUtils.readVarInt(buffer);
		byte[] bytes = new byte[length];
		buffer.get(bytes);
		if (tag != BSON && tag != SERIALIZED) {
			throw new IllegalStateException("Unknown document encoding " + tag + " in the data file");
		}
		return new Stored(tag, bytes);
	}

	private static Stored asStored(Object value) {
		// the collection puts only encoded documents into the map (IndexedH2Collection)
		return (Stored) value;
	}

	@Override
	public Object[] createStorage(int size) {
		return new Object[size];
	}

	@Override
	public int compare(Object a, Object b) {
		// values are only ever compared for equality (a conditional replace)
		Stored one = asStored(a);
		Stored other = asStored(b);
		return one.tag == other.tag && Arrays.equals(one.bytes, other.bytes) ? 0 : 1;
	}

	private static byte[] bson(Document document) {
		ByteBuf buffer = Unpooled.buffer(256);
		try {
			BsonEncoder.encodeDocument(document, buffer);
			byte[] bytes = new byte[buffer.readableBytes()];
			buffer.readBytes(bytes);
			return bytes;
		}
		finally {
			buffer.release();
		}
	}

	private static byte[] serialized(Document document) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (ObjectOutputStream objects = new ObjectOutputStream(out)) {
			objects.writeObject(document);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out.toByteArray();
	}

	private static Document deserialized(byte[] bytes) {
		try (ObjectInputStream objects = new ObjectInputStream(new ByteArrayInputStream(bytes))) {
			return (Document) objects.readObject();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (ClassNotFoundException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
