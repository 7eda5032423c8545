package org.sanctionsgraph.ftm;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.ToLongFunction;

import org.bson.types.ObjectId;
import org.sanctionsgraph.designation.Designation;
import org.sanctionsgraph.designation.DesignationBuilder;
import org.sanctionsgraph.designation.DesignationRecords;
import org.sanctionsgraph.organization.Organization;
import org.sanctionsgraph.organization.OrganizationBuilder;
import org.sanctionsgraph.organization.OrganizationRecords;
import org.sanctionsgraph.paging.Sortable;
import org.sanctionsgraph.person.Person;
import org.sanctionsgraph.person.PersonBuilder;
import org.sanctionsgraph.person.PersonRecords;
import org.sanctionsgraph.records.RecordTypes;
import org.sanctionsgraph.tie.Tie;
import org.sanctionsgraph.tie.TieBuilder;
import org.sanctionsgraph.tie.TieRecords;
import org.sanctionsgraph.write.BatchWriter;
import org.sanctionsgraph.write.Drafts;
import org.sanctionsgraph.write.RecordWriter;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * Creates or updates the records a batch of FtM entities maps to, found by the FtM id
 * they keep, through the {@link RecordWriter}: new records are inserted together at
 * revision 1, a changed one gets a new revision, and each has its history entry (the
 * actor is the import's). A record that already holds what its entity says is left alone.
 */
@Component
class FtmUpserts {

	/** The operation the history names for changes made by an import. */
	static final String OPERATION = "importFtm";

	/** One entity of a batch: its line, its FtM id and the change it makes. */
	record Pending<B>(long line, String ftmId, Consumer<B> change) {
	}

	private final MongoTemplate mongo;

	private final RecordWriter writer;

	private final BatchWriter batches;

	private final RecordTypes types;

	FtmUpserts(MongoTemplate mongo, RecordWriter writer, BatchWriter batches, RecordTypes types) {
		this.batches = batches;
		this.mongo = mongo;
		this.writer = writer;
		this.types = types;
	}

	/**
	 * Upserts people, each with the identifiers and positions its held entities give it
	 * (beside the identifiers its own properties give).
	 */
	void people(List<Pending<PersonBuilder>> batch, ImportSummary summary, HeldEntities held) {
		Map<String, HeldEntities.Held> holds = held.forHolders(batch.stream().map(Pending::ftmId).toList());
		upsert(Person.class,
				holding(batch, holds, (person, holding) -> person
					.identifiers(Unmapped.bounded("identifiers", merged(person.identifiers(), holding.identifiers())))
					.positions(Unmapped.bounded("positions", holding.positions()))),
				PersonRecords.DRAFTS, Person::revision, person -> person.ftm().id(), summary);
	}

	void organizations(List<Pending<OrganizationBuilder>> batch, ImportSummary summary, HeldEntities held) {
		Map<String, HeldEntities.Held> holds = held.forHolders(batch.stream().map(Pending::ftmId).toList());
		upsert(Organization.class, holding(batch, holds,
				(organization, holding) -> organization.identifiers(
						Unmapped.bounded("identifiers", merged(organization.identifiers(), holding.identifiers())))),
				OrganizationRecords.DRAFTS, Organization::revision, organization -> organization.ftm().id(), summary);
	}

	void designations(List<Pending<DesignationBuilder>> batch, ImportSummary summary) {
		upsert(Designation.class, batch, DesignationRecords.DRAFTS, Designation::revision,
				designation -> designation.ftm().id(), summary);
	}

	/** Each change followed by what the entity's held entities give its record. */
	private static <B> List<Pending<B>> holding(List<Pending<B>> batch, Map<String, HeldEntities.Held> holds,
			BiConsumer<B, HeldEntities.Held> give) {
		return batch.stream()
			.map(pending -> new Pending<B>(pending.line(), pending.ftmId(), pending.change()
				.andThen(draft -> give.accept(draft, holds.getOrDefault(pending.ftmId(), HeldEntities.Held.NONE)))))
			.toList();
	}

	static <T> List<T> merged(List<T> first, List<T> then) {
		Set<T> merged = new LinkedHashSet<>(first);
		merged.addAll(then);
		return new ArrayList<>(merged);
	}

	/**
	 * Gives the people and organisations these FtM ids name (by the line of an entity
	 * they hold) what their held entities give them and they lack: for a holder the file
	 * does not carry (one it carries got them when it was written, so nothing changes).
	 */
	void holders(Map<String, Long> lines, HeldEntities held, ImportSummary summary) {
		if (lines.isEmpty()) {
			return;
		}
		Map<String, HeldEntities.Held> holds = held.forHolders(lines.keySet());
		for (Person person : holders(lines.keySet(), FtmEnds.PERSON_PREFIX, Person.class)) {
			String key = person.ftm() != null ? person.ftm().id() : FtmEnds.PERSON_PREFIX + person.id();
			HeldEntities.Held holding = holds.getOrDefault(key, HeldEntities.Held.NONE);
			give(Person.class, person, PersonRecords.DRAFTS, Person::revision, lines, key, summary,
					draft -> draft
						.identifiers(
								Unmapped.bounded("identifiers", merged(draft.identifiers(), holding.identifiers())))
						.positions(Unmapped.bounded("positions", merged(draft.positions(), holding.positions()))));
		}
		for (Organization organization : holders(lines.keySet(), FtmEnds.ORGANIZATION_PREFIX, Organization.class)) {
			String key = organization.ftm() != null ? organization.ftm().id()
					: FtmEnds.ORGANIZATION_PREFIX + organization.id();
			HeldEntities.Held holding = holds.getOrDefault(key, HeldEntities.Held.NONE);
			give(Organization.class, organization, OrganizationRecords.DRAFTS, Organization::revision, lines, key,
					summary, draft -> draft.identifiers(
							Unmapped.bounded("identifiers", merged(draft.identifiers(), holding.identifiers()))));
		}
	}

	/**
	 * The records of a kind these FtM ids name: by the id an import stored, or by the id
	 * an export gave a record that was not imported (two reads, each by an index).
	 */
	private <T> List<T> holders(Collection<String> ids, String prefix, Class<T> type) {
		List<T> found = new ArrayList<>(this.mongo.find(Query.query(Criteria.where("ftm.id").in(ids)), type));
		List<String> own = ids.stream()
			.filter(id -> id.startsWith(prefix))
			.map(id -> id.substring(prefix.length()))
			.toList();
		if (!own.isEmpty()) {
			found.addAll(this.mongo.find(Query.query(Criteria.where("_id").in(own).and("ftm").is(null)), type));
		}
		return found;
	}

	private <T extends Sortable, B> void give(Class<T> type, T current, Drafts<T, B> drafts, ToLongFunction<T> revision,
			Map<String, Long> lines, String key, ImportSummary summary, Consumer<B> change) {
		try {
			update(this.types.of(type).name(), type, current, drafts, revision,
					new Pending<>(lines.getOrDefault(key, 0L), key, change));
		}
		catch (FtmEntity.Invalid ex) {
			summary.reject(lines.getOrDefault(key, 0L), key, ex.getMessage());
		}
	}

	void ties(List<Pending<TieBuilder>> batch, ImportSummary summary) {
		upsert(Tie.class, batch, TieRecords.DRAFTS, Tie::revision, tie -> tie.ftm().id(), summary);
	}

	/** Upserts a batch whose FtM ids are distinct. */
	private <T extends Sortable, B> void upsert(Class<T> type, List<Pending<B>> batch, Drafts<T, B> drafts,
			ToLongFunction<T> revision, Function<T, String> ftmId, ImportSummary summary) {
		if (batch.isEmpty()) {
			return;
		}
		String recordType = this.types.of(type).name();
		Map<String, T> existing = new HashMap<>();
		this.mongo.find(Query.query(Criteria.where("ftm.id").in(batch.stream().map(Pending::ftmId).toList())), type)
			.forEach(record -> existing.put(ftmId.apply(record), record));
		List<T> created = new ArrayList<>();
		for (Pending<B> pending : batch) {
			T current = existing.get(pending.ftmId());
			try {
				if (current == null) {
					created.add(drafts.creating(pending.change()).apply(new ObjectId().toHexString()));
				}
				else {
					summary.count(update(recordType, type, current, drafts, revision, pending));
				}
			}
			catch (FtmEntity.Invalid ex) {
				summary.reject(pending.line(), pending.ftmId(), ex.getMessage());
			}
		}
		this.batches.createAll(recordType, type, created, OPERATION);
		created.forEach(record -> summary.count(ImportSummary.Outcome.CREATED));
	}

	<T extends Sortable, B> ImportSummary.Outcome update(String recordType, Class<T> type, T current,
			Drafts<T, B> drafts, ToLongFunction<T> revision, Pending<B> pending) {
		for (int attempt = 0;; attempt++) {
			if (drafts.changing(pending.change()).apply(current).equals(current)) {
				return ImportSummary.Outcome.UNCHANGED;
			}
			RecordWriter.Outcome<T> outcome = this.writer.update(recordType, type, current.id(),
					revision.applyAsLong(current), OPERATION, drafts.changing(pending.change()));
			if (outcome instanceof RecordWriter.Outcome.Written<T>) {
				return ImportSummary.Outcome.UPDATED;
			}
			// an analyst changed the record meanwhile: apply the entity to the new
			// revision
			current = this.mongo.findById(current.id(), type);
			if (current == null || attempt == 2) {
				throw new FtmEntity.Invalid("the record changed or was removed while it was imported; import it again");
			}
		}
	}

}
