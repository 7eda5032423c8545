package org.sanctionsgraph.write;

import java.util.List;

import org.sanctionsgraph.graphql.BadArgumentException;
import org.sanctionsgraph.graphql.GlobalId;
import org.sanctionsgraph.graphql.UserError;
import org.sanctionsgraph.graphql.UserErrorCode;
import org.sanctionsgraph.model.Citation;
import org.sanctionsgraph.paging.Sortable;
import org.sanctionsgraph.records.RecordType;
import org.sanctionsgraph.records.RecordTypes;
import org.sanctionsgraph.write.Checks.CitationInput;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.stereotype.Controller;

/** Adding a source to any record whose kind can be cited. */
@Controller
class CitationMutations {

	record AddCitationInput(String record, int revision, CitationInput citation, String idempotencyKey) {
	}

	private final Writes writes;

	private final RecordTypes types;

	CitationMutations(Writes writes, RecordTypes types) {
		this.writes = writes;
		this.types = types;
	}

	@MutationMapping
	Payload<? extends Sortable> addCitation(@Argument AddCitationInput input) {
		RecordType<?> type;
		try {
			type = this.types.named(GlobalId.decode("input.record", input.record()).type());
		}
		catch (BadArgumentException ex) {
			type = null;
		}
		if (type == null || !type.citable()) {
			String citable = String.join(", ",
					this.types.all().stream().filter(RecordType::citable).map(RecordType::name).toList());
			return this.writes.reject(List.of(UserError.of("input.record", UserErrorCode.INVALID,
					"must be the id of a record that can be cited (" + citable + ")")));
		}
		return add(type, input);
	}

	private <T extends Sortable> Payload<T> add(RecordType<T> type, AddCitationInput input) {
		return this.writes.amend(new Writes.Spec<>(type.documentClass(), "addCitation"), input, "input.record",
				input.record(), input.revision(), input.idempotencyKey(), "input", checks -> {
					Citation citation = checks.citation("citation", input.citation());
					return record -> type.withCitation(record, citation);
				});
	}

}
