package org.sanctionsgraph.embedded;

import java.io.BufferedOutputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

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
 * at the next start the token is taken out of the data file before any write (and the
 * snapshot deleted once read), so after a crash, a copy of an older file or any change
 * made without this server, the tokens differ and the indexes are rebuilt from the
 * documents as before.
 *
 * <p>
 * The file is read on a thread of its own while the app starts ({@link Restore}): each
 * index waits for its entries only when first used.
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
	 * Starts reading back the indexes saved for this data file at its last clean stop, on
	 * a thread of its own, each index handed to the one that claims it by name as soon as
	 * it is read ({@link Restore#claim}). Nothing is read when there is no snapshot or it
	 * does not belong to the data as it is. Either way the token is removed from the
	 * store first, so the snapshot cannot be used again; the file is deleted once read.
	 */
	static Restore restore(MVStore store) {
		Path file = fileOf(store);
		if (file == null) {
			return new Restore(null);
		}
		MVMap<String, String> tokens = store.openMap(TOKEN_MAP);
		String token = tokens.remove("token");
		if (token != null) {
			store.commit();
		}
		DataInputStream in = null;
		try {
			if (token != null && Files.exists(file)) {
				Buffered buffered = new Buffered(Files.newInputStream(file));
				in = new DataInputStream(buffered);
				if (MAGIC.equals(in.readUTF()) && token.equals(in.readUTF())) {
					Restore restore = new Restore(file);
					restore.start(in, buffered);
					return restore;
				}
				log.info("Index snapshot {} is not this data file's or not of this version's format: "
						+ "rebuilding the indexes", file);
			}
		}
		catch (IOException | RuntimeException ex) {
			log.warn("Could not read the index snapshot {} ({}): rebuilding the indexes", file, ex.toString());
		}
		close(in);
		delete(file);
		return new Restore(null);
	}

	private static void close(DataInputStream in) {
		if (in != null) {
			try {
				in.close();
			}
			catch (IOException ignored) {
				// read-only: nothing lost
			}
		}
	}

	private static void delete(Path file) {
		try {
			Files.deleteIfExists(file);
		}
		catch (IOException ex) {
			log.warn("Could not delete the used index snapshot {}: {}", file, ex.toString());
		}
	}

	/**
	 * A snapshot being read back, one index after the other: an index claims its entries
	 * by name when it is opened and gets them as soon as they are read, so the server can
	 * start before the whole file is read and a query waits only for the indexes it uses.
	 * An index the file does not hold (or holds after the point where reading failed)
	 * gets null, and is built from the documents.
	 */
	static final class Restore {

		/** The snapshot being read, or null when there is none to use. */
		private final Path file;

		private Thread reader;

		/** Claimed and not read yet. Guarded by this. */
		private final Map<String, CompletableFuture<Saved>> waiting = new HashMap<>();

		/** Every name claimed. Guarded by this. */
		private final Set<String> claimed = new HashSet<>();

		/** Read and not claimed yet. Guarded by this. */
		private final Map<String, Saved> read = new HashMap<>();

		/** Whether the whole file is read (or failed). Guarded by this. */
		private boolean readAll;

		/** Whether every existing index has been opened. Guarded by this. */
		private boolean claimsOver;

		/** Indexes and entries read. Guarded by this. */
		private int indexes;

		private long entries;

		Restore(Path file) {
			this.file = file;
		}

		private void start(DataInputStream in, Buffered buffered) {
			this.reader = new Thread(() -> readAll(in, buffered), "index-snapshot");
			this.reader.setDaemon(true);
			this.reader.start();
		}

		/**
		 * Whether there is a snapshot of this data as it is: the data file was stopped
		 * cleanly after its last write.
		 */
		boolean used() {
			return this.file != null;
		}

		/**
		 * The saved entries of an index, as they come (null in the end when there are
		 * none), or null when there is nothing to wait for: no snapshot, the name already
		 * claimed (the server asks again for an index it has, then drops the new object)
		 * or claims over.
		 */
		synchronized CompletableFuture<Saved> claim(String name) {
			if (this.file == null || this.claimsOver || !this.claimed.add(name)) {
				return null;
			}
			Saved saved = this.read.remove(name);
			if (saved != null) {
				return CompletableFuture.completedFuture(saved);
			}
			if (this.readAll) {
				return null;
			}
			CompletableFuture<Saved> future = new CompletableFuture<>();
			this.waiting.put(name, future);
			return future;
		}

		/**
		 * Every existing index has been opened: what is read for no claim from now on is
		 * let go.
		 */
		synchronized void claimsOver() {
			this.claimsOver = true;
			this.read.clear();
		}

		/**
		 * Hands an index's entries to its claim, or keeps them for one to come. The
		 * future is completed outside this object's lock: completing it builds the
		 * index's tree (on this thread), which must not hold up claims.
		 */
		private void deliver(String name, Saved saved) {
			CompletableFuture<Saved> future;
			synchronized (this) {
				this.indexes++;
				this.entries += saved.entries().size();
				future = this.waiting.remove(name);
				if (future == null && !this.claimsOver) {
					this.read.put(name, saved);
				}
			}
			if (future != null) {
				future.complete(saved);
			}
		}

		private void finish() {
			List<CompletableFuture<Saved>> unread;
			synchronized (this) {
				this.readAll = true;
				unread = new ArrayList<>(this.waiting.values());
				this.waiting.clear();
			}
			unread.forEach(future -> future.complete(null));
		}

		/**
		 * Reads every index: names and definitions through {@code in}, everything else
		 * straight from the buffer under it (which {@code in} does not buffer ahead of).
		 */
		private void readAll(DataInputStream in, Buffered buffered) {
			long started = System.nanoTime();
			try {
				// the same ids and values recur across indexes and entries: each string
				// is written once and read into one String, by its number
				Strings strings = new Strings();
				for (int indexes = buffered.readInt(); indexes > 0; indexes--) {
					String name = in.readUTF();
					String definition = in.readUTF();
					boolean[] multikey = new boolean[buffered.readInt()];
					for (int i = 0; i < multikey.length; i++) {
						multikey[i] = buffered.readByte() != 0;
					}
					int count = buffered.readInt();
					List<OrderedIndex.Entry> entries = new ArrayList<>(count);
					for (int e = 0; e < count; e++) {
						Object[] values = new Object[multikey.length];
						for (int i = 0; i < values.length; i++) {
							values[i] = readValue(buffered, strings);
						}
						entries.add(OrderedIndex.Entry.of(values, readValue(buffered, strings)));
					}
					deliver(name, new Saved(definition, multikey, entries));
				}
				log.info("Read {} indexes ({} entries) from the snapshot taken at the last clean stop in {} ms",
						this.indexes, this.entries, (System.nanoTime() - started) / 1_000_000);
			}
			catch (IOException | RuntimeException ex) {
				log.warn("Could not read the index snapshot {} past {} indexes ({}): the others are built from "
						+ "the documents", this.file, this.indexes, ex.toString());
			}
			finally {
				close(in);
				delete(this.file);
				finish();
			}
		}

		/**
		 * Waits until the file is read and deleted (before a new snapshot is written in
		 * its place); false when interrupted first.
		 */
		boolean awaitRead() {
			Thread thread = this.reader;
			if (thread == null) {
				return true;
			}
			try {
				thread.join();
				return true;
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return false;
			}
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
				// the smallest first: read back in this order, most collections have
				// their
				// indexes (and the start's own queries, mostly on small ones, their
				// answers) in the first seconds, the largest last
				List<Map.Entry<String, OrderedIndex>> bySize = new ArrayList<>(indexes.entrySet());
				bySize.sort(
						Comparator.comparingLong((Map.Entry<String, OrderedIndex> named) -> named.getValue().getCount())
							.thenComparing(Map.Entry::getKey));
				for (Map.Entry<String, OrderedIndex> named : bySize) {
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

	static Object readValue(Buffered in, Strings strings) throws IOException {
		return switch (in.readByte()) {
			case 0 -> null;
			case 1 -> Missing.getInstance();
			case 2 -> {
				String text = in.readString(in.readInt());
				strings.add(text);
				yield text;
			}
			case 8 -> {
				int number = in.readInt();
				yield strings.get(number);
			}
			case 3 -> in.readInt();
			case 4 -> in.readLong();
			case 5 -> Double.longBitsToDouble(in.readLong());
			case 6 -> in.readByte() != 0;
			case 7 -> {
				try (ObjectInputStream object = new ObjectInputStream(
						new ByteArrayInputStream(in.readBytes(in.readInt())))) {
					yield object.readObject();
				}
				catch (ClassNotFoundException ex) {
					throw new IOException(ex);
				}
			}
			default -> throw new IOException("unknown value tag");
		};
	}

	/**
	 * The strings read so far, by number, in blocks that never move: a list of millions
	 * that grows by copying itself took half the reading of a large snapshot.
	 */
	static final class Strings {

		private static final int BLOCK = 1 << 16;

		private final List<String[]> blocks = new ArrayList<>();

		private int size;

		void add(String text) {
			if (this.size % BLOCK == 0) {
				this.blocks.add(new String[BLOCK]);
			}
			this.blocks.get(this.size / BLOCK)[this.size % BLOCK] = text;
			this.size++;
		}

		String get(int number) throws IOException {
			if (number < 0 || number >= this.size) {
				throw new IOException("string number " + number + " not written before");
			}
			return this.blocks.get(number / BLOCK)[number % BLOCK];
		}

	}

	/**
	 * A buffer over the snapshot file without the lock that {@code BufferedInputStream}
	 * takes on every byte: reading a large snapshot makes hundreds of millions of such
	 * calls, one thread at a time.
	 */
	static final class Buffered extends InputStream {

		private final InputStream in;

		private final byte[] buffer = new byte[1 << 16];

		private int position;

		private int limit;

		Buffered(InputStream in) {
			this.in = in;
		}

		@Override
		public int read() throws IOException {
			if (this.position == this.limit && !fill()) {
				return -1;
			}
			return this.buffer[this.position++] & 0xff;
		}

		@Override
		public int read(byte[] into, int offset, int length) throws IOException {
			if (length == 0) {
				return 0;
			}
			if (this.position == this.limit && !fill()) {
				return -1;
			}
			int n = Math.min(length, this.limit - this.position);
			System.arraycopy(this.buffer, this.position, into, offset, n);
			this.position += n;
			return n;
		}

		private boolean fill() throws IOException {
			int n = this.in.read(this.buffer, 0, this.buffer.length);
			this.position = 0;
			this.limit = Math.max(n, 0);
			return n > 0;
		}

		/**
		 * Makes the next {@code length} bytes (at most the buffer's size) available from
		 * {@link #position}, moving what is left to the front and reading on.
		 */
		private void need(int length) throws IOException {
			if (this.limit - this.position >= length) {
				return;
			}
			if (length > this.buffer.length) {
				throw new IllegalArgumentException("more than the buffer holds: " + length);
			}
			int left = this.limit - this.position;
			System.arraycopy(this.buffer, this.position, this.buffer, 0, left);
			this.position = 0;
			this.limit = left;
			while (this.limit < length) {
				int n = this.in.read(this.buffer, this.limit, this.buffer.length - this.limit);
				if (n < 0) {
					throw new EOFException();
				}
				this.limit += n;
			}
		}

		byte readByte() throws IOException {
			need(1);
			return this.buffer[this.position++];
		}

		/** Big-endian, as {@code DataOutputStream} writes it. */
		int readInt() throws IOException {
			need(4);
			int p = this.position;
			this.position += 4;
			return ((this.buffer[p] & 0xff) << 24) | ((this.buffer[p + 1] & 0xff) << 16)
					| ((this.buffer[p + 2] & 0xff) << 8) | (this.buffer[p + 3] & 0xff);
		}

		long readLong() throws IOException {
			return ((long) readInt() << 32) | (readInt() & 0xffffffffL);
		}

		/**
		 * The next {@code length} bytes. Read in growing steps, so a length a damaged
		 * file gives ends at the end of the file, not in one huge allocation.
		 */
		byte[] readBytes(int length) throws IOException {
			if (length < 0) {
				throw new IOException("negative length");
			}
			byte[] bytes = readNBytes(length);
			if (bytes.length < length) {
				throw new EOFException();
			}
			return bytes;
		}

		/** A UTF-8 string of {@code length} bytes, decoded from the buffer in place. */
		String readString(int length) throws IOException {
			if (length < 0 || length > this.buffer.length) {
				return new String(readBytes(length), StandardCharsets.UTF_8);
			}
			need(length);
			String text = new String(this.buffer, this.position, length, StandardCharsets.UTF_8);
			this.position += length;
			return text;
		}

		@Override
		public void close() throws IOException {
			this.in.close();
		}

	}

}
