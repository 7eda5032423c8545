package org.sanctionsgraph.party;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import org.sanctionsgraph.graphql.BadArgumentException;

import org.springframework.stereotype.Component;

/** Turns party codes sent by clients into party ids, refusing codes no party has. */
@Component
public class PartyCodes {

	private static final Pattern SHAPE = Pattern.compile("[A-Z]{2,12}");

	private final PartyDirectory directory;

	PartyCodes(PartyDirectory directory) {
		this.directory = directory;
	}

	/** The party with a code, or a BAD_REQUEST error naming the argument when there is none. */
	public Party find(String argument, String code) {
		String normalized = normalize(argument, code);
		Party party = this.directory.byCodes(List.of(normalized)).get(normalized);
		if (party == null) {
			throw unknown(argument, normalized);
		}
		return party;
	}

	/** The ids of the parties with these codes, in one query; any unknown code is an error. */
	public List<String> ids(String argument, Collection<String> codes) {
		Map<String, String> wanted = new LinkedHashMap<>();
		codes.forEach(code -> wanted.put(normalize(argument, code), null));
		this.directory.byCodes(wanted.keySet()).values().forEach(party -> wanted.put(party.code(), party.id()));
		wanted.forEach((code, id) -> {
			if (id == null) {
				throw unknown(argument, code);
			}
		});
		return List.copyOf(wanted.values());
	}

	private static String normalize(String argument, String code) {
		String upper = code == null ? "" : code.trim().toUpperCase(Locale.ROOT);
		if (!SHAPE.matcher(upper).matches()) {
			throw new BadArgumentException(argument,
					"'" + code + "' is not a party code (ISO 3166-1 alpha-2 such as BY, or a bloc code such as EU)");
		}
		return upper;
	}

	private static BadArgumentException unknown(String argument, String code) {
		return new BadArgumentException(argument,
				"unknown party code '" + code + "' (expected an ISO 3166-1 alpha-2 code such as BY, or a bloc code such as EU)");
	}

}
