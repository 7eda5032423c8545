package org.sanctionsgraph.measure;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import graphql.TrivialDataFetcher;
import graphql.schema.DataFetcher;
import org.sanctionsgraph.paging.NestedPages;
import org.sanctionsgraph.paging.PageInput;
import org.sanctionsgraph.paging.Pager;
import org.sanctionsgraph.party.Party;
import org.sanctionsgraph.paging.HeldRecords;
import reactor.core.publisher.Mono;

import org.springframework.context.annotation.Bean;
import org.springframework.core.ResolvableType;
import org.springframework.graphql.data.GraphQlArgumentBinder;
import org.springframework.context.annotation.Configuration;
import org.springframework.graphql.execution.BatchLoaderRegistry;
import org.springframework.graphql.execution.RuntimeWiringConfigurer;

/**
 * The fields of a measure read on every list: its dates, its imposers, its targets'
 * parties and the countermeasures answering it. They are plain data fetchers rather than
 * controller methods, since a page of 50 measures asks for them hundreds of times.
 * Parties come from memory when they are held there, without a batch; when any is not,
 * they are batch-loaded, one query per request (which holds them for the next).
 */
@Configuration(proxyBeanMethods = false)
class MeasureFields {

	static final String IMPOSERS = "Measure.imposers";

	static final String TARGET_PARTY = "MeasureTarget.party";

	static final String TARGET_COUNTRY = "MeasureTarget.country";

	static final String RESPONSES = "Measure.responses";

	private final NestedPages nested;

	private final GraphQlArgumentBinder binder = new GraphQlArgumentBinder();

	MeasureFields(BatchLoaderRegistry registry, Pager pager, NestedPages nested, MeasureCriteria criteria) {
		this.nested = nested;
		nested.register(RESPONSES, Measure.class, "respondsToIds", criteria::of);
		registry.<Measure, List<Party>>forName(IMPOSERS)
			.registerMappedBatchLoader((keys, env) -> Mono
				.fromSupplier(() -> pager.many(List.copyOf(keys), Measure::imposerIds, Party.class)));
		registry.<Target, Party>forName(TARGET_PARTY)
			.registerMappedBatchLoader(
					(keys, env) -> Mono.fromSupplier(() -> pager.one(List.copyOf(keys), Target::partyId, Party.class)));
		registry.<Target, Party>forName(TARGET_COUNTRY)
			.registerMappedBatchLoader((keys, env) -> Mono
				.fromSupplier(() -> pager.one(List.copyOf(keys), Target::countryId, Party.class)));
	}

	@Bean
	RuntimeWiringConfigurer measureFieldWiring(HeldRecords<Party> parties) {
		TrivialDataFetcher<LocalDate> startDate = env -> day(env.<Measure>getSource().startDay());
		TrivialDataFetcher<LocalDate> endDate = env -> day(env.<Measure>getSource().endDay());
		DataFetcher<Object> imposers = env -> {
			Measure measure = env.getSource();
			List<Party> found = new ArrayList<>(measure.imposerIds().size());
			for (String id : measure.imposerIds()) {
				Party party = parties.peek(id);
				if (party == null) {
					return env.getDataLoader(IMPOSERS).load(measure);
				}
				found.add(party);
			}
			return found;
		};
		DataFetcher<Object> targetParty = env -> party(parties, env.<Target>getSource().partyId(),
				() -> env.getDataLoader(TARGET_PARTY).load(env.getSource()));
		DataFetcher<Object> targetCountry = env -> party(parties, env.<Target>getSource().countryId(),
				() -> env.getDataLoader(TARGET_COUNTRY).load(env.getSource()));
		DataFetcher<Object> responses = env -> this.nested.load(env, RESPONSES, env.<Measure>getSource().id(),
				PageInput.of(env).args(), env.getArgument("filter") == null ? null
						: this.binder.bind(env, "filter", ResolvableType.forClass(MeasureFilter.class)));
		return wiring -> {
			for (String type : List.of("Sanction", "Countermeasure")) {
				wiring.type(type,
						fields -> fields.dataFetcher("startDate", startDate)
							.dataFetcher("endDate", endDate)
							.dataFetcher("imposers", imposers)
							.dataFetcher("responses", responses));
			}
			wiring.type("MeasureTarget",
					fields -> fields.dataFetcher("party", targetParty).dataFetcher("country", targetCountry));
		};
	}

	private static Object party(HeldRecords<Party> parties, String id, Supplier<Object> batched) {
		if (id == null) {
			return null;
		}
		Party held = parties.peek(id);
		return held != null ? held : batched.get();
	}

	/**
	 * The day a stored ISO day names. Those are written by {@link LocalDate#toString()},
	 * so a four-digit year is read by its digits, which costs a tenth of the general
	 * parser; any other form still goes through it.
	 */
	static LocalDate day(String isoDay) {
		if (isoDay == null) {
			return null;
		}
		if (isoDay.length() == 10 && isoDay.charAt(4) == '-' && isoDay.charAt(7) == '-' && digits(isoDay)) {
			return LocalDate.of(Integer.parseInt(isoDay, 0, 4, 10), Integer.parseInt(isoDay, 5, 7, 10),
					Integer.parseInt(isoDay, 8, 10, 10));
		}
		return LocalDate.parse(isoDay);
	}

	private static boolean digits(String isoDay) {
		for (int i = 0; i < 10; i++) {
			char c = isoDay.charAt(i);
			if (i != 4 && i != 7 && (c < '0' || c > '9')) {
				return false;
			}
		}
		return true;
	}

}
