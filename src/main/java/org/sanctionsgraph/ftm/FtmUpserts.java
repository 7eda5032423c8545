package org.sanctionsgraph.ftm;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.ToLongFunction;

import org.bson.types.ObjectId;
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

	void people(List<Pending<PersonBuilder>> batch, ImportSummary summary) {
		upsert(Person.class, batch, PersonRecords.DRAFTS, Person::revision, person -> person.ftm().id(), summary);
	}

	void organizations(List<Pending<OrganizationBuilder>> batch, ImportSummary summary) {
		upsert(Organization.class, batch, OrganizationRecords.DRAFTS, Organization::revision,
				organization -> organization.ftm().id(), summary);
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
			if (current == null) {
				created.add(drafts.creating(pending.change()).apply(new ObjectId().toHexString()));
				continue;
			}
			try {
				summary.count(update(recordType, type, current, drafts, revision, pending));
			}
			catch (FtmEntity.Invalid ex) {
				summary.reject(pending.line(), pending.ftmId(), ex.getMessage());
			}
		}
		this.batches.createAll(recordType, type, created, OPERATION);
		created.forEach(record -> summary.count(ImportSummary.Outcome.CREATED));
	}

	private <T extends Sortable, B> ImportSummary.Outcome update(String recordType, Class<T> type, T current,
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
