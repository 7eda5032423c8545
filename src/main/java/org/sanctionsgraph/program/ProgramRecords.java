package org.sanctionsgraph.program;

import org.sanctionsgraph.paging.HeldRecords;
import org.sanctionsgraph.records.RecordType;
import org.sanctionsgraph.records.SearchNames;
import org.sanctionsgraph.write.Drafts;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * Programmes (cited, searched by name under their administrators) and memberships (cited)
 * as record kinds, and the programmes most recently read held in memory: a page of
 * measures names a handful of regimes again and again.
 */
@Configuration(proxyBeanMethods = false)
class ProgramRecords {

	static final int MAX_HELD = 10_000;

	static final Drafts<Program, ProgramBuilder> PROGRAMS = new Drafts<>(id -> ProgramBuilder.builder().id(id),
			ProgramBuilder::builder, ProgramBuilder::build);

	static final Drafts<Membership, MembershipBuilder> MEMBERSHIPS = new Drafts<>(
			id -> MembershipBuilder.builder().id(id), MembershipBuilder::builder, MembershipBuilder::build);

	@Bean
	RecordType<Program> programType() {
		return RecordType.of("Program", Program.class, "program")
			.citable(PROGRAMS.appending(ProgramBuilder::citations, ProgramBuilder::citations))
			.searchable(program -> new SearchNames(program.name(), program.aliases(), program.administratorIds()))
			.storedList("aliases", "aliases")
			.storedList("citations", "citations")
			.storedList("administrators", "administratorIds");
	}

	@Bean
	RecordType<Membership> membershipType() {
		return RecordType.of("Membership", Membership.class, "membership")
			.citable(MEMBERSHIPS.appending(MembershipBuilder::citations, MembershipBuilder::citations))
			.storedList("citations", "citations");
	}

	@Bean
	HeldRecords<Program> heldPrograms(MongoTemplate mongo) {
		return new HeldRecords<>(mongo, Program.class, MAX_HELD);
	}

}
