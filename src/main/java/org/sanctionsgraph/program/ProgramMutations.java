package org.sanctionsgraph.program;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.function.Consumer;

import org.sanctionsgraph.graphql.GlobalId;
import static org.sanctionsgraph.write.Drafts.given;

import org.sanctionsgraph.model.FuzzyDate;
import org.sanctionsgraph.model.Lists;
import org.sanctionsgraph.write.Checks;
import org.sanctionsgraph.write.Checks.CitationInput;
import org.sanctionsgraph.write.Checks.NameInput;
import org.sanctionsgraph.write.Payload;
import org.sanctionsgraph.graphql.UserError;
import org.sanctionsgraph.graphql.UserErrorCode;
import org.sanctionsgraph.write.Writes;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.stereotype.Controller;

/** Recording and amending programmes, and memberships with their status over time. */
@Controller
class ProgramMutations {

	record ProgramFields(String name, ProgramKind kind, List<NameInput> aliases, List<String> administrators,
			String established, String description, List<CitationInput> citations, String code, String authority,
			String url) {
	}

	record RecordInput(ProgramFields fields, String idempotencyKey) {
	}

	record AmendInput(String id, int revision, ProgramFields fields, String idempotencyKey) {
	}

	record RecordMembershipInput(String member, String program, MembershipStatus status, String from, String note,
			List<CitationInput> citations, String idempotencyKey) {
	}

	record ChangeStatusInput(String id, int revision, MembershipStatus status, String from, String note,
			List<CitationInput> citations, String idempotencyKey) {
	}

	private static final Pattern CODE = Pattern.compile("[A-Z0-9]+(-[A-Z0-9]+)*");

	private final Writes writes;

	private final MongoTemplate mongo;

	ProgramMutations(Writes writes, MongoTemplate mongo) {
		this.writes = writes;
		this.mongo = mongo;
	}

	@MutationMapping
	Payload<Program> recordProgram(@Argument RecordInput input) {
		return this.writes.record(new Writes.Spec<>(Program.class, "recordProgram", this::uniqueCode), input,
				input.idempotencyKey(), checks -> ProgramRecords.PROGRAMS.creating(validate(checks, input.fields())));
	}

	@MutationMapping
	Payload<Program> amendProgram(@Argument AmendInput input) {
		return this.writes.amend(new Writes.Spec<>(Program.class, "amendProgram", this::uniqueCode), input, "input.id",
				input.id(), input.revision(), input.idempotencyKey(), "input.fields",
				checks -> ProgramRecords.PROGRAMS.changing(validate(checks, input.fields())));
	}

	@MutationMapping
	Payload<Membership> recordMembership(@Argument RecordMembershipInput input) {
		Writes.Spec<Membership> spec = new Writes.Spec<>(Membership.class, "recordMembership", this::notYetMember);
		return this.writes.record(spec, input, input.idempotencyKey(), checks -> {
			String member = checks.party("member", input.member(), true);
			String program = checks.ref("program", input.program(), "Program", true);
			StatusPeriod period = period(checks, input.status(), input.from(), input.note(), input.citations());
			return ProgramRecords.MEMBERSHIPS
				.creating(membership -> membership.memberId(member).programId(program).history(List.of(period)));
		});
	}

	@MutationMapping
	Payload<Membership> changeMembershipStatus(@Argument ChangeStatusInput input) {
		return this.writes.amend(new Writes.Spec<>(Membership.class, "changeMembershipStatus"), input, "input.id",
				input.id(), input.revision(), input.idempotencyKey(), "input", checks -> {
					StatusPeriod period = period(checks, input.status(), input.from(), input.note(), input.citations());
					return ProgramRecords.MEMBERSHIPS
						.changing(membership -> membership.history(Lists.append(membership.history(), period)));
				});
	}

	private static StatusPeriod period(Checks checks, MembershipStatus status, String from, String note,
			List<CitationInput> citations) {
		return new StatusPeriod(status, checks.date("from", from, true), null,
				checks.text("note", note, Checks.TEXT_MAX, false),
				citations == null ? List.of() : checks.citations("citations", citations));
	}

	/**
	 * Checks the input and returns the change it makes; a field not given stays as it is.
	 */
	private static Consumer<ProgramBuilder> validate(Checks checks, ProgramFields fields) {
		String name = checks.text("name", fields.name(), Checks.NAME_MAX, true);
		checks.given("kind", fields.kind(), true);
		List<String> administrators = checks.parties("administrators", fields.administrators(), false);
		FuzzyDate established = checks.date("established", fields.established(), false);
		Checks.Shared shared = checks.shared(fields.aliases(), fields.description(), fields.citations());
		String code = code(checks, fields.code());
		String authority = checks.party("authority", fields.authority(), false);
		String url = checks.url("url", fields.url());
		return program -> {
			given(name, program::name);
			given(fields.kind(), program::kind);
			given(administrators, program::administratorIds);
			given(established, program::established);
			shared.applyTo(program::aliases, program::description, program::citations);
			given(code, program::code);
			given(authority, program::authorityId);
			given(url, program::url);
		};
	}

	/**
	 * A programme code in capitals: letters, digits and inner hyphens, such as EU-BLR.
	 */
	private static String code(Checks checks, String code) {
		String text = checks.text("code", code, 32, false);
		if (text == null) {
			return null;
		}
		String upper = text.toUpperCase(Locale.ROOT);
		if (!CODE.matcher(upper).matches()) {
			checks.error("code", UserErrorCode.INVALID,
					"'" + code + "' is not a programme code: letters and digits, parts joined by hyphens (EU-BLR)");
			return null;
		}
		return upper;
	}

	/** No other programme has the same code. */
	private List<UserError> uniqueCode(Program program) {
		if (program.code() == null) {
			return List.of();
		}
		Program existing = this.mongo
			.findOne(Query.query(Criteria.where("code").is(program.code()).and("_id").ne(program.id())), Program.class);
		if (existing == null) {
			return List.of();
		}
		return List.of(new UserError("input.fields.code", "another programme has the code " + program.code(),
				UserErrorCode.DUPLICATE, GlobalId.encode("Program", existing.id()), null));
	}

	private List<UserError> notYetMember(Membership membership) {
		Membership existing = this.mongo.findOne(Query.query(Criteria.where("memberId")
			.is(membership.memberId())
			.and("programId")
			.is(membership.programId())
			.and("_id")
			.ne(membership.id())), Membership.class);
		if (existing == null) {
			return List.of();
		}
		return List.of(new UserError("input.member", "this party's membership of the programme is already recorded",
				UserErrorCode.DUPLICATE, GlobalId.encode("Membership", existing.id()), null));
	}

}
