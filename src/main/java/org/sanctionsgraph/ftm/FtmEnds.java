package org.sanctionsgraph.ftm;

import java.util.List;

import org.bson.Document;
import org.sanctionsgraph.organization.Organization;
import org.sanctionsgraph.person.Person;
import org.sanctionsgraph.records.RecordTypes;
import org.sanctionsgraph.tie.TieEndKind;

import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * The people and organisations FtM entity ids name (the ends of ties, the targets of
 * designations, the holders of identifiers and positions), both ways: an id an import
 * stored on a person or organisation, or the {@code sg-person-} and
 * {@code sg-organization-} ids an export gives records that were not imported.
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

	/**
	 * A record at the end of a tie or listed by a designation, with the party it belongs
	 * to (a person's first nationality, an organisation's country; null when none).
	 */
	record End(String id, TieEndKind kind, String countryId) {
	}

	private final MongoTemplate mongo;

	FtmEnds(MongoTemplate mongo) {
		this.mongo = mongo;
	}

	/** The person or organisation an FtM id names, or null. */
	End find(String ftmId) {
		End found = endOf(TieEndKind.PERSON, new Document(FTM_ID, ftmId));
		if (found == null) {
			found = endOf(TieEndKind.ORGANIZATION, new Document(FTM_ID, ftmId));
		}
		if (found == null && ftmId.startsWith(PERSON_PREFIX)) {
			found = endOf(TieEndKind.PERSON, new Document("_id", ftmId.substring(PERSON_PREFIX.length())));
		}
		if (found == null && ftmId.startsWith(ORGANIZATION_PREFIX)) {
			found = endOf(TieEndKind.ORGANIZATION, new Document("_id", ftmId.substring(ORGANIZATION_PREFIX.length())));
		}
		return found;
	}

	private End endOf(TieEndKind kind, Document filter) {
		boolean person = kind == TieEndKind.PERSON;
		Document doc = this.mongo.getCollection(person ? PEOPLE : ORGANIZATIONS)
			.find(filter)
			.projection(new Document("_id", 1).append(person ? "nationalityIds" : "countryId", 1))
			.first();
		if (doc == null) {
			return null;
		}
		List<String> nationalities = person ? doc.getList("nationalityIds", String.class, List.of()) : List.of();
		String country = person ? (nationalities.isEmpty() ? null : nationalities.get(0)) : doc.getString("countryId");
		return new End(doc.getString("_id"), kind, country);
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
