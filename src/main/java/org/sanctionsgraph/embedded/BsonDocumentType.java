package org.sanctionsgraph.embedded;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;

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
 */
final class BsonDocumentType extends BasicDataType<Document> {

	static final BsonDocumentType INSTANCE = new BsonDocumentType();

	private static final byte BSON = 1;

	private static final byte SERIALIZED = 2;

	/**
	 * The average encoded size so far, as the store's estimate of a document's memory.
	 */
	private volatile int averageSize = 1024;

	private BsonDocumentType() {
	}

	@Override
	public int getMemory(Document document) {
		// the decoded objects (a map entry, a key string and a boxed or string value per
		// field) take about six times the encoded bytes; the page cache counts its size
		// in these estimates, so a low one lets it hold more than its size
		return this.averageSize * 6;
	}

	@Override
	public void write(WriteBuffer buffer, Document document) {
		byte[] bytes;
		byte tag;
		try {
			bytes = bson(document);
			tag = BSON;
		}
		catch (RuntimeException ex) {
			bytes = serialized(document);
			tag = SERIALIZED;
		}
		this.averageSize = (this.averageSize * 15 + bytes.length) / 16;
		buffer.put(tag).putVarInt(bytes.length).put(bytes);
	}

	@Override
	public Document read(ByteBuffer buffer) {
		byte tag = buffer.get();
		int length = DataUtils.readVarInt(buffer);
		byte[] bytes = new byte[length];
		buffer.get(bytes);
		if (tag == BSON) {
			return BsonDecoder.decodeBson(Unpooled.wrappedBuffer(bytes));
		}
		if (tag == SERIALIZED) {
			return deserialized(bytes);
		}
		throw new IllegalStateException("Unknown document encoding " + tag + " in the data file");
	}

	@Override
	public Document[] createStorage(int size) {
		return new Document[size];
	}

	@Override
	public int compare(Document a, Document b) {
		// values are only ever compared for equality (a conditional replace)
		return a.equals(b) ? 0 : 1;
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
