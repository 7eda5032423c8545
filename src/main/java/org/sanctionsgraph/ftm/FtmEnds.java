package org.sanctionsgraph.ftm;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

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

	/** What the last {@link #prefetch} found, by FtM id. */
	private final Map<String, End> known = new HashMap<>();

	/** The ids the last {@link #prefetch} looked for and did not find. */
	private final Set<String> absent = new HashSet<>();

	FtmEnds(MongoTemplate mongo) {
		this.mongo = mongo;
	}

	/**
	 * Looks up a chunk's FtM ids at once (one read per kind and way of naming), so that
	 * {@link #find} answers them without a read each; forgets what the previous chunk's
	 * lookup found. The import writes no person or organisation while it reads ties and
	 * sanctions, so what was found stays true for the chunk.
	 */
	void prefetch(Collection<String> ftmIds) {
		this.known.clear();
		this.absent.clear();
		Set<String> ids = new HashSet<>(ftmIds);
		ids.remove(null);
		if (ids.isEmpty()) {
			return;
		}
		// organisations first, people over them: an id naming both is a person's, as in
		// find
		Document byFtmId = new Document(FTM_ID, new Document("$in", ids));
		endsOf(TieEndKind.ORGANIZATION, byFtmId, doc -> doc.get("ftm", Document.class).getString("_id"));
		endsOf(TieEndKind.PERSON, byFtmId, doc -> doc.get("ftm", Document.class).getString("_id"));
		for (TieEndKind kind : List.of(TieEndKind.PERSON, TieEndKind.ORGANIZATION)) {
			String prefix = kind == TieEndKind.PERSON ? PERSON_PREFIX : ORGANIZATION_PREFIX;
			Map<String, String> own = new LinkedHashMap<>();
			ids.stream()
				.filter(id -> id.startsWith(prefix) && !this.known.containsKey(id))
				.forEach(id -> own.put(id.substring(prefix.length()), id));
			if (!own.isEmpty()) {
				endsOf(kind, new Document("_id", new Document("$in", new ArrayList<>(own.keySet()))),
						doc -> own.get(doc.getString("_id")));
			}
		}
		ids.stream().filter(id -> !this.known.containsKey(id)).forEach(this.absent::add);
	}

	private void endsOf(TieEndKind kind, Document filter, Function<Document, String> key) {
		boolean person = kind == TieEndKind.PERSON;
		this.mongo.getCollection(person ? PEOPLE : ORGANIZATIONS)
			.find(filter)
			.projection(projection(person).append(FTM_ID, 1))
			.forEach(doc -> this.known.put(key.apply(doc), end(kind, doc)));
	}

	/** The person or organisation an FtM id names, or null. */
	End find(String ftmId) {
		End prefetched = this.known.get(ftmId);
		if (prefetched != null || this.absent.contains(ftmId)) {
			return prefetched;
		}
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
			.projection(projection(person))
			.first();
		return doc == null ? null : end(kind, doc);
	}

	private static Document projection(boolean person) {
		return new Document("_id", 1).append(person ? "nationalityIds" : "countryId", 1);
	}

	private static End end(TieEndKind kind, Document doc) {
		boolean person = kind == TieEndKind.PERSON;
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
