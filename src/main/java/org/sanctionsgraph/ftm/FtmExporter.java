package org.sanctionsgraph.ftm;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.bson.Document;
import org.sanctionsgraph.designation.Designation;
import org.sanctionsgraph.measure.Measure;
import org.sanctionsgraph.organization.Organization;
import org.sanctionsgraph.person.Person;
import org.sanctionsgraph.records.RecordTypes;
import org.sanctionsgraph.tie.Tie;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

/**
 * Writes the store as FtM JSON lines, record by record as MongoDB returns them (memory
 * does not grow with the store): each person and organisation with its addresses before
 * it and the entities of its identifiers and positions after it, then the ties between
 * them and the designations as Sanction entities (neither when filtered by country).
 * Records imported from FtM keep their FtM id, schema and extra properties; the others
 * get the id {@code sg-<kind>-<id>}.
 */
@Service
class FtmExporter {

	private final MongoTemplate mongo;

	private final RecordTypes types;

	FtmExporter(MongoTemplate mongo, RecordTypes types) {
		this.mongo = mongo;
		this.types = types;
	}

	/**
	 * What to export.
	 *
	 * @param since only records changed at or after this instant (null: all)
	 * @param partyId only records of this country (nationality or country; null: all)
	 * @param schemata only entities of these FtM schemata (empty: all)
	 */
	record Filter(Instant since, String partyId, Set<String> schemata) {
	}

	/** Writes the entities the filter selects; returns how many lines were written. */
	long export(Filter filter, OutputStream out) {
		Parties parties = Parties.load(this.mongo);
		HeldExport held = new HeldExport(new HeldEntities(this.mongo, parties), parties);
		long[] lines = { 0 };
		Query people = query(filter, Person.class, "nationalityIds");
		try (Stream<Person> stream = this.mongo.stream(people, Person.class)) {
			stream.forEach(person -> write(PersonFtm.entities(person, parties, held), filter, out, lines));
		}
		Query organizations = query(filter, Organization.class, "countryId");
		try (Stream<Organization> stream = this.mongo.stream(organizations, Organization.class)) {
			stream.forEach(
					organization -> write(OrganizationFtm.entities(organization, parties, held), filter, out, lines));
		}
		if (filter.partyId() == null) {
			FtmEnds ends = new FtmEnds(this.mongo);
			Query ties = query(filter, Tie.class, null);
			try (Stream<Tie> stream = this.mongo.stream(ties, Tie.class)) {
				stream.forEach(tie -> write(List.of(TieFtm.entity(tie, ends)), filter, out, lines));
			}
			ExportedMeasures measures = new ExportedMeasures(this.mongo);
			Query designations = query(filter, Designation.class, null);
			try (Stream<Designation> stream = this.mongo.stream(designations, Designation.class)) {
				stream.forEach(designation -> {
					Measure measure = measures.measure(designation.measureId());
					FtmEntity sanction = SanctionFtm.entity(designation, measure,
							measure == null ? null : measures.program(measure.programId()), ends, parties);
					write(sanction == null ? List.of() : List.of(sanction), filter, out, lines);
				});
			}
		}
		return lines[0];
	}

	private Query query(Filter filter, Class<?> type, String countryField) {
		Query query = new Query().with(org.springframework.data.domain.Sort.by("_id"));
		if (filter.partyId() != null) {
			query.addCriteria(Criteria.where(countryField).is(filter.partyId()));
		}
		if (filter.since() != null) {
			query.addCriteria(Criteria.where("_id").in(changedSince(type, filter.since())));
		}
		return query;
	}

	/**
	 * The ids of the records of a kind with a history entry at or after the instant (the
	 * seed and generated data, loaded without history, count as unchanged).
	 */
	private Set<String> changedSince(Class<?> type, Instant since) {
		String prefix = this.types.of(type.asSubclass(org.sanctionsgraph.paging.Sortable.class)).name() + ":";
		Set<String> ids = new LinkedHashSet<>();
		for (Document entry : this.mongo.getCollection("history")
			.find(new Document("at", new Document("$gte", java.util.Date.from(since))))
			.projection(new Document("record", 1))) {
			String record = entry.getString("record");
			if (record != null && record.startsWith(prefix)) {
				ids.add(record.substring(prefix.length()));
			}
		}
		return ids;
	}

	private static void write(List<FtmEntity> entities, Filter filter, OutputStream out, long[] lines) {
		try {
			for (FtmEntity entity : entities) {
				if (filter.schemata().isEmpty() || filter.schemata().contains(entity.schema())) {
					out.write(entity.toJson().getBytes(StandardCharsets.UTF_8));
					out.write('\n');
					lines[0]++;
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
