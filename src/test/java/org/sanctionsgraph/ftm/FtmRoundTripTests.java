package org.sanctionsgraph.ftm;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.sanctionsgraph.designation.Designation;
import org.sanctionsgraph.limits.BodyTooLargeException;
import org.sanctionsgraph.measure.Measure;
import org.sanctionsgraph.limits.LimitedInputStream;
import org.sanctionsgraph.model.Address;
import org.sanctionsgraph.model.Identifier;
import org.sanctionsgraph.model.Name;
import org.sanctionsgraph.organization.Organization;
import org.sanctionsgraph.party.Party;
import org.sanctionsgraph.person.Person;
import org.sanctionsgraph.tie.Tie;
import org.sanctionsgraph.write.BatchWriter;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Exporting the store (the seed story and a small generated data set) and importing the
 * file into an empty store gives the same people and organisations, and exporting again
 * gives the same lines. The store also holds what {@code sanctions.import.ftm} imported
 * at start-up (extra properties, addresses, further names). A context of its own: it
 * empties the store.
 */
@SpringBootTest(
		properties = { "sanctions.generate.size=small", "sanctions.import.ftm=src/test/resources/ftm/startup.ndjson" })
class FtmRoundTripTests {

	/**
	 * Parties with a code: FtM names countries by code, so a party without one (the
	 * generated data's "other countries") is not carried.
	 */
	private static final Set<String> CODED = new HashSet<>();

	@Autowired
	FtmExporter exporter;

	@Autowired
	FtmImporter importer;

	@Autowired
	MongoTemplate mongo;

	@Autowired
	BatchWriter batches;

	@Test
	void exportThenImportIntoAnEmptyStoreGivesTheSameRecordsAndTheSameLines() throws Exception {
		Person imported = this.mongo.findOne(Query.query(Criteria.where("ftm.id").is("t-startup-person")),
				Person.class);
		assertThat(imported).as("imported at start-up").isNotNull();
		assertThat(imported.addresses()).extracting(Address::city).containsExactly("Minsk");
		assertThat(this.mongo.exists(Query.query(Criteria.where("ftm.id").is("t-startup-company")), Organization.class))
			.isTrue();

		this.mongo.findAll(Party.class)
			.stream()
			.filter(party -> party.code() != null)
			.forEach(party -> CODED.add(party.id()));
		String first = export();
		Map<String, Object> people = snapshot(Person.class,
				person -> person.ftm() == null ? "sg-person-" + person.id() : person.ftm().id(),
				FtmRoundTripTests::same);
		Map<String, Object> organizations = snapshot(Organization.class, organization -> organization.ftm() == null
				? "sg-organization-" + organization.id() : organization.ftm().id(), FtmRoundTripTests::same);
		Map<String, Object> designations = designations();
		assertThat(designations).containsKey("sg-designation-des-eu-lukashenka-2020-11");
		assertThat(people).hasSizeGreaterThan(2000);
		assertThat(organizations).hasSizeGreaterThan(500);

		this.mongo.dropCollection(Person.class);
		this.mongo.dropCollection(Organization.class);
		this.mongo.dropCollection(Tie.class);
		this.mongo.dropCollection(Designation.class);
		this.mongo.getCollection(AddressBook.COLLECTION).drop();
		this.mongo.getCollection(HeldEntities.COLLECTION).drop();
		ImportSummary.Report report = this.importer
			.importStream(new ByteArrayInputStream(first.getBytes(java.nio.charset.StandardCharsets.UTF_8)));

		assertThat(report.rejected()).isEmpty();
		assertThat(report.unknownSchemas()).isEmpty();
		// no id names two different entities
		Map<Object, Set<String>> linesById = new TreeMap<>();
		first.lines()
			.forEach(line -> linesById.computeIfAbsent(FtmHttp.json(line).get("id"), id -> new HashSet<>()).add(line));
		linesById.values().removeIf(lines -> lines.size() == 1);
		assertThat(linesById).isEmpty();
		// every entity is new: people, organisations, addresses (each once) and ties
		assertThat(report.created()).as(report.toString()).isEqualTo(first.lines().distinct().count());
		assertThat(first.lines().filter(line -> line.contains("\"schema\":\"Family\"")).count()).isPositive();
		assertSame(snapshot(Person.class, person -> person.ftm().id(), FtmRoundTripTests::same), people);
		assertSame(snapshot(Organization.class, organization -> organization.ftm().id(), FtmRoundTripTests::same),
				organizations);
		assertThat(designations()).isEqualTo(designations);
		assertThat(export().lines().sorted().toList()).isEqualTo(first.lines().sorted().toList());
	}

	@Test
	void aBatchWhoseRecordsCannotAllBeStoredKeepsHistoryOnlyForThoseStored() {
		this.batches.createAll("Person", Person.class, List.of(person("t-batch-a")), "test");
		// the second batch stops at the person already stored (an ordered insert)
		assertThatThrownBy(() -> this.batches.createAll("Person", Person.class,
				List.of(person("t-batch-b"), person("t-batch-a"), person("t-batch-c")), "test"))
			.isInstanceOf(RuntimeException.class);

		assertThat(this.mongo.exists(Query.query(Criteria.where("_id").is("t-batch-b")), Person.class)).isTrue();
		assertThat(this.mongo.exists(Query.query(Criteria.where("_id").is("t-batch-c")), Person.class)).isFalse();
		assertThat(entries("t-batch-a")).isEqualTo(1);
		assertThat(entries("t-batch-b")).isEqualTo(1);
		assertThat(entries("t-batch-c")).isZero();
	}

	private long entries(String personId) {
		return this.mongo.getCollection("history")
			.countDocuments(new org.bson.Document("record", "Person:" + personId));
	}

	private static Person person(String id) {
		return new Person(id, "Batch " + id, null, null, List.of(), null, List.of(), List.of(), null, List.of(), null,
				1);
	}

	@Test
	void aBodyOverTheLimitImportsNothingEvenWhereItsFirstLinesWereWithin() throws Exception {
		String file = FtmHttp.fixture("import.ndjson", "limit");
		byte[] bytes = file.getBytes(java.nio.charset.StandardCharsets.UTF_8);
		// the limit falls after the first (valid) entity
		long max = file.indexOf('\n') + 10;
		assertThatThrownBy(
				() -> this.importer.importStream(new LimitedInputStream(new ByteArrayInputStream(bytes), max)))
			.isInstanceOf(BodyTooLargeException.class)
			.hasMessageContaining("limit of " + max + " bytes");
		assertThat(this.mongo.exists(Query.query(Criteria.where("ftm.id").is("t-limit-person")), Person.class))
			.isFalse();
	}

	/**
	 * What FtM carries of each designation, by its Sanction id: the listed record (by its
	 * FtM id), the dates, the reference and reason, the imposers and the programme.
	 */
	private Map<String, Object> designations() {
		Map<String, Object> designations = new TreeMap<>();
		for (Designation designation : this.mongo.findAll(Designation.class)) {
			Person person = this.mongo.findById(String.valueOf(designation.target().personId()), Person.class);
			Measure measure = this.mongo.findById(designation.measureId(), Measure.class);
			designations.put(designation.ftm() == null ? "sg-designation-" + designation.id() : designation.ftm().id(),
					List.of(person.ftm() == null ? "sg-person-" + person.id() : person.ftm().id(),
							designation.listed().value(), String.valueOf(designation.delisted()),
							String.valueOf(designation.authorityReference()), String.valueOf(designation.reason()),
							coded(measure.imposerIds()), String.valueOf(measure.programId())));
		}
		return designations;
	}

	private static void assertSame(Map<String, Object> after, Map<String, Object> before) {
		assertThat(after.keySet()).isEqualTo(before.keySet());
		before.forEach((key, fields) -> assertThat(after.get(key)).as(key).isEqualTo(fields));
	}

	private String export() {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		this.exporter.export(new FtmExporter.Filter(null, null, Set.of()), out);
		return out.toString(java.nio.charset.StandardCharsets.UTF_8);
	}

	private <T> Map<String, Object> snapshot(Class<T> type, Function<T, String> key, Function<T, Object> fields) {
		Map<String, Object> snapshot = new TreeMap<>();
		this.mongo.findAll(type).forEach(record -> snapshot.put(key.apply(record), fields.apply(record)));
		return snapshot;
	}

	/**
	 * What FtM carries of a person (citations are not carried).
	 */
	private static Object same(Person person) {
		return List.of(person.name(), String.valueOf(person.firstName()), String.valueOf(person.lastName()),
				spellings(person.aliases()), String.valueOf(person.birthDate()), coded(person.nationalityIds()),
				String.valueOf(person.description()), addresses(person.addresses()), positions(person),
				identifiers(person.identifiers()));
	}

	private static Object same(Organization organization) {
		return List.of(organization.name(), organization.kind(), spellings(organization.aliases()),
				coded(organization.countryId() == null ? List.of() : List.of(organization.countryId())),
				String.valueOf(organization.description()), addresses(organization.addresses()),
				identifiers(organization.identifiers()));
	}

	/**
	 * Spellings and their kinds (FtM has no language per value: the languages of
	 * spellings are not carried).
	 */
	private static Set<String> spellings(List<Name> aliases) {
		Set<String> spellings = new HashSet<>();
		aliases.forEach(alias -> spellings.add(alias.kind() + ":" + alias.value()));
		return spellings;
	}

	private static List<String> coded(List<String> partyIds) {
		return partyIds.stream().filter(CODED::contains).toList();
	}

	/**
	 * Positions as FtM carries them (an Occupancy of a Position): the title, the country,
	 * the dates and the note; not the organisation, which stays on the Position entity.
	 */
	private static List<String> positions(Person person) {
		return person.positions()
			.stream()
			.map(position -> String.join("|", position.title(),
					String.valueOf(coded(Stream.ofNullable(position.countryId()).toList())),
					String.valueOf(position.start()), String.valueOf(position.end()), String.valueOf(position.note())))
			.sorted()
			.toList();
	}

	/**
	 * Identifiers: scheme, value and issuing country (those FtM has no property for come
	 * back as Passport or Identification entities).
	 */
	private static List<String> identifiers(List<Identifier> identifiers) {
		return identifiers.stream()
			.map(identifier -> identifier.scheme() + "|" + identifier.value() + "|"
					+ coded(Stream.ofNullable(identifier.countryId()).toList()))
			.sorted()
			.toList();
	}

	private static List<Address> addresses(List<Address> addresses) {
		return addresses.stream()
			.map(address -> new Address(null, address.full(), address.street(), address.city(), address.postalCode(),
					address.region(), address.countryId(), address.ftmExtra()))
			.toList();
	}

}
