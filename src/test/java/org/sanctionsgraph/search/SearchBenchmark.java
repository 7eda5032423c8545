package org.sanctionsgraph.search;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import org.sanctionsgraph.TestDataDirectory;
import org.sanctionsgraph.generate.Names;
import org.sanctionsgraph.person.Person;
import org.sanctionsgraph.person.PersonRecords;
import org.sanctionsgraph.records.RecordTypes;

/**
 * Search benchmark (not a test): builds the name index from deterministic synthetic
 * people (the data generator's names: each with 1 to 6 aliases in Latin and Cyrillic
 * spellings) at the sizes given in names, then times searches of several spelling
 * classes. Prints build time, index size on disk, heap in use, and search latency
 * percentiles. Run with bench/search-benchmark.sh.
 */
public final class SearchBenchmark {

	private SearchBenchmark() {
	}

	public static void main(String[] args) throws IOException {
		int[] sizes = args.length == 0 ? new int[] { 10_000, 100_000, 1_000_000 }
				: Arrays.stream(args).mapToInt(Integer::parseInt).toArray();
		System.out.printf("| names | records | build s | index MiB | heap MiB | search p50 ms | p95 ms | p99 ms |%n");
		System.out.printf("|---:|---:|---:|---:|---:|---:|---:|---:|%n");
		for (int size : sizes) {
			run(size);
		}
	}

	private static void run(int names) throws IOException {
		Random random = new Random(20240701L + names);
		List<Person> people = new ArrayList<>();
		List<String> queries = new ArrayList<>();
		int count = 0;
		int id = 0;
		while (count < names) {
			Names.PersonName name = Names.person(random, id);
			people.add(new Person("p" + id, name.name(), null, null, name.aliases(), null, List.of("by"), List.of(),
					null, List.of(), null, 1));
			if (random.nextInt(Math.max(1, names / 2000)) == 0 && queries.size() < 1000) {
				// four spelling classes: the name as listed, an alias (often Cyrillic), a
				// typo, reordered words
				String[] words = name.name().split(" ");
				switch (queries.size() % 4) {
					case 0 -> queries.add(name.name());
					case 1 -> queries.add(name.aliases().get(0).value());
					case 2 -> queries.add(name.name().substring(0, name.name().length() - 1) + "x");
					default -> queries.add(words[1] + " " + words[0]);
				}
			}
			count += 1 + name.aliases().size();
			id++;
		}
		Path dir = Files.createTempDirectory("search-benchmark");
		SearchIndex index = new SearchIndex(null, new RecordTypes(List.of(PersonRecords.TYPE)), dir);
		try {
			long start = System.nanoTime();
			for (int from = 0; from < people.size(); from += 10_000) {
				index.addUnchecked(people.subList(from, Math.min(people.size(), from + 10_000)));
			}
			double buildSeconds = (System.nanoTime() - start) / 1e9;
			people = null;
			System.gc();
			long heap = Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory();
			for (String query : queries.subList(0, Math.min(100, queries.size()))) {
				index.search(query, null, null, 0, 20); // warm-up
			}
			long[] latencies = new long[queries.size()];
			for (int i = 0; i < queries.size(); i++) {
				long t = System.nanoTime();
				index.search(queries.get(i), null, null, 0, 20);
				latencies[i] = System.nanoTime() - t;
			}
			Arrays.sort(latencies);
			System.out.printf("| %,d | %,d | %.1f | %.1f | %.0f | %.2f | %.2f | %.2f |%n", count, id, buildSeconds,
					size(dir) / 1048576.0, heap / 1048576.0, percentile(latencies, 50), percentile(latencies, 95),
					percentile(latencies, 99));
		}
		finally {
			index.destroy();
			TestDataDirectory.delete(dir);
		}
	}

	private static double percentile(long[] sorted, int p) {
		return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)] / 1e6;
	}

	private static long size(Path dir) throws IOException {
		try (Stream<Path> files = Files.walk(dir)) {
			return files.filter(Files::isRegularFile).mapToLong(file -> file.toFile().length()).sum();
		}
	}

}
