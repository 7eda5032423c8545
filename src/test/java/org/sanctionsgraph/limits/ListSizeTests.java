package org.sanctionsgraph.limits;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

import graphql.schema.GraphQLCompositeType;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLFieldsContainer;
import graphql.schema.GraphQLList;
import graphql.schema.GraphQLTypeUtil;
import org.junit.jupiter.api.Test;
import org.sanctionsgraph.ApiTest;
import org.sanctionsgraph.graphql.GlobalId;
import org.sanctionsgraph.measure.Measure;
import org.sanctionsgraph.model.Name;
import org.sanctionsgraph.party.Party;
import org.sanctionsgraph.records.RecordTypes;
import org.sanctionsgraph.write.Checks;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.graphql.execution.GraphQlSource;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

/**
 * A plain list (not a connection) counts as many times as the largest such list in the
 * stored data holds items, not a guessed size: figures worked out from the seed story
 * (src/main/resources/seed/story.json) in each comment.
 */
@ApiTest
class ListSizeTests {

	/**
	 * Lists no stored data bounds, knowingly counted at the most a list may hold: a
	 * response chain's measures and answers (as many as the chain reaches), a payload's
	 * user errors.
	 */
	private static final Set<String> COUNTED_AT_MOST = Set.of("ResponseChain.measures", "ResponseChain.answers");

	@Autowired
	HttpGraphQlTester graphQl;

	@Autowired
	GraphQlSource source;

	@Autowired
	ListSizes lists;

	@Autowired
	MongoTemplate mongo;

	@Autowired
	RecordTypes types;

	@Test
	void aStoredListCountsTheLargestOfItsKind() {
		// of the seed's parties Russia has the most aliases, 3: party 1 + aliases (1 + 3
		// x value 1) = 5, asked of Belarus, which has fewer
		assertCost("{ party(code: \"BY\") { aliases { value } } }", 5);
		// of the seed's measures m-west-russia-2014 has the most targets, 6: measure 1 +
		// targets (1 + 6 x kind 1) = 8
		assertCost("{ measure(id: \"" + GlobalId.encode("Measure", "m-eu-sectoral-2021") + "\") { targets { kind } } }",
				8);
	}

	/**
	 * A pass over a record kind reads it a page at a time in id order (the embedded
	 * server gathers a query's whole answer at once): every record is read, and the
	 * bounds are the same whatever the page.
	 */
	@Test
	void aPassReadsEveryRecordAPageAtATime() {
		long measures = this.mongo.getCollection("measures").countDocuments();
		ListSizes.Pass whole = this.lists.pass("Measure", ListSizes.PAGE);
		ListSizes.Pass paged = this.lists.pass("Measure", 3);
		assertThat(whole.read()).isEqualTo(measures);
		assertThat(paged.read()).isEqualTo(measures);
		assertThat(paged.most()).containsExactly(whole.most());
		// the seed's measure with the most targets holds 6
		assertThat(whole.most()).contains(6L);
	}

	@Test
	void aListNoRecordHoldsAnythingInCountsOnce() {
		// no organisation of the seed has an alias: organizations 1 + 1 x (nodes 1 +
		// aliases (1 + 1 x value 1)) = 4
		assertCost("{ organizations(first: 1) { nodes { aliases { value } } } }", 4);
	}

	@Test
	void aReverseLookupCountsTheMostRecordsNamingOne() {
		// a membership's history: its stored periods (at most 1 in the seed) plus one per
		// countermeasure that changed it (at most 1: Belarus's Eastern Partnership
		// suspension) = 2; party 1 + memberships (1 + 1 x (nodes 1 + history (1 + 2 x
		// status 1))) = 6
		assertCost("{ party(code: \"BY\") { memberships(first: 1) { nodes { history { status } } } } }", 6);
	}

	@Test
	void aListNothingBoundsCountsTheMostAListMayHold() {
		// responseChain 1 + 20 for its one link + measures (1 + 200 x distance 1) = 222
		assertCost("{ responseChain(measure: \"" + GlobalId.encode("Measure", "m-eu-sectoral-2021")
				+ "\", depth: 1) { measures { distance } } }", 222);
		assertThat(ListSizes.MOST).isEqualTo(Checks.LIST_MAX);
	}

	@Test
	void everyPlainListOfRecordsIsBoundedByTheStoredData() {
		List<String> unbounded = new ArrayList<>();
		for (var type : this.source.schema().getAllTypesAsList()) {
			if (!(type instanceof GraphQLFieldsContainer container) || type.getName().startsWith("__")
					|| type.getName().endsWith("Connection") || type.getName().endsWith("Payload")) {
				continue;
			}
			for (GraphQLFieldDefinition field : container.getFieldDefinitions()) {
				boolean listOfObjects = GraphQLTypeUtil.unwrapNonNull(field.getType()) instanceof GraphQLList
						&& GraphQLTypeUtil.unwrapAll(field.getType()) instanceof GraphQLCompositeType;
				String key = type.getName() + "." + field.getName();
				if (listOfObjects && field.getArgument("ids") == null
						&& !this.lists.bounded(type.getName(), field.getName()) && !COUNTED_AT_MOST.contains(key)) {
					unbounded.add(key);
				}
			}
		}
		assertThat(unbounded).isEmpty();
	}

	/**
	 * The embedded store knows its clean stops: a start after one takes back the bounds
	 * kept in the store, reading no record, and every list is bounded as before.
	 */
	@Test
	void aStartAfterACleanStopTakesTheKeptBoundsBackWithoutReadingTheRecords() {
		ListSizes measured = start(false);
		ListSizes next = start(true);
		assertThat(next.measuredAtStart()).isZero();
		assertSameBounds(next, measured);
	}

	/** After a crash nothing kept is trusted: every bound is measured again. */
	@Test
	void aStartAfterACrashMeasuresEveryBound() {
		ListSizes next = start(false);
		assertThat(next.measuredAtStart()).isEqualTo(dataSources());
		// the seed's measure with the most targets holds 6
		assertThat(next.items("Measure", "targets")).isEqualTo(6);
		// and keeps what it measured, for the start after a clean stop
		ListSizes after = start(true);
		assertThat(after.measuredAtStart()).isZero();
		assertSameBounds(after, next);
	}

	/**
	 * A bound raised by a write is raised in the store too, so the next start counts the
	 * write without reading it: heard while the app runs, or before the start's measure
	 * (an import at start-up, through the writer) by a process that stops before it
	 * measures.
	 */
	@Test
	void aRiseHeardIsKeptForTheNextStart() {
		assertRiseKept(() -> start(true));
		assertRiseKept(() -> new ListSizes(this.mongo, this.types, () -> true));
	}

	private void assertRiseKept(Supplier<ListSizes> hearing) {
		try {
			long aliases = start(true).items("Party", "aliases");
			hearing.get().written(moreAliases(1));
			ListSizes next = start(true);
			assertThat(next.measuredAtStart()).isZero();
			assertThat(next.items("Party", "aliases")).isEqualTo(aliases + 1);
		}
		finally {
			// the record above was never stored: measure the bounds of the data again
			start(false);
		}
	}

	/**
	 * Records stored that a listener did not hear of (a stop that gave up waiting for a
	 * batch's listeners): the kept bounds may be too low, so the next start measures
	 * everything, once.
	 */
	@Test
	void aMissedWriteMakesTheNextStartMeasureEverything() {
		start(true).missed();
		assertThat(start(true).measuredAtStart()).isEqualTo(dataSources());
		assertThat(start(true).measuredAtStart()).isZero();
	}

	/**
	 * A record kind loaded in bulk before the start's measure (a CSV load at start-up):
	 * the kept bounds may be too low from then on, even if this process stops before it
	 * measures (an import that exits when done), so the next start measures every bound,
	 * once.
	 */
	@Test
	void aBulkLoadBeforeTheMeasureMakesTheNextStartMeasureEverything() {
		ListSizes stopped = new ListSizes(this.mongo, this.types, () -> true);
		stopped.loaded(Measure.class);
		ListSizes next = start(true);
		assertThat(next.measuredAtStart()).isEqualTo(dataSources());
		assertThat(start(true).measuredAtStart()).isZero();
	}

	/**
	 * Russia as stored with {@code more} aliases more than the most any party holds
	 * (never stored).
	 */
	private Party moreAliases(int more) {
		Party russia = this.mongo.findOne(Query.query(Criteria.where("code").is("RU")), Party.class);
		List<Name> aliases = new ArrayList<>(russia.aliases());
		for (int i = 0; i < more; i++) {
			aliases.add(russia.aliases().get(0));
		}
		assertThat(aliases).hasSize((int) this.lists.items("Party", "aliases") + more);
		return new Party(russia.id(), russia.code(), russia.name(), russia.kind(), aliases, russia.description(),
				russia.citations(), russia.sortKey(), russia.revision());
	}

	/** A start on the test's store, after a clean stop or not. */
	private ListSizes start(boolean afterCleanStop) {
		ListSizes next = new ListSizes(this.mongo, this.types, () -> afterCleanStop);
		next.run(null);
		assertThat(next.ready()).isTrue();
		return next;
	}

	/** The sources that read stored data. */
	private long dataSources() {
		return this.types.all()
			.stream()
			.flatMap(type -> type.lists().values().stream())
			.flatMap(List::stream)
			.filter(part -> part.recordType() != null)
			.distinct()
			.count();
	}

	/** Every list of the schema is bounded alike by both. */
	private void assertSameBounds(ListSizes actual, ListSizes expected) {
		for (var type : this.source.schema().getAllTypesAsList()) {
			if (type instanceof GraphQLFieldsContainer container) {
				for (GraphQLFieldDefinition field : container.getFieldDefinitions()) {
					assertThat(actual.items(type.getName(), field.getName())).as(type.getName() + "." + field.getName())
						.isEqualTo(expected.items(type.getName(), field.getName()));
				}
			}
		}
	}

	private void assertCost(String document, long cost) {
		assertThat(FragmentCostTests.cost(this.graphQl.document(document).execute())).as(document).isEqualTo(cost);
	}

}
