package org.sanctionsgraph.ftm;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.sanctionsgraph.party.Party;

import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * FtM country codes and parties, both ways: FtM writes ISO codes in lower case
 * ({@code by}, and {@code eu} or {@code un} for the blocs the store has), the store keeps
 * them in upper case on its parties. Loaded once per import or export (a few hundred
 * parties).
 */
final class Parties {

	private final Map<String, String> idsByCode = new HashMap<>();

	private final Map<String, String> codesById = new HashMap<>();

	private Parties() {
	}

	static Parties load(MongoTemplate mongo) {
		Parties parties = new Parties();
		for (Party party : mongo.findAll(Party.class)) {
			if (party.code() != null) {
				parties.idsByCode.put(party.code(), party.id());
				parties.codesById.put(party.id(), party.code().toLowerCase(Locale.ROOT));
			}
		}
		return parties;
	}

	/**
	 * The ids of the parties with these FtM codes, each once; the codes no party has are
	 * handed to {@code unknown} (kept as extra values).
	 */
	List<String> ids(List<String> codes, List<String> unknown) {
		Set<String> ids = new LinkedHashSet<>();
		for (String code : codes) {
			String id = this.idsByCode.get(code.strip().toUpperCase(Locale.ROOT));
			if (id == null) {
				unknown.add(code);
			}
			else {
				ids.add(id);
			}
		}
		return new ArrayList<>(ids);
	}

	/** The FtM code (lower case) of a party, or null. */
	String code(String partyId) {
		return partyId == null ? null : this.codesById.get(partyId);
	}

	List<String> codes(List<String> partyIds) {
		return partyIds.stream().map(this::code).filter(code -> code != null).toList();
	}

}
