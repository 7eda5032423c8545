package org.sanctionsgraph.ftm;

import java.util.function.Consumer;
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
import org.sanctionsgraph.write.Drafts;
import org.sanctionsgraph.write.RecordWriter;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * Creates or updates the record an FtM entity maps to, found by the FtM id it keeps,
 * through the {@link RecordWriter}: a new record starts at revision 1, a changed one gets
 * a new revision, and each has its history entry (the actor is the import's). A record
 * that already holds what the entity says is left alone.
 */
@Component
class FtmUpserts {

	/** The operation the history names for changes made by an import. */
	static final String OPERATION = "importFtm";

	private final MongoTemplate mongo;

	private final RecordWriter writer;

	private final RecordTypes types;

	FtmUpserts(MongoTemplate mongo, RecordWriter writer, RecordTypes types) {
		this.mongo = mongo;
		this.writer = writer;
		this.types = types;
	}

	ImportSummary.Outcome person(String ftmId, Consumer<PersonBuilder> change) {
		return upsert(Person.class, ftmId, PersonRecords.DRAFTS, Person::revision, change);
	}

	ImportSummary.Outcome organization(String ftmId, Consumer<OrganizationBuilder> change) {
		return upsert(Organization.class, ftmId, OrganizationRecords.DRAFTS, Organization::revision, change);
	}

	private <T extends Sortable, B> ImportSummary.Outcome upsert(Class<T> type, String ftmId, Drafts<T, B> drafts,
			ToLongFunction<T> revision, Consumer<B> change) {
		String recordType = this.types.of(type).name();
		for (int attempt = 0;; attempt++) {
			T current = this.mongo.findOne(Query.query(Criteria.where("ftm.id").is(ftmId)), type);
			if (current == null) {
				this.writer.create(recordType, type, drafts.creating(change).apply(new ObjectId().toHexString()),
						OPERATION);
				return ImportSummary.Outcome.CREATED;
			}
			if (drafts.changing(change).apply(current).equals(current)) {
				return ImportSummary.Outcome.UNCHANGED;
			}
			RecordWriter.Outcome<T> outcome = this.writer.update(recordType, type, current.id(),
					revision.applyAsLong(current), OPERATION, drafts.changing(change));
			if (outcome instanceof RecordWriter.Outcome.Written<T>) {
				return ImportSummary.Outcome.UPDATED;
			}
			// an analyst changed the record meanwhile: apply the entity to the new
			// revision
			if (attempt == 2) {
				throw new FtmEntity.Invalid("the record kept changing while it was imported; import it again", ftmId);
			}
		}
	}

}
