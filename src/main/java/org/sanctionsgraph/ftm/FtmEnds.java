package org.sanctionsgraph.ftm;

import org.bson.Document;
import org.sanctionsgraph.organization.Organization;
import org.sanctionsgraph.person.Person;
import org.sanctionsgraph.tie.TieEndKind;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/**
 * The records FtM entity ids name, both ways: an id an import stored on a person or
 * organisation, or the {@code sg-person-} and {@code sg-organization-} ids an export
 * gives records that were not imported.
 */
final class FtmEnds {

	static final String PERSON_PREFIX = "sg-person-";

	static final String ORGANIZATION_PREFIX = "sg-organization-";

	/** A record at the end of a tie. */
	record End(String id, TieEndKind kind) {
	}

	private final MongoTemplate mongo;

	FtmEnds(MongoTemplate mongo) {
		this.mongo = mongo;
	}

	/** The person or organisation an FtM id names, or null. */
	End find(String ftmId) {
		Query byFtmId = Query.query(Criteria.where("ftm.id").is(ftmId));
		byFtmId.fields().include("_id");
		Person person = this.mongo.findOne(byFtmId, Person.class);
		if (person != null) {
			return new End(person.id(), TieEndKind.PERSON);
		}
		Organization organization = this.mongo.findOne(byFtmId, Organization.class);
		if (organization != null) {
			return new End(organization.id(), TieEndKind.ORGANIZATION);
		}
		if (ftmId.startsWith(PERSON_PREFIX) && exists(ftmId.substring(PERSON_PREFIX.length()), "people")) {
			return new End(ftmId.substring(PERSON_PREFIX.length()), TieEndKind.PERSON);
		}
		if (ftmId.startsWith(ORGANIZATION_PREFIX)
				&& exists(ftmId.substring(ORGANIZATION_PREFIX.length()), "organizations")) {
			return new End(ftmId.substring(ORGANIZATION_PREFIX.length()), TieEndKind.ORGANIZATION);
		}
		return null;
	}

	private boolean exists(String id, String collection) {
		return this.mongo.getCollection(collection).find(new Document("_id", id)).first() != null;
	}

	/** The FtM id a record is exported under. */
	String ftmId(String id, TieEndKind kind) {
		String collection = kind == TieEndKind.PERSON ? "people" : "organizations";
		Document doc = this.mongo.getCollection(collection)
			.find(new Document("_id", id))
			.projection(new Document("ftm.id", 1))
			.first();
		Document ftm = doc == null ? null : doc.get("ftm", Document.class);
		if (ftm != null && ftm.getString("id") != null) {
			return ftm.getString("id");
		}
		return (kind == TieEndKind.PERSON ? PERSON_PREFIX : ORGANIZATION_PREFIX) + id;
	}

}
