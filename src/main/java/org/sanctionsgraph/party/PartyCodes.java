package org.sanctionsgraph.party;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.sanctionsgraph.graphql.BadArgumentException;
import org.sanctionsgraph.paging.HeldRecords;
import org.sanctionsgraph.write.PartyResolver;

import org.springframework.stereotype.Component;

/** Turns party codes sent by clients into parties, refusing codes no party has. */
@Component
public class PartyCodes implements PartyResolver {

	private final HeldRecords<Party> parties;

	PartyCodes(HeldRecords<Party> parties) {
		this.parties = parties;
	}

	/**
	 * The party with a code, or a BAD_REQUEST error naming the argument when there is
	 * none.
	 */
	public Party find(String argument, String code) {
		String normalized = normalize(argument, code);
		Party party = this.parties.byKeys(List.of(normalized)).get(normalized);
		if (party == null) {
			throw unknown(argument, normalized);
		}
		return party;
	}

	/**
	 * The ids of the parties with these codes, in one query; any unknown code is an
	 * error.
	 */
	public List<String> ids(String argument, Collection<String> codes) {
		Map<String, String> wanted = new LinkedHashMap<>();
		codes.forEach(code -> wanted.put(normalize(argument, code), null));
		this.parties.byKeys(wanted.keySet()).values().forEach(party -> wanted.put(party.code(), party.id()));
		wanted.forEach((code, id) -> {
			if (id == null) {
				throw unknown(argument, code);
			}
		});
		return List.copyOf(wanted.values());
	}

	@Override
	public Map<String, String> idsByCode(Collection<String> codes) {
		Map<String, String> ids = new LinkedHashMap<>();
		this.parties.byKeys(codes).forEach((code, party) -> ids.put(code, party.id()));
		return ids;
	}

	private static String normalize(String argument, String code) {
		String upper = code == null ? "" : code.trim().toUpperCase(Locale.ROOT);
		if (!CODE.matcher(upper).matches()) {
			throw new BadArgumentException(argument,
					"'" + code + "' is not a party code (ISO 3166-1 alpha-2 such as BY, or a bloc code such as EU)");
		}
		return upper;
	}

	private static BadArgumentException unknown(String argument, String code) {
		return new BadArgumentException(argument, "unknown party code '" + code
				+ "' (expected an ISO 3166-1 alpha-2 code such as BY, or a bloc code such as EU)");
	}

}
