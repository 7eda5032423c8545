package org.sanctionsgraph.write;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.RecordComponent;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.sanctionsgraph.MemoryMongo;
import org.sanctionsgraph.event.Event;
import org.sanctionsgraph.event.EventBuilder;
import org.sanctionsgraph.event.EventKind;
import org.sanctionsgraph.legalact.LegalAct;
import org.sanctionsgraph.legalact.LegalActBuilder;
import org.sanctionsgraph.legalact.LegalActIdentifier;
import org.sanctionsgraph.legalact.LegalActScheme;
import org.sanctionsgraph.measure.Measure;
import org.sanctionsgraph.measure.MeasureBuilder;
import org.sanctionsgraph.measure.MeasureKind;
import org.sanctionsgraph.measure.MeasureType;
import org.sanctionsgraph.measure.MembershipChange;
import org.sanctionsgraph.measure.Target;
import org.sanctionsgraph.measure.TargetKind;
import org.sanctionsgraph.model.Address;
import org.sanctionsgraph.model.Citation;
import org.sanctionsgraph.model.FtmOrigin;
import org.sanctionsgraph.model.FtmProperty;
import org.sanctionsgraph.model.FuzzyDate;
import org.sanctionsgraph.model.Name;
import org.sanctionsgraph.model.NameKind;
import org.sanctionsgraph.model.RecordEvents;
import org.sanctionsgraph.model.RecordListener;
import org.sanctionsgraph.organization.Organization;
import org.sanctionsgraph.organization.OrganizationBuilder;
import org.sanctionsgraph.organization.OrganizationKind;
import org.sanctionsgraph.paging.Sortable;
import org.sanctionsgraph.party.Party;
import org.sanctionsgraph.party.PartyBuilder;
import org.sanctionsgraph.party.PartyKind;
import org.sanctionsgraph.person.Person;
import org.sanctionsgraph.person.PersonBuilder;
import org.sanctionsgraph.person.Position;
import org.sanctionsgraph.person.Gender;
import org.sanctionsgraph.model.Identifier;
import org.sanctionsgraph.model.IdentifierScheme;
import org.sanctionsgraph.tie.Tie;
import org.sanctionsgraph.tie.TieBuilder;
import org.sanctionsgraph.tie.TieEndKind;
import org.sanctionsgraph.tie.TieKind;
import org.sanctionsgraph.program.Membership;
import org.sanctionsgraph.program.MembershipBuilder;
import org.sanctionsgraph.program.MembershipStatus;
import org.sanctionsgraph.program.Program;
import org.sanctionsgraph.program.ProgramBuilder;
import org.sanctionsgraph.program.ProgramKind;
import org.sanctionsgraph.program.StatusPeriod;
import org.sanctionsgraph.source.Source;
import org.sanctionsgraph.source.SourceBuilder;
import org.sanctionsgraph.source.SourceKind;

import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * Every document type goes through the write path (created, then changed) and comes back
 * from the store field by field, with the converters the application registers. Each
 * fixture sets every field, so a field the mapping drops or garbles fails here.
 */
class WritePathRoundTripTests {

	private static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");

	private static MemoryMongo store;

	private static MongoTemplate mongo;

	private static RecordWriter writer;

	@BeforeAll
	static void store() {
		store = new MemoryMongo();
		mongo = store.template();
		RecordEvents events = new RecordEvents(new StaticListableBeanFactory().getBeanProvider(RecordListener.class));
		HistoryOrder order = new HistoryOrder();
		writer = new RecordWriter(mongo, new Transactions(mongo, store.factory(), order), events,
				Clock.fixed(NOW, ZoneOffset.UTC), order);
	}

	@AfterAll
	static void stop() {
		store.close();
	}

	record Case<T extends Sortable>(String name, Class<T> type, T record, UnaryOperator<T> change) {

		@Override
		public String toString() {
			return this.name;
		}

	}

	static Stream<Case<?>> everyDocumentType() {
		List<Name> aliases = List.of(new Name("Лукашэнка", "be", NameKind.ALIAS),
				new Name("Lukashenko", "en", NameKind.WEAK_ALIAS));
		List<Citation> citations = List.of(new Citation("src-1", "a quote", "a note"));
		FuzzyDate day = FuzzyDate.of("2021-06-28");
		List<FtmProperty> extra = List.of(new FtmProperty("topics", List.of("sanction")),
				new FtmProperty("@datasets", List.of("[\"eu_fsf\"]")));
		List<Address> addresses = List
			.of(new Address("addr-1", "Minsk, Belarus", "Praspiekt 1", "Minsk", "220000", "Minsk", "party-1", extra));
		FtmOrigin ftm = new FtmOrigin("NK-1", "Company", extra);
		return Stream.of(
				new Case<>("Party", Party.class,
						new Party("party-1", "BY", "Belarus", PartyKind.COUNTRY, aliases, "A state", citations, null,
								0),
						party -> PartyBuilder.builder(party).name("Republic of Belarus").build()),
				new Case<>("Person", Person.class, new Person("person-1", "Alyaksandr Lukashenka", "Alyaksandr",
						"Lukashenka", aliases, FuzzyDate.of("1954-08-30"), List.of("party-1"),
						List.of(new Position("President", "party-1", FuzzyDate.of("1994-07-20"), day, "note")), "Ruler",
						citations, null, 0, "Ryhoravich", "Kopys", List.of("party-2"), Gender.MALE,
						List.of(new Identifier(IdentifierScheme.PASSPORT, "MP0000001", "party-1")), addresses, ftm),
						person -> PersonBuilder.builder(person).birthDate(FuzzyDate.of("1954")).build()),
				new Case<>("Organization", Organization.class,
						new Organization("org-1", "Belaruskali", OrganizationKind.COMPANY, aliases, "party-1", "Potash",
								citations, null, 0,
								List.of(new Identifier(IdentifierScheme.COMPANY_NUMBER, "1025403200020", "party-1")),
								"party-1", "OAO", FuzzyDate.of("1970-10"), day, addresses, ftm),
						organization -> OrganizationBuilder.builder(organization).countryId("party-2").build()),
				new Case<>("Tie", Tie.class,
						new Tie("tie-1", TieKind.OWNERSHIP, "person-1", TieEndKind.PERSON, "org-1",
								TieEndKind.ORGANIZATION, "shareholder", 51.5, FuzzyDate.of("2015"), day, "A stake",
								citations, null, null, 0, ftm),
						tie -> TieBuilder.builder(tie).percentage(75.0).build()),
				new Case<>("Program", Program.class,
						new Program("program-1", "Eastern Partnership", ProgramKind.PARTNERSHIP, aliases,
								List.of("party-2"), FuzzyDate.of("2009-05"), "A partnership", citations, "EU-EAP",
								"party-2", "https://example.org/eap", null, 0),
						program -> ProgramBuilder.builder(program).administratorIds(List.of()).build()),
				new Case<>("Membership", Membership.class,
						new Membership("membership-1", "party-1", "program-1",
								List.of(new StatusPeriod(MembershipStatus.ACTIVE, FuzzyDate.of("2009-05"), "m-1",
										"joined", citations)),
								citations, null, 0),
						membership -> MembershipBuilder.builder(membership)
							.history(List.of(new StatusPeriod(MembershipStatus.SUSPENDED, day, null, null, List.of())))
							.build()),
				new Case<>("Event", Event.class,
						new Event("event-1", EventKind.ELECTION, "Presidential election", "Disputed",
								FuzzyDate.of("2020-08-09"), FuzzyDate.of("2020-08-10"), "Minsk", List.of("party-1"),
								List.of("person-1"), List.of("org-1"), List.of("m-1"), citations, null, null, 0),
						event -> EventBuilder.builder(event).endDate(null).build()),
				new Case<>("Source", Source.class,
						new Source("source-1", SourceKind.NEWS_REPORT, "A report", "A publisher",
								FuzzyDate.of("2021-07-02"), "https://example.org/a", "Described", null, 0),
						source -> SourceBuilder.builder(source).title("The report").build()),
				new Case<>("Measure", Measure.class,
						new Measure("m-1", MeasureKind.COUNTERMEASURE, "Title", "Description",
								List.of(MeasureType.ENVOY_RECALL), List.of("party-1"),
								List.of(new Target(TargetKind.PARTY, "party-2", null, null, null, "party-2"),
										new Target(TargetKind.PERSON, null, "person-1", null, null, "party-1"),
										new Target(TargetKind.ORGANIZATION, null, null, "org-1", null, "party-1"),
										new Target(TargetKind.GROUP, null, null, null, "EU officials", "party-2")),
								"program-1", "Decree 1", "A reason", List.of("event-1"), List.of("m-0"),
								FuzzyDate.of("2021-06"), day, day, FuzzyDate.of("2022"), "lifted",
								new MembershipChange("membership-1", MembershipStatus.SUSPENDED, day, "a note"),
								citations, List.of("act-1"), null, null, null, null, null, null, null, null, null, 0),
						measure -> MeasureBuilder.builder(measure).respondsToIds(List.of("m-0", "m-00")).build()),
				new Case<>("LegalAct", LegalAct.class, new LegalAct("act-1", "Council Regulation",
						List.of(new LegalActIdentifier(LegalActScheme.CELEX, "32021R1030")), "https://example.org/act",
						day, FuzzyDate.of("2021-06-25"), "party-2", "Described", citations, null, 0),
						act -> LegalActBuilder.builder(act).inForce(day).build()));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("everyDocumentType")
	<T extends Sortable> void aRecordComesBackAsWritten(Case<T> example) throws Exception {
		assertEveryFieldSet(example.record());

		T created = writer.create(example.name(), example.type(), example.record(), "test");
		assertThat(created).usingRecursiveComparison().ignoringFields("revision").isEqualTo(example.record());
		assertThat(revision(created)).isEqualTo(1L);
		assertThat(mongo.findById(created.id(), example.type())).isEqualTo(created);

		T expected = example.change().apply(created);
		assertThat(expected).isNotEqualTo(created);
		RecordWriter.Outcome<T> outcome = writer.update(example.name(), example.type(), created.id(), 1, "test",
				example.change());
		assertThat(outcome).isInstanceOf(RecordWriter.Outcome.Written.class);
		T updated = ((RecordWriter.Outcome.Written<T>) outcome).record();
		assertThat(updated).usingRecursiveComparison().ignoringFields("revision").isEqualTo(expected);
		assertThat(revision(updated)).isEqualTo(2L);

		List<Document> history = mongo.getCollection("history")
			.find(new Document("record", example.name() + ":" + created.id()))
			.sort(new Document("revision", 1))
			.into(new ArrayList<>());
		assertThat(history).extracting(entry -> entry.get("revision")).containsExactly(1L, 2L);
		assertThat(history).allSatisfy(entry -> assertThat(entry.get("at")).isEqualTo(Date.from(NOW)));
		assertThat(history.get(1).getList("changes", Document.class)).isNotEmpty();
	}

	/** A fixture with an empty field would let a mapping that drops that field pass. */
	private static void assertEveryFieldSet(Object record) throws Exception {
		for (RecordComponent component : record.getClass().getRecordComponents()) {
			if (component.getName().equals("revision")) {
				continue;
			}
			Object value = component.getAccessor().invoke(record);
			String field = record.getClass().getSimpleName() + "." + component.getName();
			assertThat(value).as(field).isNotNull();
			if (value instanceof Collection<?> collection) {
				assertThat(collection).as(field).isNotEmpty();
			}
		}
	}

	private static long revision(Object record) throws Exception {
		return (long) record.getClass().getMethod("revision").invoke(record);
	}

}
