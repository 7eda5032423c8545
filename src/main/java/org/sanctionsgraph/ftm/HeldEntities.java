package org.sanctionsgraph.ftm;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import org.bson.Document;
import org.sanctionsgraph.model.Identifier;
import org.sanctionsgraph.person.Position;

import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * Passport, Identification, Occupancy and Position entities, kept by id in a collection
 * of their own as an import reads them (first pass), with the holder they name, so the
 * people and organisations anywhere in the file (or in a later one) take them as their
 * identifiers and positions when they are written (second pass). Each is kept as its
 * line, so an export gives back what was imported.
 */
final class HeldEntities {

	static final String COLLECTION = "ftmHeld";

	/** What a holder's held entities give it. */
	record Held(List<Identifier> identifiers, List<Position> positions) {

		static final Held NONE = new Held(List.of(), List.of());

	}

	private final MongoTemplate mongo;

	private final Parties parties;

	HeldEntities(MongoTemplate mongo, Parties parties) {
		this.mongo = mongo;
		this.parties = parties;
		collection().createIndex(Indexes.ascending("holder"));
	}

	private MongoCollection<Document> collection() {
		return this.mongo.getCollection(COLLECTION);
	}

	/**
	 * Keeps a batch of held entities (distinct ids), counting each as new, changed or the
	 * same; one that fails its checks is rejected.
	 */
	void storeAll(List<AddressBook.Numbered> batch, ImportSummary summary) {
		Map<String, Document> docs = new LinkedHashMap<>();
		for (AddressBook.Numbered pending : batch) {
			FtmEntity entity = pending.entity();
			try {
				HeldFtm.check(entity);
				docs.put(entity.id(),
						new Document("_id", entity.id()).append("schema", entity.schema())
							.append("holder", HeldFtm.holder(entity))
							.append("line", entity.toJson()));
			}
			catch (FtmEntity.Invalid ex) {
				summary.reject(pending.line(), entity.id(), ex.getMessage());
			}
		}
		KeptDocuments.store(collection(), docs, summary);
	}

	/** What the entities held by each of these FtM ids give it (absent: none). */
	Map<String, Held> forHolders(Collection<String> holders) {
		if (holders.isEmpty()) {
			return Map.of();
		}
		Map<String, List<FtmEntity>> byHolder = new HashMap<>();
		Set<String> posts = new LinkedHashSet<>();
		collection().find(Filters.in("holder", holders)).sort(Sorts.ascending("_id")).forEach(doc -> {
			FtmEntity entity = FtmEntity.parse(doc.getString("line"));
			byHolder.computeIfAbsent(doc.getString("holder"), key -> new ArrayList<>()).add(entity);
			if (entity.schema().equals("Occupancy")) {
				posts.add(HeldFtm.post(entity));
			}
		});
		Map<String, FtmEntity> positions = posts(posts);
		Map<String, Held> held = new HashMap<>();
		byHolder.forEach((holder, entities) -> held.put(holder, held(entities, positions)));
		return held;
	}

	private Held held(List<FtmEntity> entities, Map<String, FtmEntity> posts) {
		List<Identifier> identifiers = new ArrayList<>();
		List<Position> positions = new ArrayList<>();
		for (FtmEntity entity : entities) {
			if (!entity.schema().equals("Occupancy")) {
				identifiers.add(HeldFtm.identifier(entity, this.parties));
			}
			else if (posts.containsKey(HeldFtm.post(entity))) {
				positions.add(HeldFtm.position(entity, posts.get(HeldFtm.post(entity)), this.parties));
			}
		}
		return new Held(identifiers, positions);
	}

	/** The Position entities with these ids. */
	Map<String, FtmEntity> posts(Collection<String> ids) {
		Map<String, FtmEntity> posts = new HashMap<>();
		if (!ids.isEmpty()) {
			collection().find(Filters.and(Filters.in("_id", ids), Filters.eq("schema", "Position")))
				.forEach(doc -> posts.put(doc.getString("_id"), FtmEntity.parse(doc.getString("line"))));
		}
		return posts;
	}

	/** The entities held by one FtM id, by id. */
	List<FtmEntity> of(String holder) {
		List<FtmEntity> entities = new ArrayList<>();
		collection().find(Filters.eq("holder", holder))
			.sort(Sorts.ascending("_id"))
			.forEach(doc -> entities.add(FtmEntity.parse(doc.getString("line"))));
		return entities;
	}

}
