package org.sanctionsgraph.seed;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import org.bson.Document;
import org.sanctionsgraph.designation.Designation;
import org.sanctionsgraph.legalact.LegalAct;
import org.sanctionsgraph.event.Event;
import org.sanctionsgraph.measure.Measure;
import org.sanctionsgraph.organization.Organization;
import org.sanctionsgraph.paging.Sortable;
import org.sanctionsgraph.party.Party;
import org.sanctionsgraph.model.RecordEvents;
import org.sanctionsgraph.party.PartyKind;
import org.sanctionsgraph.person.Person;
import org.sanctionsgraph.program.Membership;
import org.sanctionsgraph.program.Program;
import org.sanctionsgraph.source.Source;
import org.sanctionsgraph.tie.Tie;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Loads the seed story ({@code seed/story.json}) and every ISO 3166-1 country on first
 * start. It only inserts records whose ids are absent, never overwriting; once done it
 * writes a marker with the story's {@link #VERSION}, so later starts do nothing at all.
 *
 * <p>
 * A database loaded from an older story (its marker has a lower version, or none) is
 * brought up to date on the next start: the records it lacks are inserted, and the seed
 * records it holds gain the fields the newer story added (a field already stored, by the
 * seed or by an analyst, is never overwritten).
 */
@Component
@Order(1)
class SeedLoader implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(SeedLoader.class);

	static final String MARKER_COLLECTION = "seed";

	static final String ISO_SOURCE = "iso-3166";

	/** Where the write path keeps history entries not yet moved (see RecordWriter). */
	private static final String PENDING_HISTORY = "pendingHistory";

	/**
	 * The story's version: raise it whenever the story gains records or fields, so
	 * databases loaded before get them. 2: legal acts, designations, programme codes.
	 */
	static final int VERSION = 2;

	/** The collections of the seed file, in the order they are loaded. */
	private static final Map<String, Class<? extends Sortable>> SECTIONS = new LinkedHashMap<>();

	static {
		SECTIONS.put("sources", Source.class);
		SECTIONS.put("parties", Party.class);
		SECTIONS.put("people", Person.class);
		SECTIONS.put("organizations", Organization.class);
		SECTIONS.put("programs", Program.class);
		SECTIONS.put("events", Event.class);
		SECTIONS.put("legalActs", LegalAct.class);
		SECTIONS.put("measures", Measure.class);
		SECTIONS.put("memberships", Membership.class);
		SECTIONS.put("ties", Tie.class);
		SECTIONS.put("designations", Designation.class);
	}

	private final MongoTemplate mongo;

	private final Resource story;

	private final boolean enabled;

	private final RecordEvents events;

	SeedLoader(MongoTemplate mongo, SeedProperties properties, RecordEvents events) {
		this.mongo = mongo;
		this.events = events;
		this.story = new ClassPathResource("seed/story.json");
		this.enabled = properties.enabled();
	}

	@Override
	public void run(ApplicationArguments args) throws IOException {
		if (!this.enabled) {
			log.info("Seed loading disabled (sanctions.seed.enabled=false)");
			return;
		}
		Document marker = this.mongo.findById("story", Document.class, MARKER_COLLECTION);
		int loadedVersion = marker == null ? 0 : marker.getInteger("version", 1);
		if (loadedVersion >= VERSION) {
			log.info("Seed story already loaded; nothing to do");
			return;
		}
		Document seed;
		try (InputStream in = this.story.getInputStream()) {
			seed = Document.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
		}
		int inserted = 0;
		int completed = 0;
		for (Map.Entry<String, Class<? extends Sortable>> section : SECTIONS.entrySet()) {
			List<Document> documents = new ArrayList<>(seed.getList(section.getKey(), Document.class, List.of()));
			if (section.getValue() == Party.class) {
				documents = withIsoCountries(documents);
			}
			if (marker != null) {
				completed += addAbsentFields(section.getValue(), documents);
			}
			inserted += insertAbsent(section.getValue(), documents);
		}
		this.mongo.upsert(new Query(Criteria.where("_id").is("story")),
				new Update().inc("loadedRecords", inserted).set("version", VERSION), MARKER_COLLECTION);
		SECTIONS.values().forEach(this.events::loaded);
		log.info("Loaded the seed story (version {}): {} records, {} completed", VERSION, inserted, completed);
	}

	/**
	 * Gives the stored seed records the fields of the story they lack, keeping every
	 * stored field and the revision; the record is read back through its type first, so
	 * derived fields are computed again. Returns how many records changed.
	 */
	private <T extends Sortable> int addAbsentFields(Class<T> type, List<Document> documents) {
		MongoCollection<Document> collection = this.mongo.getCollection(this.mongo.getCollectionName(type));
		int changed = 0;
		for (Document seed : documents) {
			Document stored = collection.find(Filters.eq("_id", seed.get("id"))).first();
			if (stored == null) {
				continue;
			}
			Document merged = new Document(stored);
			seed.forEach((field, value) -> {
				if (!"id".equals(field)) {
					merged.putIfAbsent(field, value);
				}
			});
			if (merged.size() == stored.size()) {
				continue;
			}
			Document doc = new Document();
			this.mongo.getConverter().write(this.mongo.getConverter().read(type, merged), doc);
			doc.remove("_class");
			if (stored.containsKey(PENDING_HISTORY)) {
				doc.put(PENDING_HISTORY, stored.get(PENDING_HISTORY));
			}
			// Guarded by the revision: an analyst's write in between wins, and the field
			// is added at the next start.
			changed += (int) collection
				.replaceOne(Filters.and(Filters.eq("_id", stored.get("_id")),
						Filters.eq("revision", stored.get("revision"))), doc)
				.getModifiedCount();
		}
		return changed;
	}

	/** Inserts the records whose ids are not in the collection yet; returns how many. */
	private <T extends Sortable> int insertAbsent(Class<T> type, List<Document> documents) {
		List<T> records = documents.stream().map(doc -> read(type, doc)).toList();
		Set<String> existing = new HashSet<>(this.mongo.findDistinct(
				new Query(Criteria.where("_id").in(records.stream().map(Sortable::id).toList())), "_id", type,
				String.class));
		List<T> absent = records.stream().filter(record -> !existing.contains(record.id())).toList();
		this.mongo.insertAll(absent);
		return absent.size();
	}

	private <T> T read(Class<T> type, Document json) {
		Document doc = new Document(json);
		doc.put("_id", doc.remove("id"));
		doc.put("revision", 1L);
		return this.mongo.getConverter().read(type, doc);
	}

	/**
	 * Every ISO 3166-1 country the Java runtime knows, unless the story already describes
	 * it.
	 */
	private static List<Document> withIsoCountries(List<Document> storyParties) {
		Set<String> described = new HashSet<>();
		storyParties.forEach(party -> described.add(party.getString("code")));
		List<Document> all = new ArrayList<>(storyParties);
		for (String code : Locale.getISOCountries()) {
			if (!described.contains(code)) {
				all.add(new Document("id", code.toLowerCase(Locale.ROOT)).append("code", code)
					.append("name", new Locale("", code).getDisplayCountry(Locale.ENGLISH))
					.append("kind", PartyKind.COUNTRY.name())
					.append("citations", List.of(new Document("sourceId", ISO_SOURCE))));
			}
		}
		return all;
	}

}
