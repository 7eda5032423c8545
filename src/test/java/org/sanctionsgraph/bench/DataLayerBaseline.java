package org.sanctionsgraph.bench;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.sanctionsgraph.SanctionsGraphApplication;
import org.sanctionsgraph.measure.Measure;
import org.sanctionsgraph.measure.MeasureCriteria;
import org.sanctionsgraph.measure.MeasureFilter;
import org.sanctionsgraph.measure.Target;
import org.sanctionsgraph.paging.Connection;
import org.sanctionsgraph.paging.PageArgs;
import org.sanctionsgraph.paging.Pager;
import org.sanctionsgraph.paging.SortDirection;
import org.sanctionsgraph.party.Party;
import org.sanctionsgraph.party.PartyCodes;
import org.sanctionsgraph.person.Person;
import org.sanctionsgraph.program.Program;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * Benchmark helper (not a test): the reads behind each benchmark query, made by the app's
 * own data code (Spring Data over the MongoDB driver) without GraphQL or HTTP, against
 * the database of a running benchmark. Comparing its latency with the API's on one
 * connection shows what share of a request the GraphQL and HTTP layers take. Usage:
 * DataLayerBaseline MONGODB_URI [samples]
 */
public final class DataLayerBaseline {

	private DataLayerBaseline() {
	}

	public static void main(String[] args) {
		int samples = args.length > 1 ? Integer.parseInt(args[1]) : 200;
		try (ConfigurableApplicationContext app = new SpringApplicationBuilder(SanctionsGraphApplication.class)
			.web(WebApplicationType.NONE)
			.properties("spring.mongodb.uri=" + args[0], "sanctions.seed.enabled=false",
					"sanctions.search.index-dir=" + System.getProperty("java.io.tmpdir") + "/baseline-index-"
							+ System.nanoTime(),
					"logging.level.root=warn")
			.run()) {
			Pager pager = app.getBean(Pager.class);
			PartyCodes codes = app.getBean(PartyCodes.class);
			MeasureCriteria criteria = app.getBean(MeasureCriteria.class);
			MongoTemplate mongo = app.getBean(MongoTemplate.class);
			Map<String, Supplier<Object>> reads = Map.of("a_country_page", () -> {
				Party party = codes.find("code", "BY");
				Connection<Measure> page = pager
					.pageByParent(Measure.class, "targetCountryIds", List.of(party.id()), null,
							PageArgs.of(20, null, null, null, SortDirection.ASC), true)
					.get(party.id());
				List<Measure> measures = page.nodes();
				pager.many(measures, Measure::imposerIds, Party.class);
				return pager.pageByParent(Measure.class, "respondsToIds", measures.stream().map(Measure::id).toList(),
						null, PageArgs.of(5, null, null, null, SortDirection.ASC), false);
			}, "b_in_force", () -> {
				Connection<Measure> page = pager.page(Measure.class,
						criteria.of(new MeasureFilter(null, List.of("EU"), null, null, null, null,
								LocalDate.of(2021, 7, 1), null)),
						PageArgs.of(50, null, null, null, SortDirection.DESC), false);
				List<Target> targets = page.nodes().stream().flatMap(m -> m.targets().stream()).toList();
				return pager.one(targets, Target::partyId, Party.class);
			}, "c_person_page", () -> {
				Person person = mongo.findById("gen-p777", Person.class);
				pager.many(List.of(person), Person::nationalityIds, Party.class);
				Connection<Measure> page = pager
					.pageByParent(Measure.class, "targetPersonIds", List.of(person.id()), null,
							PageArgs.of(20, null, null, null, SortDirection.ASC), true)
					.get(person.id());
				return pager.many(page.nodes(), Measure::imposerIds, Party.class);
			}, "d_lookup", () -> {
				Measure measure = mongo.findById("gen-m777", Measure.class);
				pager.one(List.of(measure), Measure::programId, Program.class);
				return pager.many(List.of(measure), Measure::imposerIds, Party.class);
			});
			System.out.println("| query | data layer p50 ms | p95 ms |");
			System.out.println("|---|---:|---:|");
			for (String name : new java.util.TreeSet<>(reads.keySet())) {
				Supplier<Object> read = reads.get(name);
				for (int i = 0; i < Math.min(20, samples); i++) {
					read.get(); // warm-up
				}
				long[] nanos = new long[samples];
				for (int i = 0; i < samples; i++) {
					long start = System.nanoTime();
					read.get();
					nanos[i] = System.nanoTime() - start;
				}
				Arrays.sort(nanos);
				System.out.printf("| %s | %.1f | %.1f |%n", name, nanos[samples / 2] / 1e6,
						nanos[(int) Math.ceil(0.95 * samples) - 1] / 1e6);
			}
		}
	}

}
