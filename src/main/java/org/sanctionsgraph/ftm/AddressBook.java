package org.sanctionsgraph.ftm;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import org.bson.Document;
import org.sanctionsgraph.model.Address;
import org.sanctionsgraph.model.FtmProperty;
import org.sanctionsgraph.write.Checks;

import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * FtM Address entities, kept by id in a collection of their own as an import reads them
 * (first pass), so that people and organisations anywhere in the file (or in a later
 * file) can take them as their addresses (second pass). Owners hold a copy: an address is
 * read with its owner.
 */
final class AddressBook {

	static final String COLLECTION = "ftmAddresses";

	/** An Address entity and the line it is on. */
	record Numbered(long line, FtmEntity entity) {
	}

	private final MongoTemplate mongo;

	private final Parties parties;

	/** The addresses the last {@link #prefetch} found, by id; absent ones map to null. */
	private final Map<String, Address> prefetched = new HashMap<>();

	AddressBook(MongoTemplate mongo, Parties parties) {
		this.mongo = mongo;
		this.parties = parties;
	}

	/**
	 * Stores a batch of Address entities (distinct ids) in one write, counting each as
	 * new, changed or the same; one that fails validation is rejected.
	 */
	void storeAll(List<Numbered> batch, ImportSummary summary) {
		Map<String, Document> docs = new LinkedHashMap<>();
		for (Numbered pending : batch) {
			try {
				Document doc = new Document();
				this.mongo.getConverter().write(address(pending.entity()), doc);
				doc.remove("_class");
				docs.put(pending.entity().id(), doc.append("_id", pending.entity().id()));
			}
			catch (FtmEntity.Invalid ex) {
				summary.reject(pending.line(), pending.entity().id(), ex.getMessage());
			}
		}
		KeptDocuments.store(collection(), docs, summary);
	}

	private MongoCollection<Document> collection() {
		return this.mongo.getCollection(COLLECTION);
	}

	/**
	 * Reads the addresses with these ids at once, so that {@link #find} answers them
	 * without a read each; forgets what the previous call read. (The import stores every
	 * address before it reads the entities that refer to them.)
	 */
	void prefetch(Collection<String> ids) {
		this.prefetched.clear();
		Set<String> wanted = new HashSet<>(ids);
		wanted.remove(null);
		if (wanted.isEmpty()) {
			return;
		}
		wanted.forEach(id -> this.prefetched.put(id, null));
		collection().find(Filters.in("_id", wanted))
			.forEach(doc -> this.prefetched.put(doc.getString("_id"), address(doc)));
	}

	/**
	 * The addresses with these ids; ids of no stored Address go to {@code unknown}.
	 */
	List<Address> find(List<String> ids, List<String> unknown) {
		List<Address> found = new ArrayList<>();
		for (String id : ids) {
			Address address = this.prefetched.containsKey(id) ? this.prefetched.get(id)
					: address(collection().find(Filters.eq("_id", id)).first());
			if (address == null) {
				unknown.add(id);
			}
			else {
				found.add(address);
			}
		}
		return found;
	}

	private Address address(Document doc) {
		if (doc == null) {
			return null;
		}
		doc.remove("_id");
		return this.mongo.getConverter().read(Address.class, doc);
	}

	private Address address(FtmEntity entity) {
		Unmapped props = new Unmapped(entity);
		String full = props.first("full", Checks.TEXT_MAX);
		String street = props.first("street", Checks.NAME_MAX);
		String city = props.first("city", Checks.NAME_MAX);
		String postalCode = props.first("postalCode", Checks.NAME_MAX);
		String region = props.first("region", Checks.NAME_MAX);
		List<String> unknown = new ArrayList<>();
		List<String> countries = this.parties.ids(props.take("country"), unknown);
		String country = countries.isEmpty() ? null : countries.get(0);
		List<String> more = new ArrayList<>(
				this.parties.codes(countries.subList(Math.min(1, countries.size()), countries.size())));
		more.addAll(unknown);
		props.keep("country", more);
		List<FtmProperty> extra = props.extra();
		if (extra.size() > Address.EXTRA_MAX) {
			throw new FtmEntity.Invalid("an Address keeps at most " + Address.EXTRA_MAX
					+ " properties beyond its fields, got " + extra.size());
		}
		return new Address(entity.id(), full, street, city, postalCode, region, country, extra);
	}

	/** An address as an FtM Address entity ({@code id} when it was not imported). */
	static FtmEntity entity(Address address, String id, Parties parties) {
		return new FtmLine(address.ftmId() != null ? address.ftmId() : id, "Address").put("full", address.full())
			.put("street", address.street())
			.put("city", address.city())
			.put("postalCode", address.postalCode())
			.put("region", address.region())
			.put("country", parties.code(address.countryId()))
			.extra(address.ftmExtra())
			.entity();
	}

	/** The FtM ids of a record's addresses, as its {@code addressEntity} property. */
	static List<String> ids(List<Address> addresses, String ownerId) {
		List<String> ids = new ArrayList<>();
		for (int i = 0; i < addresses.size(); i++) {
			Address address = addresses.get(i);
			ids.add(address.ftmId() != null ? address.ftmId() : ownerId + "-address-" + (i + 1));
		}
		return ids;
	}

	static List<FtmEntity> entities(List<Address> addresses, String ownerId, Parties parties) {
		List<String> ids = ids(addresses, ownerId);
		List<FtmEntity> entities = new ArrayList<>();
		for (int i = 0; i < addresses.size(); i++) {
			entities.add(entity(addresses.get(i), ids.get(i), parties));
		}
		return entities;
	}

}
