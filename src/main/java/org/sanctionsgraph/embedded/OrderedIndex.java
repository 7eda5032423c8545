package org.sanctionsgraph.embedded;

import java.io.DataOutputStream;
import java.io.IOException;
import java.util.AbstractSet;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Consumer;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.backend.Utils;
import de.bwaldvogel.mongo.backend.ValueComparator;
import de.bwaldvogel.mongo.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A non-unique (secondary) index for the embedded server, which on its own accepts such
 * indexes and ignores them. Entries are (key values, position) pairs in a sorted set, in
 * the index's key order (each key ascending or descending as declared) and then by
 * position, which in the H2 store is the document's {@code _id}. A multikey field gives
 * one entry per array element, as in MongoDB.
 *
 * <p>
 * The server's generic query path never uses this index ({@link #canHandle} is false);
 * the {@link IndexedH2Collection} plans queries over it and scans ranges of it, forwards
 * or backwards. It lives in memory: a clean stop writes it to a snapshot that the next
 * start reads back ({@link IndexSnapshot}), and it is rebuilt from the documents when
 * there is none. Entries added are held apart and sorted in at the index's next read
 * ({@link #sorted}), so a bulk load does not walk the tree once per entry.
 *
 * <p>
 * Not thread-safe on purpose: every call comes with the owning
 * {@link IndexedH2Collection}'s monitor held, the one lock that keeps documents and
 * indexes in step (a concurrent set here would make each walk safe but not a walk in step
 * with the data map). A call without it is more likely to fail with a
 * {@code ConcurrentModificationException} than to answer wrong quietly.
 */
final class OrderedIndex extends Index<Object> {

	private static final Logger log = LoggerFactory.getLogger(OrderedIndex.class);

	/** Sorts before / after every value, to bound a range scan. */
	static final Object LOW = new Object();

	static final Object HIGH = new Object();

	/**
	 * One index entry, or a probe made of values and the LOW/HIGH markers. Entries of up
	 * to three keys hold their values in fields rather than in an array: nearly every
	 * index has three keys or fewer, and the array was a third of an entry's memory.
	 */
	abstract static sealed class Entry permits One, Two, Three, Many {

		private final Object position;

		private Entry(Object position) {
			this.position = position;
		}

		static Entry of(Object[] values, Object position) {
			return switch (values.length) {
				case 1 -> new One(values[0], position);
				case 2 -> new Two(values[0], values[1], position);
				case 3 -> new Three(values[0], values[1], values[2], position);
				default -> new Many(values, position);
			};
		}

		/** The value of the {@code key}th key. */
		abstract Object value(int key);

		abstract int width();

		Object position() {
			return this.position;
		}

	}

	private static final class One extends Entry {

		private final Object value;

		One(Object value, Object position) {
			super(position);
			this.value = value;
		}

		@Override
		Object value(int key) {
			return this.value;
		}

		@Override
		int width() {
			return 1;
		}

	}

	private static final class Two extends Entry {

		private final Object first;

		private final Object second;

		Two(Object first, Object second, Object position) {
			super(position);
			this.first = first;
			this.second = second;
		}

		@Override
		Object value(int key) {
			return (key == 0) ? this.first : this.second;
		}

		@Override
		int width() {
			return 2;
		}

	}

	private static final class Three extends Entry {

		private final Object first;

		private final Object second;

		private final Object third;

		Three(Object first, Object second, Object third, Object position) {
			super(position);
			this.first = first;
			this.second = second;
			this.third = third;
		}

		@Override
		Object value(int key) {
			return switch (key) {
				case 0 -> this.first;
				case 1 -> this.second;
				default -> this.third;
			};
		}

		@Override
		int width() {
			return 3;
		}

	}

	private static final class Many extends Entry {

		private final Object[] values;

		Many(Object[] values, Object position) {
			super(position);
			this.values = values;
		}

		@Override
		Object value(int key) {
			return this.values[key];
		}

		@Override
		int width() {
			return this.values.length;
		}

	}

	private final List<IndexKey> keys;

	/**
	 * The keys' field names when none is a path into subdocuments (nearly every index
	 * here), else null.
	 */
	private final String[] topLevelFields;

	private final Comparator<Entry> order;

	private NavigableSet<Entry> entries;

	private long count;

	/** Whether the index was filled from a snapshot ({@link #restore}). */
	private boolean restored;

	/**
	 * The snapshot's entries for this index while they are being read, put in at the
	 * index's first use ({@link #settle}); null once in, or when there is none.
	 */
	private CompletableFuture<Contents> pending;

	/** Told once the pending snapshot is in. */
	private Consumer<OrderedIndex> onRestored;

	/**
	 * Fills the index from its collection's documents when the pending snapshot does not
	 * serve; set by the collection.
	 */
	private Consumer<OrderedIndex> builder;

	/**
	 * Entries per value of the first key, to tell which of two indexes a query would read
	 * less of.
	 */
	private Map<Object, Long> perFirstValue = new HashMap<>();

	/**
	 * Per key: whether any document held an array there (then it cannot give a sort order
	 * or a two-sided range).
	 */
	private final boolean[] multikey;

	/**
	 * String values lately put in entries, by hash, so that an entry takes the instance
	 * an earlier entry holds for an equal value rather than its document's own copy. Each
	 * document decoded for an insert brings its own copies of values thousands of entries
	 * share (a country, a kind, a day, an imposer's id); held apiece, they were a fifth
	 * of the live heap after loading the comparison's medium data. A snapshot read back
	 * shares them anyway (it holds each distinct string once). A value whose slot another
	 * took keeps its own copy: that costs memory, never an answer.
	 */
	private final String[] recentStrings = new String[STRING_SLOTS];

	private static final int STRING_SLOTS = 4096;

	/**
	 * Entries added and not yet in the sorted set, in the order they came. A bulk load
	 * adds millions of entries and reads none of them until it is done; each put into a
	 * tree of millions was a walk of some twenty nodes scattered in memory, half the time
	 * of storing a measure. Held here, they are sorted together and put in when the index
	 * is next read or changed otherwise ({@link #sorted}), or once they reach twice the
	 * set's size ({@link #HELD_RATIO}), in one pass.
	 */
	private Entry[] unsorted = new Entry[16];

	private int unsortedCount;

	/** Below this many held entries, adds do not put them in before a read. */
	private static final int MIN_HELD = 4096;

	/**
	 * Past this many times the set's size, adds put the held entries in without waiting
	 * for a read. Each such put-in rebuilds the set, so the set grows threefold from one
	 * to the next and a load of n entries copies about 1.5 n in all (at half the size it
	 * was 3 n, a sixth of a large load's time); the held entries are an array of the
	 * entries a load makes anyway, smaller than the set's own nodes.
	 */
	private static final int HELD_RATIO = 2;

	/**
	 * When there are fewer held entries than the set's size divided by this, they are put
	 * in one by one rather than the set rebuilt.
	 */
	private static final int REBUILD_RATIO = 8;

	OrderedIndex(String name, List<IndexKey> keys, boolean sparse) {
		super(name, keys, sparse);
		this.keys = List.copyOf(keys);
		this.multikey = new boolean[keys.size()];
		this.topLevelFields = keys.stream().anyMatch(key -> key.getKey().contains(".")) ? null
				: keys.stream().map(IndexKey::getKey).toArray(String[]::new);
		this.order = (a, b) -> {
			for (int i = 0; i < this.keys.size(); i++) {
				int c = compare(a.value(i), b.value(i), this.keys.get(i).isAscending());
				if (c != 0) {
					return c;
				}
			}
			return compare(a.position(), b.position(), true);
		};
		this.entries = new TreeSet<>(this.order);
	}

	private static int compare(Object a, Object b, boolean ascending) {
		if (a == b) {
			return 0;
		}
		if (a == LOW || b == HIGH) {
			return -1;
		}
		if (a == HIGH || b == LOW) {
			return 1;
		}
		if (a instanceof String left && b instanceof String right) {
			// what the server's comparator answers for two strings, without its walk
			// through every other type first (most keys here are strings: ids, codes,
			// days)
			int c = left.compareTo(right);
			return ascending ? c : -c;
		}
		return ascending ? ValueComparator.asc().compare(a, b) : ValueComparator.desc().compare(a, b);
	}

	List<IndexKey> indexKeys() {
		return this.keys;
	}

	boolean isMultikey(int key) {
		settle();
		return this.multikey[key];
	}

	/**
	 * The entries from {@code from} to {@code to} (both probes, inclusive), in index
	 * order or reversed.
	 */
	NavigableSet<Entry> range(Entry from, Entry to, boolean reverse) {
		sorted();
		if (this.order.compare(from, to) > 0) {
			// bounds that exclude each other ($gt 5 and $lt 3): nothing in between
			return Collections.emptyNavigableSet();
		}
		NavigableSet<Entry> range = this.entries.subSet(from, true, to, true);
		return reverse ? range.descendingSet() : range;
	}

	/**
	 * Whether the value sorts before the other one on the index's first key (used to
	 * order probes).
	 */
	int compareFirstKey(Object a, Object b) {
		return compare(a, b, this.keys.get(0).isAscending());
	}

	private Set<KeyValue> keyValuesOf(Document document) {
		for (int i = 0; i < this.keys.size(); i++) {
			if (!this.multikey[i] && ((this.topLevelFields != null) ? document.getOrMissing(this.topLevelFields[i])
					: Utils.getSubdocumentValueCollectionAware(document,
							this.keys.get(i).getKey())) instanceof Collection) {
				this.multikey[i] = true;
			}
		}
		return getKeyValues(document);
	}

	/**
	 * The document's key values, as the server's own method gives them. That method
	 * parses each key's path with a regular expression, twice, and streams over the
	 * values: a tenth of the time of storing a measure. Most documents here hold strings,
	 * nulls or nothing in the indexed fields, and at most one list of strings; theirs are
	 * made directly (one key value per distinct element of the list, none for an empty
	 * list), and the server's method makes every other document's.
	 */
	@Override
	public Set<KeyValue> getKeyValues(Document document) {
		Set<KeyValue> plain = (this.topLevelFields != null) ? stringKeyValues(document) : null;
		return (plain != null) ? plain : super.getKeyValues(document);
	}

	/** The key values of a document of strings, or null when it holds anything else. */
	private Set<KeyValue> stringKeyValues(Document document) {
		Object[] values = new Object[this.topLevelFields.length];
		int listAt = -1;
		for (int i = 0; i < values.length; i++) {
			Object value = document.getOrMissing(this.topLevelFields[i]);
			if (value instanceof String || value == null) {
				values[i] = value;
			}
			else if (value instanceof Missing) {
				values[i] = null;
			}
			else if (value instanceof List<?> list && listAt < 0 && allStrings(list)) {
				values[i] = list;
				listAt = i;
			}
			else {
				return null;
			}
		}
		if (listAt < 0) {
			return Set.of(new KeyValue(values));
		}
		Set<KeyValue> each = new LinkedHashSet<>();
		for (Object element : (List<?>) values[listAt]) {
			Object[] one = values.clone();
			one[listAt] = element;
			each.add(new KeyValue(one));
		}
		return each;
	}

	private static boolean allStrings(List<?> list) {
		for (Object element : list) {
			if (!(element instanceof String)) {
				return false;
			}
		}
		return true;
	}

	/**
	 * Whether a key after the first has held an array, giving a document several entries.
	 */
	boolean anyMultikeyAfterFirst() {
		for (int i = 1; i < this.keys.size(); i++) {
			if (isMultikey(i)) {
				return true;
			}
		}
		return false;
	}

	/** How many entries hold this value on the first key. */
	long entriesFor(Object firstValue) {
		sorted();
		return this.perFirstValue.getOrDefault(countKey(firstValue), 0L);
	}

	/** Missing and null values share one count. */
	private static final Object NO_VALUE = new Object();

	/** Whether an index value is one: neither null nor missing. */
	static boolean holdsValue(Object value) {
		return value != null && !(value instanceof Missing);
	}

	private static Object countKey(Object value) {
		if (!holdsValue(value)) {
			return NO_VALUE;
		}
		return value instanceof Number number ? (Object) number.doubleValue() : value;
	}

	private void added(Entry entry) {
		this.count++;
		this.perFirstValue.merge(countKey(entry.value(0)), 1L, Long::sum);
	}

	private void removed(Entry entry) {
		this.count--;
		this.perFirstValue.computeIfPresent(countKey(entry.value(0)), (k, n) -> n > 1 ? n - 1 : null);
	}

	private boolean skipped(KeyValue value) {
		if (!isSparse()) {
			return false;
		}
		for (Object v : value) {
			if (holdsValue(v)) {
				return false;
			}
		}
		return true;
	}

	private static Object positionOf(Document document) {
		return Missing.ofNullable(document.get("_id"));
	}

	@Override
	public Object getPosition(Document document) {
		return null;
	}

	@Override
	public void checkAdd(Document document, MongoCollection<Object> collection) {
		// not unique: nothing can conflict
	}

	@Override
	public void add(Document document, Object position, MongoCollection<Object> collection) {
		settle();
		for (KeyValue value : keyValuesOf(document)) {
			if (!skipped(value)) {
				hold(entryOf(value, position));
			}
		}
		if (this.unsortedCount >= Math.max(MIN_HELD, (long) this.entries.size() * HELD_RATIO)) {
			sorted();
		}
	}

	/**
	 * Holds a new entry until the set is next needed. It is counted in the index's size
	 * now (and uncounted if it turns out to be in the set already), and in its first
	 * value's count when put in, where the sorted held entries of one value are counted
	 * together.
	 */
	private void hold(Entry entry) {
		if (this.unsortedCount == this.unsorted.length) {
			this.unsorted = Arrays.copyOf(this.unsorted, this.unsortedCount * 2);
		}
		this.unsorted[this.unsortedCount++] = entry;
		this.count++;
	}

	/**
	 * Counts the entries put in by their first value; the batch is sorted, so entries of
	 * one value come together (null marks an entry not put in).
	 */
	private void countFirstValues(Entry[] batch, int size) {
		FirstValueRuns runs = new FirstValueRuns(this.perFirstValue);
		for (int i = 0; i < size; i++) {
			if (batch[i] != null) {
				runs.add(batch[i]);
			}
		}
		runs.flush();
	}

	/**
	 * Adds entries that come in index order to the counts per first value, a run of one
	 * value at a time (one map update per run, not per entry).
	 */
	private static final class FirstValueRuns {

		private final Map<Object, Long> counts;

		private Object value;

		private long run;

		FirstValueRuns(Map<Object, Long> counts) {
			this.counts = counts;
		}

		void add(Entry entry) {
			Object key = countKey(entry.value(0));
			if (this.run > 0 && key.equals(this.value)) {
				this.run++;
				return;
			}
			flush();
			this.value = key;
			this.run = 1;
		}

		/** Counts the run under way; call it after the last entry. */
		void flush() {
			if (this.run > 0) {
				this.counts.merge(this.value, this.run, Long::sum);
				this.run = 0;
			}
		}

	}

	/**
	 * Settles the snapshot and puts the held entries in the sorted set: one by one when
	 * they are few against the set, else by merging them with it into a new set in one
	 * pass. Every method that reads or removes entries calls this first.
	 */
	private void sorted() {
		settle();
		int held = this.unsortedCount;
		if (held == 0) {
			return;
		}
		long started = System.nanoTime();
		Entry[] batch = this.unsorted;
		this.unsorted = new Entry[16];
		this.unsortedCount = 0;
		try {
			// the sort and the merge change nothing until every comparison is made
			Arrays.sort(batch, 0, held, this.order);
			if ((long) held * REBUILD_RATIO >= this.entries.size()) {
				merge(batch, held, started);
				return;
			}
		}
		catch (RuntimeException ex) {
			// a value the server cannot order against another (two regular expressions,
			// say): one by one, the others go in, and the read is told, as the insert
			// was before entries were held
		}
		oneByOne(batch, held);
	}

	/**
	 * Puts the entries in one at a time. One the set cannot place is left out and
	 * uncounted, and the first such failure is thrown once all the others are in.
	 */
	private void oneByOne(Entry[] batch, int held) {
		RuntimeException failure = null;
		for (int i = 0; i < held; i++) {
			try {
				if (this.entries.add(batch[i])) {
					continue;
				}
			}
			catch (RuntimeException ex) {
				failure = (failure != null) ? failure : ex;
			}
			this.count--;
			batch[i] = null;
		}
		countFirstValues(batch, held);
		if (failure != null) {
			log.warn("Index {}: an entry could not be put in ({}), left out", getName(), failure.getMessage());
			throw failure;
		}
	}

	/** Merges the sorted entries with the set into a new set, in one pass. */
	private void merge(Entry[] batch, int held, long started) {
		List<Entry> merged = new ArrayList<>(this.entries.size() + held);
		boolean[] repeated = new boolean[held];
		Iterator<Entry> present = this.entries.iterator();
		Entry next = present.hasNext() ? present.next() : null;
		int i = 0;
		while (i < held || next != null) {
			int c = (i == held) ? 1 : (next == null) ? -1 : this.order.compare(batch[i], next);
			if (c > 0) {
				merged.add(next);
				next = present.hasNext() ? present.next() : null;
				continue;
			}
			// in the set already, or held twice
			repeated[i] = c == 0
					|| (!merged.isEmpty() && this.order.compare(batch[i], merged.get(merged.size() - 1)) == 0);
			if (!repeated[i]) {
				merged.add(batch[i]);
			}
			i++;
		}
		for (int r = 0; r < held; r++) {
			if (repeated[r]) {
				this.count--;
				batch[r] = null;
			}
		}
		countFirstValues(batch, held);
		// the old set goes before the new one is built: one index's worth of memory less
		this.entries = new TreeSet<>(this.order);
		NavigableSet<Entry> tree = new TreeSet<>(this.order);
		tree.addAll(new InOrder(merged, this.order));
		this.entries = tree;
		if (held >= LOGGED_HELD) {
			log.info("Index {}: {} entries held since its last read put in, {} in all, in {} ms", getName(), held,
					merged.size(), (System.nanoTime() - started) / 1_000_000);
		}
	}

	/** From this many held entries on, putting them in is logged (a bulk load's). */
	private static final int LOGGED_HELD = 100_000;

	@Override
	public Object remove(Document document) {
		sorted();
		Object position = positionOf(document);
		for (KeyValue value : getKeyValues(document)) {
			Entry entry = entryOf(value, position);
			if (this.entries.remove(entry)) {
				removed(entry);
			}
		}
		return position;
	}

	private Entry entryOf(KeyValue value, Object position) {
		Object[] values = new Object[value.size()];
		for (int i = 0; i < values.length; i++) {
			values[i] = shared(value.get(i));
		}
		return Entry.of(values, position);
	}

	/** The instance of an equal string value an earlier entry holds, when remembered. */
	private Object shared(Object value) {
		if (!(value instanceof String string)) {
			return value;
		}
		int slot = string.hashCode() & (STRING_SLOTS - 1);
		String seen = this.recentStrings[slot];
		if (string.equals(seen)) {
			return seen;
		}
		this.recentStrings[slot] = string;
		return string;
	}

	@Override
	public boolean canHandle(Document query) {
		return false;
	}

	@Override
	public Iterable<Object> getPositions(Document query) {
		throw new UnsupportedOperationException("planned by IndexedH2Collection");
	}

	@Override
	public long getCount() {
		sorted();
		return this.count;
	}

	@Override
	public long getDataSize() {
		return getCount();
	}

	@Override
	public void checkUpdate(Document oldDocument, Document newDocument, MongoCollection<Object> collection) {
		// not unique: nothing can conflict
	}

	@Override
	public void updateInPlace(Document oldDocument, Document newDocument, Object position,
			MongoCollection<Object> collection) {
		sorted();
		Set<KeyValue> before = getKeyValues(oldDocument);
		Set<KeyValue> after = keyValuesOf(newDocument);
		if (before.equals(after)) {
			return;
		}
		for (KeyValue value : before) {
			Entry entry = entryOf(value, position);
			if (!after.contains(value) && this.entries.remove(entry)) {
				removed(entry);
			}
		}
		for (KeyValue value : after) {
			Entry entry = entryOf(value, position);
			if (!skipped(value) && this.entries.add(entry)) {
				added(entry);
			}
		}
	}

	/** Whether documents without the key have no entry. */
	boolean sparse() {
		return isSparse();
	}

	/** What makes two indexes of one name the same: their keys and sparseness. */
	String definition() {
		return this.keys + (isSparse() ? " sparse" : "");
	}

	/**
	 * Writes the index for {@link IndexSnapshot}: definition, multikey flags, entries in
	 * index order.
	 */
	void writeTo(String name, DataOutputStream out, Map<String, Integer> strings) throws IOException {
		sorted();
		out.writeUTF(name);
		out.writeUTF(definition());
		out.writeInt(this.multikey.length);
		for (boolean flag : this.multikey) {
			out.writeBoolean(flag);
		}
		out.writeInt(this.entries.size());
		for (Entry entry : this.entries) {
			for (int i = 0; i < entry.width(); i++) {
				IndexSnapshot.writeValue(out, entry.value(i), strings);
			}
			IndexSnapshot.writeValue(out, entry.position(), strings);
		}
	}

	/**
	 * Fills the empty index from a snapshot of the same definition; false (and nothing
	 * changed) when it is not.
	 */
	boolean restore(IndexSnapshot.Saved saved) {
		sorted();
		Contents contents = prepare(saved);
		if (contents == null || this.count != 0) {
			return false;
		}
		install(contents);
		return true;
	}

	/**
	 * What an index holds, built from a snapshot apart from the index (on the thread that
	 * reads the snapshot), to be put in whole.
	 */
	record Contents(NavigableSet<Entry> entries, Map<Object, Long> perFirstValue, boolean[] multikey) {
	}

	/**
	 * The contents a snapshot of this index's definition gives, or null when it is not of
	 * this definition. Reads nothing of the index but its keys and order, which never
	 * change, so any thread may call it.
	 */
	Contents prepare(IndexSnapshot.Saved saved) {
		if (!definition().equals(saved.definition()) || saved.multikey().length != this.keys.size()) {
			return null;
		}
		List<Entry> entries = saved.entries();
		NavigableSet<Entry> tree = new TreeSet<>(this.order);
		Map<Object, Long> counts = new HashMap<>();
		try {
			// the snapshot was written in index order: the tree is built from it in one
			// pass, without a search per entry (minutes at millions of entries), the
			// order checked and the first values counted in the same pass
			tree.addAll(new InOrder(entries, this.order, counts));
		}
		catch (OutOfOrder ex) {
			tree = new TreeSet<>(this.order);
			tree.addAll(entries);
			counts.clear();
			FirstValueRuns runs = new FirstValueRuns(counts);
			tree.forEach(runs::add);
			runs.flush();
		}
		return new Contents(tree, counts, saved.multikey().clone());
	}

	private void install(Contents contents) {
		this.entries = contents.entries();
		this.perFirstValue = contents.perFirstValue();
		this.count = contents.entries().size();
		System.arraycopy(contents.multikey(), 0, this.multikey, 0, this.multikey.length);
		this.restored = true;
	}

	/**
	 * Whether the index was filled from a snapshot, with entries or none, or waits for
	 * one.
	 */
	boolean restored() {
		return this.restored || this.pending != null;
	}

	/**
	 * Has the empty index wait for the snapshot's entries as they are read, to be put in
	 * at its first use, and tell {@code onRestored} then.
	 */
	void restoreFrom(CompletableFuture<IndexSnapshot.Saved> snapshot, Consumer<OrderedIndex> onRestored) {
		// built by the thread that reads the snapshot, as it hands the index's part over
		this.pending = snapshot.thenApply(saved -> saved == null ? null : prepare(saved));
		this.onRestored = onRestored;
	}

	/**
	 * How to fill the index from its collection's documents, should its snapshot not
	 * serve.
	 */
	void buildWith(Consumer<OrderedIndex> builder) {
		this.builder = builder;
	}

	/**
	 * Puts in the pending snapshot, waiting for it to be read, or builds the index from
	 * the documents when the snapshot does not hold it whole. Every method that reads or
	 * changes the entries, their counts or the multikey flags calls this first (through
	 * {@link #sorted} when it needs the sorted set), with the collection's monitor held
	 * like them (the reading thread takes no lock of the collection, so the wait cannot
	 * deadlock).
	 */
	private void settle() {
		CompletableFuture<Contents> snapshot = this.pending;
		if (snapshot == null) {
			return;
		}
		// cleared first: a build fills the index through the methods that settle
		this.pending = null;
		Contents contents;
		try {
			contents = snapshot.join();
		}
		catch (CompletionException | CancellationException ex) {
			if (ex.getCause() instanceof Error error) {
				throw error;
			}
			log.warn("Could not put in index {} from the snapshot ({}): building it from the documents", getName(),
					String.valueOf(ex.getCause()));
			contents = null;
		}
		if (contents != null && this.count == 0) {
			install(contents);
			this.onRestored.accept(this);
			return;
		}
		if (this.builder == null) {
			throw new IllegalStateException("Index " + getName() + " has neither its snapshot nor a collection");
		}
		this.builder.accept(this);
	}

	/** A snapshot's entries found out of the index's order while the tree was built. */
	private static final class OutOfOrder extends RuntimeException {

		OutOfOrder() {
			super(null, null, false, false);
		}

	}

	/**
	 * A list strictly in an order, seen as a sorted set of that order, which a
	 * {@link TreeSet} of the same order takes in one pass. Only what that needs is
	 * offered: its size, its iterator and its order. Given counts, the iterator also
	 * checks the order as it goes (throwing {@link OutOfOrder} at the first entry not
	 * after the one before it) and counts the entries by first value.
	 */
	private static final class InOrder extends AbstractSet<Entry> implements SortedSet<Entry> {

		private final List<Entry> entries;

		private final Comparator<Entry> order;

		private final Map<Object, Long> counts;

		InOrder(List<Entry> entries, Comparator<Entry> order) {
			this(entries, order, null);
		}

		InOrder(List<Entry> entries, Comparator<Entry> order, Map<Object, Long> counts) {
			this.entries = entries;
			this.order = order;
			this.counts = counts;
		}

		/** Whether the counting iterator was handed out: it counts into the map once. */
		private boolean counted;

		@Override
		public Iterator<Entry> iterator() {
			Iterator<Entry> plain = Collections.unmodifiableList(this.entries).iterator();
			if (this.counts == null) {
				return plain;
			}
			if (this.counted) {
				throw new IllegalStateException("the entries are counted in one pass only");
			}
			this.counted = true;
			FirstValueRuns runs = new FirstValueRuns(this.counts);
			return new Iterator<>() {

				private int next;

				private Entry previous;

				@Override
				public boolean hasNext() {
					return this.next < InOrder.this.entries.size();
				}

				@Override
				public Entry next() {
					Entry entry = plain.next();
					if (this.previous != null && InOrder.this.order.compare(this.previous, entry) >= 0) {
						throw new OutOfOrder();
					}
					this.previous = entry;
					runs.add(entry);
					// the tree takes exactly size() entries and never asks hasNext()
					if (++this.next == InOrder.this.entries.size()) {
						runs.flush();
					}
					return entry;
				}

			};
		}

		@Override
		public int size() {
			return this.entries.size();
		}

		@Override
		public Comparator<? super Entry> comparator() {
			return this.order;
		}

		@Override
		public Entry first() {
			return this.entries.get(0);
		}

		@Override
		public Entry last() {
			return this.entries.get(this.entries.size() - 1);
		}

		@Override
		public SortedSet<Entry> subSet(Entry from, Entry to) {
			throw new UnsupportedOperationException();
		}

		@Override
		public SortedSet<Entry> headSet(Entry to) {
			throw new UnsupportedOperationException();
		}

		@Override
		public SortedSet<Entry> tailSet(Entry from) {
			throw new UnsupportedOperationException();
		}

	}

	@Override
	public void drop() {
		// nothing to wait for or build: the index goes
		this.pending = null;
		this.unsorted = new Entry[16];
		this.unsortedCount = 0;
		this.entries.clear();
		this.count = 0;
		this.perFirstValue.clear();
	}

}
