package org.sanctionsgraph.party;

import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.sanctionsgraph.graphql.GlobalId;
import org.sanctionsgraph.write.Checks;
import org.sanctionsgraph.write.Checks.CitationInput;
import org.sanctionsgraph.write.Checks.NameInput;
import org.sanctionsgraph.write.Payload;
import org.sanctionsgraph.write.UserError;
import org.sanctionsgraph.write.UserErrorCode;
import org.sanctionsgraph.write.Writes;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.stereotype.Controller;

/** Recording and amending parties. */
@Controller
class PartyMutations {

	private static final Set<String> ISO_CODES = Set.of(Locale.getISOCountries());

	record PartyFields(String code, String name, PartyKind kind, List<NameInput> aliases, String description,
			List<CitationInput> citations) {
	}

	record RecordInput(PartyFields fields, String idempotencyKey) {
	}

	record AmendInput(String id, int revision, PartyFields fields, String idempotencyKey) {
	}

	private final Writes writes;

	private final MongoTemplate mongo;

	PartyMutations(Writes writes, MongoTemplate mongo) {
		this.writes = writes;
		this.mongo = mongo;
	}

	@MutationMapping
	Payload<Party> recordParty(@Argument RecordInput input) {
		return this.writes.record(spec("recordParty"), input.idempotencyKey(), checks -> validate(checks, input.fields()));
	}

	@MutationMapping
	Payload<Party> amendParty(@Argument AmendInput input) {
		return this.writes.amend(spec("amendParty"), "input.id", input.id(), input.revision(), input.idempotencyKey(),
				"input.fields", checks -> validate(checks, input.fields()));
	}

	private Writes.Spec<Party> spec(String operation) {
		return new Writes.Spec<>("Party", Party.class, operation, this::rules);
	}

	private static void validate(Checks checks, PartyFields fields) {
		if (fields.code() != null) {
			checks.set("code", checks.text("code", fields.code(), 12, false) == null ? null
					: fields.code().strip().toUpperCase(Locale.ROOT));
		}
		if (checks.given("name", fields.name(), true)) {
			checks.set("name", checks.text("name", fields.name(), Checks.NAME_MAX, true));
		}
		if (checks.given("kind", fields.kind(), true)) {
			checks.set("kind", fields.kind());
		}
		checks.describe(fields.aliases(), fields.description(), fields.citations());
	}

	private List<UserError> rules(Party party) {
		String code = party.code();
		if (party.kind() == PartyKind.COUNTRY && (code == null || !ISO_CODES.contains(code))) {
			return List.of(UserError.of("input.fields.code", UserErrorCode.INVALID,
					"a country needs its ISO 3166-1 alpha-2 code, got " + (code == null ? "none" : "'" + code + "'")));
		}
		if (party.kind() == PartyKind.BLOC && (code == null || !code.matches("[A-Z]{2,12}"))) {
			return List.of(UserError.of("input.fields.code", UserErrorCode.INVALID,
					"a bloc needs a code of 2 to 12 capital letters"));
		}
		if (code != null) {
			Party other = this.mongo.findOne(
					Query.query(Criteria.where("code").is(code).and("_id").ne(party.id())), Party.class);
			if (other != null) {
				return List.of(new UserError("input.fields.code", "another party has the code '" + code + "'",
						UserErrorCode.DUPLICATE, GlobalId.encode("Party", other.id()), null));
			}
		}
		return List.of();
	}

}
