package org.sanctionsgraph.embedded;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import de.bwaldvogel.mongo.backend.Missing;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded server's secondary indexes ({@link OrderedIndex}, held in memory) written
 * to a file beside the data file when the server stops cleanly, and read back at the next
 * start instead of rebuilding every index from every document, which takes minutes at a
 * million records.
 *
 * <p>
 * A snapshot is used only for exactly the data it was taken from: the server writes a
 * fresh token into the data file in its last commit and the same token into the snapshot;
 * at the next start the token is taken out of the data file (and the snapshot deleted)
 * before any write, so after a crash, a copy of an older file or any change made without
 * this server, the tokens differ and the indexes are rebuilt from the documents as
 * before.
 */
final class IndexSnapshot {

	private static final Logger log = LoggerFactory.getLogger(IndexSnapshot.class);

	/**
	 * The format: 2 writes each distinct string once, at its first use, and refers to it
	 * by number after that (reading 1 looked up every string in a table of millions).
	 */
	private static final String MAGIC = "sanctions-graph index snapshot 2";

	private static final String TOKEN_MAP = "sanctions.indexSnapshot";

	/** One index as saved: its definition, which keys held arrays, and its entries. */
	record Saved(String definition, boolean[] multikey, List<OrderedIndex.Entry> entries) {
	}

	private IndexSnapshot() {
	}

	static Path fileOf(MVStore store) {
		String name = store.getFileStore() == null ? null : store.getFileStore().getFileName();
		return name == null ? null : Path.of(name + ".indexes");
	}

	/**
	 * The indexes saved for this data file at its last clean stop, by name; empty when
	 * there is no snapshot or it does not belong to the data as it is. Either way the
	 * token is removed from the store and the snapshot deleted, so neither can be used
	 * again.
	 */
	static Map<String, Saved> take(MVStore store) {
		Path file = fileOf(store);
		if (file == null) {
			return Map.of();
		}
		MVMap<String, String> tokens = store.openMap(TOKEN_MAP);
		String token = tokens.remove("token");
		try {
			if (token == null || !Files.exists(file)) {
				return Map.of();
			}
			Map<String, Saved> saved = read(file, token);
			if (saved.isEmpty()) {
				log.info(
						"Index snapshot {} is not this data file's or not of this version's format: rebuilding the indexes",
						file);
			}
			return saved;
		}
		finally {
			if (token != null) {
				store.commit();
			}
			try {
				Files.deleteIfExists(file);
			}
			catch (IOException ex) {
				log.warn("Could not delete the used index snapshot {}: {}", file, ex.toString());
			}
		}
	}

	private static Map<String, Saved> read(Path file, String token) {
		try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16))) {
			if (!MAGIC.equals(in.readUTF()) || !token.equals(in.readUTF())) {
				return Map.of();
			}
			Map<String, Saved> saved = new HashMap<>();
			// the same ids and values recur across indexes and entries: each string is
			// written once and read into one String, by its number
			List<String> strings = new ArrayList<>();
			for (int indexes = in.readInt(); indexes > 0; indexes--) {
				String name = in.readUTF();
				String definition = in.readUTF();
				boolean[] multikey = new boolean[in.readInt()];
				for (int i = 0; i < multikey.length; i++) {
					multikey[i] = in.readBoolean();
				}
				int count = in.readInt();
				List<OrderedIndex.Entry> entries = new ArrayList<>(count);
				for (int e = 0; e < count; e++) {
					Object[] values = new Object[multikey.length];
					for (int i = 0; i < values.length; i++) {
						values[i] = readValue(in, strings);
					}
					entries.add(new OrderedIndex.Entry(values, readValue(in, strings)));
				}
				saved.put(name, new Saved(definition, multikey, entries));
			}
			return saved;
		}
		catch (IOException | RuntimeException ex) {
			log.warn("Could not read the index snapshot {} ({}): rebuilding the indexes", file, ex.toString());
			return Map.of();
		}
	}

	/**
	 * Writes the indexes and commits the matching token, with nothing else left to write.
	 * Called once no command can reach the store any more; on any failure nothing is kept
	 * and the next start rebuilds.
	 */
	static void save(MVStore store, Map<String, OrderedIndex> indexes) {
		Path file = fileOf(store);
		if (file == null || store.isClosed()) {
			return;
		}
		String token = UUID.randomUUID().toString();
		Path partial = file.resolveSibling(file.getFileName() + ".partial");
		long started = System.nanoTime();
		try {
			try (DataOutputStream out = new DataOutputStream(
					new BufferedOutputStream(Files.newOutputStream(partial), 1 << 16))) {
				out.writeUTF(MAGIC);
				out.writeUTF(token);
				out.writeInt(indexes.size());
				Map<String, Integer> strings = new HashMap<>();
				for (Map.Entry<String, OrderedIndex> named : indexes.entrySet()) {
					named.getValue().writeTo(named.getKey(), out, strings);
				}
			}
			Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
			MVMap<String, String> tokens = store.openMap(TOKEN_MAP);
			tokens.put("token", token);
			store.commit();
			log.info("Saved {} indexes to {} in {} ms", indexes.size(), file,
					(System.nanoTime() - started) / 1_000_000);
		}
		catch (IOException | RuntimeException ex) {
			log.warn("Could not save the index snapshot {} ({}): the next start rebuilds the indexes", file,
					ex.toString());
			try {
				Files.deleteIfExists(partial);
				Files.deleteIfExists(file);
			}
			catch (IOException ignored) {
				// nothing more to do: without the file the next start rebuilds
			}
		}
	}

	/**
	 * Writes one value; a string already written (numbered in {@code strings}) as its
	 * number.
	 */
	static void writeValue(DataOutputStream out, Object value, Map<String, Integer> strings) throws IOException {
		if (value == null) {
			out.writeByte(0);
		}
		else if (value instanceof Missing) {
			out.writeByte(1);
		}
		else if (value instanceof String text) {
			Integer number = strings.putIfAbsent(text, strings.size());
			if (number != null) {
				out.writeByte(8);
				out.writeInt(number);
			}
			else {
				out.writeByte(2);
				byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
				out.writeInt(bytes.length);
				out.write(bytes);
			}
		}
		else if (value instanceof Integer number) {
			out.writeByte(3);
			out.writeInt(number);
		}
		else if (value instanceof Long number) {
			out.writeByte(4);
			out.writeLong(number);
		}
		else if (value instanceof Double number) {
			out.writeByte(5);
			out.writeDouble(number);
		}
		else if (value instanceof Boolean flag) {
			out.writeByte(6);
			out.writeBoolean(flag);
		}
		else {
			out.writeByte(7);
			ByteArrayOutputStream bytes = new ByteArrayOutputStream();
			try (ObjectOutputStream object = new ObjectOutputStream(bytes)) {
				object.writeObject(value);
			}
			out.writeInt(bytes.size());
			bytes.writeTo(out);
		}
	}

	private static Object readValue(DataInputStream in, List<String> strings) throws IOException {
		return switch (in.readByte()) {
			case 0 -> null;
			case 1 -> Missing.getInstance();
			case 2 -> {
				String text = new String(in.readNBytes(in.readInt()), StandardCharsets.UTF_8);
				strings.add(text);
				yield text;
			}
			case 8 -> {
				int number = in.readInt();
				if (number < 0 || number >= strings.size()) {
					throw new IOException("string number " + number + " not written before");
				}
				yield strings.get(number);
			}
			case 3 -> in.readInt();
			case 4 -> in.readLong();
			case 5 -> in.readDouble();
			case 6 -> in.readBoolean();
			case 7 -> {
				try (ObjectInputStream object = new ObjectInputStream(
						new ByteArrayInputStream(in.readNBytes(in.readInt())))) {
					yield object.readObject();
				}
				catch (ClassNotFoundException ex) {
					throw new IOException(ex);
				}
			}
			default -> throw new IOException("unknown value tag");
		};
	}

}
