package org.sanctionsgraph.party;

import java.util.Arrays;
import java.util.List;

import org.sanctionsgraph.paging.HeldRecords;
import org.sanctionsgraph.records.RecordType;
import org.sanctionsgraph.records.SearchNames;
import org.sanctionsgraph.write.Drafts;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * Parties as a record kind (a Country, a Bloc or a Group by their kind, under the
 * global-id name Party so ids stay valid; cited, searched by name) and the parties held
 * in memory.
 */
@Configuration(proxyBeanMethods = false)
class PartyRecords {

	/**
	 * A few hundred countries and blocs that nearly every answer names (imposers,
	 * targets, nationalities): reading them from the database for each request would be
	 * most of its round trips.
	 */
	static final int MAX_HELD = 20_000;

	static final Drafts<Party, PartyBuilder> DRAFTS = new Drafts<>(id -> PartyBuilder.builder().id(id),
			PartyBuilder::builder, PartyBuilder::build);

	@Bean
	RecordType<Party> partyType() {
		return RecordType.of("Party", Party.class, "party")
			.servedBy(Arrays.stream(PartyKind.values()).map(PartyKind::typeName).toList(),
					party -> party.kind().typeName())
			.citable(DRAFTS.appending(PartyBuilder::citations, PartyBuilder::citations))
			.searchable(party -> new SearchNames(party.name(), party.aliases(), List.of(party.id())))
			.storedList("aliases", "aliases")
			.storedList("citations", "citations");
	}

	@Bean
	HeldRecords<Party> heldParties(MongoTemplate mongo) {
		return new HeldRecords<>(mongo, Party.class, MAX_HELD, "code", Party::code);
	}

}
