package org.sanctionsgraph.ftm;

import org.bson.Document;
import org.sanctionsgraph.organization.Organization;
import org.sanctionsgraph.person.Person;
import org.sanctionsgraph.records.RecordTypes;
import org.sanctionsgraph.tie.TieEndKind;

import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * The records FtM entity ids name, both ways: an id an import stored on a person or
 * organisation, or the {@code sg-person-} and {@code sg-organization-} ids an export
 * gives records that were not imported.
 */
final class FtmEnds {

	static final String PERSON_PREFIX = "sg-person-";

	static final String ORGANIZATION_PREFIX = "sg-organization-";

	/**
	 * The FtM id as stored (the mapping stores an embedded {@code id} as {@code _id}).
	 */
	private static final String FTM_ID = "ftm._id";

	private static final String PEOPLE = RecordTypes.collection(Person.class);

	private static final String ORGANIZATIONS = RecordTypes.collection(Organization.class);

	/** A record at the end of a tie. */
	record End(String id, TieEndKind kind) {
	}

	private final MongoTemplate mongo;

	FtmEnds(MongoTemplate mongo) {
		this.mongo = mongo;
	}

	/** The person or organisation an FtM id names, or null. */
	End find(String ftmId) {
		String person = idOf(PEOPLE, new Document(FTM_ID, ftmId));
		if (person != null) {
			return new End(person, TieEndKind.PERSON);
		}
		String organization = idOf(ORGANIZATIONS, new Document(FTM_ID, ftmId));
		if (organization != null) {
			return new End(organization, TieEndKind.ORGANIZATION);
		}
		if (ftmId.startsWith(PERSON_PREFIX)
				&& idOf(PEOPLE, new Document("_id", ftmId.substring(PERSON_PREFIX.length()))) != null) {
			return new End(ftmId.substring(PERSON_PREFIX.length()), TieEndKind.PERSON);
		}
		if (ftmId.startsWith(ORGANIZATION_PREFIX)
				&& idOf(ORGANIZATIONS, new Document("_id", ftmId.substring(ORGANIZATION_PREFIX.length()))) != null) {
			return new End(ftmId.substring(ORGANIZATION_PREFIX.length()), TieEndKind.ORGANIZATION);
		}
		return null;
	}

	private String idOf(String collection, Document filter) {
		Document doc = this.mongo.getCollection(collection).find(filter).projection(new Document("_id", 1)).first();
		return doc == null ? null : doc.getString("_id");
	}

	/** The FtM id a record is exported under. */
	String ftmId(String id, TieEndKind kind) {
		String collection = kind == TieEndKind.PERSON ? PEOPLE : ORGANIZATIONS;
		Document doc = this.mongo.getCollection(collection)
			.find(new Document("_id", id))
			.projection(new Document(FTM_ID, 1))
			.first();
		Document ftm = doc == null ? null : doc.get("ftm", Document.class);
		if (ftm != null && ftm.getString("_id") != null) {
			return ftm.getString("_id");
		}
		return (kind == TieEndKind.PERSON ? PERSON_PREFIX : ORGANIZATION_PREFIX) + id;
	}

}
