package org.sanctionsgraph.embedded;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Supplier;

import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.BsonConstants;
import de.bwaldvogel.mongo.wire.MongoWireMessageEncoder;
import de.bwaldvogel.mongo.wire.MongoWireReplyEncoder;
import de.bwaldvogel.mongo.wire.OpCode;
import de.bwaldvogel.mongo.wire.bson.BsonEncoder;
import de.bwaldvogel.mongo.wire.message.MessageHeader;
import de.bwaldvogel.mongo.wire.message.MongoMessage;
import de.bwaldvogel.mongo.wire.message.MongoReply;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.codec.MessageToByteEncoder;

/**
 * Replies to {@code find} that carry each whole document as the store keeps it (BSON,
 * {@link BsonDocumentType}) instead of encoding it again from its decoded copy. The stock
 * server decodes every document a query reads (to match it) and encodes every one it
 * answers with, which was most of the server's share of a request's CPU.
 *
 * <p>
 * While a {@code find} runs, every candidate the collection decodes for it is remembered
 * with the bytes it was decoded from, by identity, and forgotten when the query turns it
 * down ({@link #decoded}, {@link #turnedDown}). A document of the first batch that is one
 * of these is the unchanged copy of those bytes, so the bytes go out in its place.
 * Anything else, a projected document (the projection makes a new one) or a document of a
 * store that keeps Java-serialised documents, is encoded as before. Only the collection's
 * own monitor guards a find, and the decoded copies are private to it, so nothing changes
 * a remembered document between its decoding and the reply.
 *
 * <p>
 * The replies go out through {@link Encoder} (and {@link LegacyEncoder} for a legacy
 * {@code OP_QUERY}), which replace the stock encoders on a connection's first
 * {@code find}, and which encode everything else as the stock ones do.
 */
final class EncodedReplies {

	/**
	 * The documents decoded by the {@code find} this thread runs, with their bytes; null
	 * outside one.
	 */
	private static final ThreadLocal<Map<Document, byte[]>> READ = new ThreadLocal<>();

	private EncodedReplies() {
	}

	/** A document in a reply, as the store keeps it. */
	record Encoded(byte[] bytes) {

	}

	/**
	 * Runs a {@code find} on a connection and answers it with the stored bytes of the
	 * documents it returns whole.
	 * @param channel the client's connection, or null when called without one (the answer
	 * is then left as the stock server makes it)
	 * @param sent counts the documents answered with their stored bytes
	 */
	static Document find(Channel channel, AtomicLong sent, Supplier<Document> find) {
		if (channel == null || !encodes(channel.pipeline())) {
			return find.get();
		}
		Map<Document, byte[]> read = new IdentityHashMap<>();
		READ.set(read);
		Document response;
		try {
			response = find.get();
		}
		finally {
			READ.remove();
		}
		if (!read.isEmpty() && response.get("cursor") instanceof Document cursor
				&& cursor.get("firstBatch") instanceof List<?> batch) {
			List<Object> replaced = new ArrayList<>(batch.size());
			for (Object each : batch) {
				byte[] bytes = (each instanceof Document document) ? read.get(document) : null;
				if (bytes != null) {
					replaced.add(new Encoded(bytes));
					sent.incrementAndGet();
				}
				else {
					replaced.add(each);
				}
			}
			cursor.put("firstBatch", replaced);
		}
		return response;
	}

	/**
	 * Whether replies on this pipeline go through {@link Encoder}, putting it in place of
	 * the stock encoder if that is there (on the connection's own thread, where commands
	 * are handled).
	 */
	private static boolean encodes(ChannelPipeline pipeline) {
		if (pipeline.get(Encoder.class) != null) {
			return true;
		}
		if (pipeline.get(MongoWireMessageEncoder.class) == null || pipeline.get(MongoWireReplyEncoder.class) == null) {
			return false;
		}
		// both: a find may come as a legacy OP_QUERY on $cmd and go out as an OP_REPLY
		pipeline.replace(MongoWireMessageEncoder.class, Encoder.class.getName(), new Encoder());
		pipeline.replace(MongoWireReplyEncoder.class, LegacyEncoder.class.getName(), new LegacyEncoder());
		return true;
	}

	/** A document decoded from these bytes, while a {@code find} may answer with it. */
	static void decoded(Document document, byte[] bytes) {
		Map<Document, byte[]> read = READ.get();
		if (read != null) {
			read.put(document, bytes);
		}
	}

	/** A decoded document the query does not answer with. */
	static void turnedDown(Document document) {
		Map<Document, byte[]> read = READ.get();
		if (read != null) {
			read.remove(document);
		}
	}

	/**
	 * Encodes a document as the stock encoder does, stored bytes as they are, and keys
	 * and strings written straight into the buffer rather than through a copy of their
	 * own.
	 */
	static void encode(Map<String, ?> document, ByteBuf out) {
		int start = out.writerIndex();
		out.writeIntLE(0);
		for (Map.Entry<String, ?> entry : document.entrySet()) {
			element(entry.getKey(), entry.getValue(), out);
		}
		out.writeByte(BsonConstants.TERMINATING_BYTE);
		out.setIntLE(start, out.writerIndex() - start);
	}

	private static void element(String key, Object value, ByteBuf out) {
		if (value instanceof Encoded encoded) {
			out.writeByte(BsonConstants.TYPE_EMBEDDED_DOCUMENT);
			cString(key, out);
			out.writeBytes(encoded.bytes());
			return;
		}
		byte type = BsonEncoder.determineType(value);
		out.writeByte(type);
		cString(key, out);
		switch (type) {
			case BsonConstants.TYPE_EMBEDDED_DOCUMENT -> {
				@SuppressWarnings("unchecked")
				Map<String, ?> map = (Map<String, ?>) value;
				encode(map, out);
			}
			case BsonConstants.TYPE_ARRAY -> array((Collection<?>) value, out);
			case BsonConstants.TYPE_UTF8_STRING -> {
				int lengthAt = out.writerIndex();
				out.writeIntLE(0);
				int length = utf8((String) value, out);
				out.writeByte(BsonConstants.STRING_TERMINATION);
				out.setIntLE(lengthAt, length + 1);
			}
			default -> BsonEncoder.encodeValue(type, value, out);
		}
	}

	private static void array(Collection<?> items, ByteBuf out) {
		int start = out.writerIndex();
		out.writeIntLE(0);
		int index = 0;
		for (Object item : items) {
			element(Integer.toString(index++), item, out);
		}
		out.writeByte(BsonConstants.TERMINATING_BYTE);
		out.setIntLE(start, out.writerIndex() - start);
	}

	private static void cString(String text, ByteBuf out) {
		utf8(text, out);
		out.writeByte(BsonConstants.STRING_TERMINATION);
	}

	/**
	 * Writes the text as UTF-8 and says how many bytes that took. Netty writes a lone
	 * surrogate differently from the JDK (it takes the character after it along), so text
	 * holding any surrogate is written as the stock encoder writes it.
	 */
	private static int utf8(String text, ByteBuf out) {
		for (int i = 0; i < text.length(); i++) {
			if (Character.isSurrogate(text.charAt(i))) {
				byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
				out.writeBytes(bytes);
				return bytes.length;
			}
		}
		return ByteBufUtil.writeUtf8(out, text);
	}

	/**
	 * Writes a reply: its header, then what {@code body} writes (on a failure the
	 * connection ends, as with the stock encoders), then its length in front.
	 */
	private static void reply(ChannelHandlerContext context, MessageHeader header, OpCode opCode, ByteBuf out,
			Consumer<ByteBuf> body) {
		int start = out.writerIndex();
		out.writeIntLE(0);
		out.writeIntLE(header.getRequestID());
		out.writeIntLE(header.getResponseTo());
		out.writeIntLE(opCode.getId());
		try {
			body.accept(out);
		}
		catch (RuntimeException ex) {
			context.channel().close();
			throw ex;
		}
		out.setIntLE(start, out.writerIndex() - start);
	}

	/**
	 * The stock encoder of replies (an {@code OP_MSG} with one body section) with
	 * {@link #encode(Map, ByteBuf)} for the body.
	 */
	static final class Encoder extends MessageToByteEncoder<MongoMessage> {

		@Override
		protected void encode(ChannelHandlerContext context, MongoMessage message, ByteBuf out) {
			reply(context, message.getHeader(), OpCode.OP_MSG, out, body -> {
				body.writeIntLE(message.getFlags());
				body.writeByte(MongoMessage.SECTION_KIND_BODY);
				EncodedReplies.encode(message.getDocument(), body);
			});
		}

	}

	/**
	 * The stock encoder of legacy replies ({@code OP_REPLY}, the answer to an
	 * {@code OP_QUERY}) with {@link #encode(Map, ByteBuf)} for the documents.
	 */
	static final class LegacyEncoder extends MessageToByteEncoder<MongoReply> {

		@Override
		protected void encode(ChannelHandlerContext context, MongoReply reply, ByteBuf out) {
			reply(context, reply.getHeader(), OpCode.OP_REPLY, out, body -> {
				body.writeIntLE(reply.getFlags());
				body.writeLongLE(reply.getCursorId());
				body.writeIntLE(reply.getStartingFrom());
				List<Document> documents = reply.getDocuments();
				body.writeIntLE(documents.size());
				for (Document document : documents) {
					EncodedReplies.encode(document, body);
				}
			});
		}

	}

}
