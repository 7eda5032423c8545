package org.sanctionsgraph.party;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Consumer;

import org.sanctionsgraph.graphql.GlobalId;
import static org.sanctionsgraph.write.Drafts.given;

import org.sanctionsgraph.write.Checks;
import org.sanctionsgraph.write.Checks.CitationInput;
import org.sanctionsgraph.write.Checks.NameInput;
import org.sanctionsgraph.graphql.UserError;
import org.sanctionsgraph.graphql.UserErrorCode;
import org.sanctionsgraph.write.PartyResolver;
import org.sanctionsgraph.write.Payload;
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
		return this.writes.record(spec("recordParty"), input, input.idempotencyKey(),
				checks -> PartyRecords.DRAFTS.creating(validate(checks, input.fields())));
	}

	@MutationMapping
	Payload<Party> amendParty(@Argument AmendInput input) {
		return this.writes.amend(spec("amendParty"), input, "input.id", input.id(), input.revision(),
				input.idempotencyKey(), "input.fields",
				checks -> PartyRecords.DRAFTS.changing(validate(checks, input.fields())));
	}

	private Writes.Spec<Party> spec(String operation) {
		return new Writes.Spec<>(Party.class, operation, this::rules);
	}

	/**
	 * Checks the input and returns the change it makes; a field not given stays as it is.
	 */
	private static Consumer<PartyBuilder> validate(Checks checks, PartyFields fields) {
		String code = fields.code() == null || checks.text("code", fields.code(), 12, false) == null ? null
				: fields.code().strip().toUpperCase(Locale.ROOT);
		String name = checks.text("name", fields.name(), Checks.NAME_MAX, true);
		checks.given("kind", fields.kind(), true);
		Checks.Shared shared = checks.shared(fields.aliases(), fields.description(), fields.citations());
		return party -> {
			given(code, party::code);
			given(name, party::name);
			given(fields.kind(), party::kind);
			shared.applyTo(party::aliases, party::description, party::citations);
		};
	}

	private List<UserError> rules(Party party) {
		String code = party.code();
		if (party.kind() == PartyKind.COUNTRY && (code == null || !ISO_CODES.contains(code))) {
			return List.of(UserError.of("input.fields.code", UserErrorCode.INVALID,
					"a country needs its ISO 3166-1 alpha-2 code, got " + (code == null ? "none" : "'" + code + "'")));
		}
		if (party.kind() == PartyKind.BLOC && (code == null || !PartyResolver.CODE.matcher(code).matches())) {
			return List.of(UserError.of("input.fields.code", UserErrorCode.INVALID,
					"a bloc needs a code of 2 to 12 capital letters"));
		}
		if (code != null) {
			Party other = this.mongo.findOne(Query.query(Criteria.where("code").is(code).and("_id").ne(party.id())),
					Party.class);
			if (other != null) {
				return List.of(new UserError("input.fields.code", "another party has the code '" + code + "'",
						UserErrorCode.DUPLICATE, GlobalId.encode("Party", other.id()), null));
			}
		}
		return List.of();
	}

}
