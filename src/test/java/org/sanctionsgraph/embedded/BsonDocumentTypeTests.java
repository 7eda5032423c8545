package org.sanctionsgraph.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.bson.BinData;
import de.bwaldvogel.mongo.bson.BsonRegularExpression;
import de.bwaldvogel.mongo.bson.BsonTimestamp;
import de.bwaldvogel.mongo.bson.Decimal128;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.bson.MaxKey;
import de.bwaldvogel.mongo.bson.MinKey;
import de.bwaldvogel.mongo.bson.ObjectId;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.WriteBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded server keeps documents as BSON in a data file made since, and goes on
 * reading (and writing) the Java-serialised documents of a file made before.
 */
class BsonDocumentTypeTests {

	@TempDir
	Path dir;

	/** A document with a value of every kind the embedded server encodes as BSON. */
	static Document everyKind() {
		Document nested = new Document("name", "Минск").append("at", Instant.ofEpochMilli(1_600_000_000_123L));
		return new Document("_id", "a-1").append("text", "Lukashenka, Аляксандр")
			.append("int", 42)
			.append("long", 1L << 40)
			.append("double", 0.1)
			.append("nan", Double.NaN)
			.append("yes", true)
			.append("nothing", null)
			.append("at", Instant.parse("2021-06-21T10:15:30.123Z"))
			.append("oid", new ObjectId())
			.append("nested", nested)
			.append("list", new ArrayList<>(Arrays.asList(1, "two", nested, null, List.of(3L))))
			.append("decimal", new Decimal128(new java.math.BigDecimal("12.50")))
			.append("binary", new BinData(new byte[] { 1, 2, 3 }))
			.append("uuid", UUID.fromString("123e4567-e89b-12d3-a456-426614174000"))
			.append("timestamp", new BsonTimestamp(7L))
			.append("pattern", new BsonRegularExpression("^Measure:", "i"))
			.append("min", MinKey.getInstance())
			.append("max", MaxKey.getInstance());
	}

	@Test
	void everyKindOfValueComesBackAsItWasStored() {
		Document document = everyKind();
		Document read = roundTrip(document);
		assertThat(read.keySet()).containsExactlyElementsOf(document.keySet());
		document.forEach((key, value) -> {
			Object back = read.get(key);
			if (value instanceof BsonRegularExpression) {
				// which has no equals of its own
				assertThat(back).as(key).hasToString(value.toString());
			}
			else {
				assertThat(back).as(key).isEqualTo(value);
			}
			assertThat(back == null ? null : back.getClass()).as(key)
				.isEqualTo(value == null ? null : value.getClass());
		});
		// a value BSON has no type for is still kept (serialised behind a tag of its own)
		Document odd = new Document("_id", "a-2").append("day", LocalDate.of(2020, 8, 9));
		assertThat(roundTrip(odd)).isEqualTo(odd);
	}

	private static Document roundTrip(Document document) {
		WriteBuffer buffer = new WriteBuffer();
		BsonDocumentType.INSTANCE.write(buffer, BsonDocumentType.stored(document));
		ByteBuffer bytes = buffer.getBuffer();
		bytes.flip();
		BsonDocumentType.Stored read = BsonDocumentType.INSTANCE.read(bytes);
		assertThat(bytes.remaining()).isZero();
		// what is read back is what was written, not decoded yet
		assertThat(read.bytes()).isEqualTo(BsonDocumentType.stored(document).bytes());
		Document decoded = read.decoded();
		// each read decodes a copy of its own, which its reader may change
		assertThat(read.decoded()).isNotSameAs(decoded).hasSameSizeAs(decoded);
		return decoded;
	}

	@Test
	void aNewDataFileKeepsBsonAndOneMadeBeforeKeepsWhatItHad() {
		Path made = this.dir.resolve("new.mv");
		use(IndexedH2Backend.open(made, 4), things -> things.insertMany(documents(0, 50)));
		use(IndexedH2Backend.open(made, 4), things -> {
			things.updateOne(Filters.eq("_id", "d7"), Updates.set("title", "changed"));
			things.insertMany(documents(50, 60));
		});
		use(IndexedH2Backend.open(made, 4), things -> assertHolds(things, 60));
		assertThat(format(made)).isEqualTo("bson");

		// a file the stock backend wrote (Java-serialised documents), before this format
		Path before = this.dir.resolve("before.mv");
		use(new H2Backend(before.toString()), things -> things.insertMany(documents(0, 50)));
		use(IndexedH2Backend.open(before, 4), things -> {
			assertThat(things.countDocuments()).isEqualTo(50);
			things.updateOne(Filters.eq("_id", "d7"), Updates.set("title", "changed"));
			things.insertMany(documents(50, 60));
		});
		use(IndexedH2Backend.open(before, 4), things -> assertHolds(things, 60));
		assertThat(format(before)).isNull();
	}

	private static List<org.bson.Document> documents(int from, int to) {
		List<org.bson.Document> documents = new ArrayList<>();
		for (int i = from; i < to; i++) {
			documents.add(new org.bson.Document("_id", "d" + i).append("n", i)
				.append("at", java.util.Date.from(Instant.ofEpochSecond(1_600_000_000L + i)))
				.append("tags", List.of("t" + i % 3, "всё")));
		}
		return documents;
	}

	private static void assertHolds(MongoCollection<org.bson.Document> things, int count) {
		List<org.bson.Document> all = things.find().sort(new org.bson.Document("n", 1)).into(new ArrayList<>());
		assertThat(all).hasSize(count);
		for (int i = 0; i < count; i++) {
			org.bson.Document expected = documents(i, i + 1).get(0);
			if (i == 7) {
				expected.append("title", "changed");
			}
			assertThat(all.get(i)).isEqualTo(expected);
		}
	}

	private static void use(H2Backend backend, Consumer<MongoCollection<org.bson.Document>> work) {
		MongoServer server = new MongoServer(backend);
		InetSocketAddress address = server.bind();
		try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + address.getPort())) {
			work.accept(client.getDatabase("test").getCollection("things"));
		}
		finally {
			server.shutdownNow();
		}
	}

	/** What the file's format map says of its documents (null when it says nothing). */
	private static String format(Path file) {
		MVStore store = new MVStore.Builder().fileName(file.toString()).readOnly().open();
		try {
			return store.hasMap(IndexedH2Backend.FORMAT_MAP)
					? store.<String, String>openMap(IndexedH2Backend.FORMAT_MAP).get("documents") : null;
		}
		finally {
			store.close();
		}
	}

}
