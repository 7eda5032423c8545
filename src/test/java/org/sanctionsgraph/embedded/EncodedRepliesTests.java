package org.sanctionsgraph.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.DataInputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.bson.BsonDecoder;
import de.bwaldvogel.mongo.wire.bson.BsonEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A {@code find} is answered with the stored bytes of the documents it returns whole, and
 * the answer is the same as the stock server's; anything that is not a stored document as
 * it is (a projection, a later batch, the document a write returns) is encoded as the
 * stock server encodes it.
 */
class EncodedRepliesTests {

	private IndexedH2Backend backend;

	private MongoServer server;

	private MongoClient client;

	private MongoCollection<org.bson.Document> things;

	private int port;

	@BeforeEach
	void start() {
		this.backend = new IndexedH2Backend(MVStore.open(null));
		this.server = new MongoServer(this.backend);
		InetSocketAddress address = this.server.bind();
		this.port = address.getPort();
		this.client = MongoClients.create("mongodb://127.0.0.1:" + address.getPort());
		this.things = this.client.getDatabase("test").getCollection("things");
		this.things.createIndex(new org.bson.Document("group", 1).append("n", 1));
		List<org.bson.Document> all = new ArrayList<>();
		for (int i = 0; i < 20; i++) {
			all.add(thing(i));
		}
		this.things.insertMany(all);
	}

	@AfterEach
	void stop() {
		this.client.close();
		this.server.shutdownNow();
	}

	private static org.bson.Document thing(int i) {
		return new org.bson.Document("_id", "t" + i).append("n", i)
			.append("group", "g" + i % 3)
			.append("name", "Лукашэнка " + i + " \uD83C\uDDE7\uD83C\uDDFE")
			.append("at", java.util.Date.from(java.time.Instant.ofEpochSecond(1_600_000_000L + i)))
			.append("tags", List.of("t" + i % 2, new org.bson.Document("deep", List.of(i, 2.5, true))))
			.append("nothing", null)
			.append("big", (long) i << 40);
	}

	@Test
	void aFindIsAnsweredWithTheStoredDocuments() {
		long before = this.backend.documentsSentAsStored();
		// through an index, sorted, skipped and limited
		List<org.bson.Document> found = this.things.find(Filters.eq("group", "g1"))
			.sort(Sorts.descending("n"))
			.skip(1)
			.limit(3)
			.into(new ArrayList<>());
		assertThat(found).containsExactly(thing(16), thing(13), thing(10));
		// by scanning, with documents the filter turns down
		assertThat(this.things.find(Filters.gt("big", 17L << 40)).into(new ArrayList<>())).containsExactly(thing(18),
				thing(19));
		assertThat(this.backend.documentsSentAsStored() - before).isEqualTo(5);
	}

	@Test
	void whatIsNotAStoredDocumentAsItIsIsEncodedAsBefore() {
		long before = this.backend.documentsSentAsStored();
		// a projection makes new documents
		assertThat(this.things.find(Filters.eq("_id", "t4")).projection(Projections.include("n")).first())
			.isEqualTo(new org.bson.Document("_id", "t4").append("n", 4));
		assertThat(this.backend.documentsSentAsStored()).isEqualTo(before);

		// a write's answer is the changed document, and a find after it sends the new one
		org.bson.Document changed = this.things.findOneAndUpdate(Filters.eq("_id", "t4"), Updates.set("n", 44),
				new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER));
		assertThat(changed).isEqualTo(thing(4).append("n", 44));
		assertThat(this.things.find(Filters.eq("_id", "t4")).first()).isEqualTo(changed);
		assertThat(this.backend.documentsSentAsStored()).isEqualTo(before + 1);

		// the first batch goes as stored, later batches (getMore) are encoded
		List<org.bson.Document> all = this.things.find()
			.sort(Sorts.ascending("_id"))
			.batchSize(4)
			.into(new ArrayList<>());
		assertThat(all).hasSize(20);
		assertThat(all.stream().map(d -> d.getString("_id"))).isSorted();
		assertThat(all).contains(changed, thing(0), thing(19));
		assertThat(this.backend.documentsSentAsStored()).isEqualTo(before + 1 + 4);
	}

	@Test
	void aFindSentAsALegacyQueryIsAnsweredAsWell() throws IOException {
		long before = this.backend.documentsSentAsStored();
		try (Socket socket = new Socket("127.0.0.1", this.port)) {
			// twice: a reply the connection could not encode would close it
			for (int round = 0; round < 2; round++) {
				Document reply = legacyCommand(socket,
						new Document("find", "things").append("filter", new Document("group", "g2"))
							.append("sort", new Document("n", 1)));
				List<?> batch = (List<?>) ((Document) reply.get("cursor")).get("firstBatch");
				assertThat(batch).hasSize(6);
				for (int i = 0; i < 6; i++) {
					Document found = (Document) batch.get(i);
					org.bson.Document expected = thing(2 + 3 * i);
					assertThat(found.get("_id")).isEqualTo(expected.get("_id"));
					assertThat(found.get("name")).isEqualTo(expected.get("name"));
					assertThat(found.get("big")).isEqualTo(expected.get("big"));
				}
			}
		}
		assertThat(this.backend.documentsSentAsStored() - before).isEqualTo(12);
	}

	/**
	 * A command as an {@code OP_QUERY} on {@code test.$cmd}, and its {@code OP_REPLY}.
	 */
	private static Document legacyCommand(Socket socket, Document command) throws IOException {
		ByteBuf request = Unpooled.buffer();
		try {
			request.writeIntLE(0);
			request.writeIntLE(1);
			request.writeIntLE(0);
			request.writeIntLE(2004);
			request.writeIntLE(0);
			ByteBufUtil.writeUtf8(request, "test.$cmd");
			request.writeByte(0);
			request.writeIntLE(0);
			request.writeIntLE(-1);
			BsonEncoder.encodeDocument(command, request);
			request.setIntLE(0, request.writerIndex());
			socket.getOutputStream().write(ByteBufUtil.getBytes(request));
		}
		finally {
			request.release();
		}
		DataInputStream in = new DataInputStream(socket.getInputStream());
		byte[] length = new byte[4];
		in.readFully(length);
		byte[] rest = new byte[Unpooled.wrappedBuffer(length).readIntLE() - 4];
		in.readFully(rest);
		ByteBuf reply = Unpooled.wrappedBuffer(rest);
		reply.skipBytes(8);
		assertThat(reply.readIntLE()).as("OP_REPLY").isEqualTo(1);
		reply.skipBytes(4 + 8 + 4);
		assertThat(reply.readIntLE()).as("documents").isEqualTo(1);
		return BsonDecoder.decodeBson(reply);
	}

	@Test
	void everyOtherReplyIsEncodedAsTheStockEncoderDoes() {
		Document document = BsonDocumentTypeTests.everyKind()
			// keys and strings with characters of two, three and four bytes, and lone
			// surrogates before ASCII, two- and three-byte characters and a pair
			.append("ключ €", "a \uD83C\uDDE7\uD83C\uDDFE b \uD800 c")
			.append("lone \uD800é", "\uD800é \uD800中 \uD800\uD83D\uDE00 \uDC00x \uD83D")
			.append("set", new LinkedHashSet<>(List.of("x", "y")))
			.append("empty", new Document())
			.append("none", List.of());
		assertThat(bytes(document, true)).isEqualTo(bytes(document, false));
	}

	private static byte[] bytes(Document document, boolean ours) {
		ByteBuf buffer = Unpooled.buffer();
		try {
			if (ours) {
				EncodedReplies.encode(document, buffer);
			}
			else {
				BsonEncoder.encodeDocument(document, buffer);
			}
			return ByteBufUtil.getBytes(buffer);
		}
		finally {
			buffer.release();
		}
	}

}
