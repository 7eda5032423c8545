package org.sanctionsgraph.write;

import java.util.List;
import java.util.Map;

import org.sanctionsgraph.event.Event;
import org.sanctionsgraph.graphql.BadArgumentException;
import org.sanctionsgraph.graphql.GlobalId;
import org.sanctionsgraph.measure.Measure;
import org.sanctionsgraph.organization.Organization;
import org.sanctionsgraph.paging.Sortable;
import org.sanctionsgraph.party.Party;
import org.sanctionsgraph.person.Person;
import org.sanctionsgraph.program.Membership;
import org.sanctionsgraph.program.Program;
import org.sanctionsgraph.write.Checks.CitationInput;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.stereotype.Controller;

/** Adding a source to any record that carries citations. */
@Controller
class CitationMutations {

	private static final Map<String, Class<? extends Sortable>> CITABLE = Map.of("Party", Party.class, "Person",
			Person.class, "Organization", Organization.class, "Measure", Measure.class, "Event", Event.class, "Program",
			Program.class, "Membership", Membership.class);

	record AddCitationInput(String record, int revision, CitationInput citation, String idempotencyKey) {
	}

	private final Writes writes;

	CitationMutations(Writes writes) {
		this.writes = writes;
	}

	@MutationMapping
	Payload<? extends Sortable> addCitation(@Argument AddCitationInput input) {
		String type;
		try {
			type = GlobalId.decode("input.record", input.record()).type();
		}
		catch (BadArgumentException ex) {
			type = null;
		}
		if (type == null || !CITABLE.containsKey(type)) {
			return this.writes.reject(List.of(UserError.of("input.record", UserErrorCode.INVALID,
					"must be the id of a party, person, organisation, measure, event, programme or membership")));
		}
		return add(type, CITABLE.get(type), input);
	}

	private <T extends Sortable> Payload<T> add(String type, Class<T> storedAs, AddCitationInput input) {
		return this.writes.amend(new Writes.Spec<>(type, storedAs, "addCitation"), "input.record", input.record(), input.revision(),
				input.idempotencyKey(), "input", checks -> checks.append("citations",
						checks.citation("citation", input.citation())));
	}

}
