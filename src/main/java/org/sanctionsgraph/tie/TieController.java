package org.sanctionsgraph.tie;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.sanctionsgraph.graphql.GlobalId;
import org.sanctionsgraph.organization.Organization;
import org.sanctionsgraph.paging.Pager;
import org.sanctionsgraph.person.Person;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/** Ties by id, and the people and organisations at their ends (batch-loaded). */
@Controller
class TieController {

	private final Pager pager;

	TieController(Pager pager) {
		this.pager = pager;
	}

	@QueryMapping
	Tie tie(@Argument String id) {
		return this.pager.byId(Tie.class, GlobalId.decode("id", id, "Tie"));
	}

	@BatchMapping(typeName = "Tie")
	Map<Tie, Object> from(List<Tie> ties) {
		return ends(ties, Tie::fromId, Tie::fromKind);
	}

	@BatchMapping(typeName = "Tie")
	Map<Tie, Object> to(List<Tie> ties) {
		return ends(ties, Tie::toId, Tie::toKind);
	}

	@BatchMapping(typeName = "TieEdge")
	Map<TieConnection.Link, Object> other(List<TieConnection.Link> links) {
		return ends(links, TieConnection.Link::otherId, TieConnection.Link::otherKind);
	}

	/** The person or organisation at one end of each parent, two reads at most. */
	private <P> Map<P, Object> ends(List<P> parents, Function<P, String> id, Function<P, TieEndKind> kind) {
		Map<String, Person> people = this.pager.byIds(Person.class,
				parents.stream().filter(p -> kind.apply(p) == TieEndKind.PERSON).map(id).distinct().toList());
		Map<String, Organization> organizations = this.pager.byIds(Organization.class,
				parents.stream().filter(p -> kind.apply(p) == TieEndKind.ORGANIZATION).map(id).distinct().toList());
		Map<P, Object> ends = new HashMap<>();
		for (P parent : parents) {
			Object end = kind.apply(parent) == TieEndKind.PERSON ? people.get(id.apply(parent))
					: organizations.get(id.apply(parent));
			if (end != null) {
				ends.put(parent, end);
			}
		}
		return ends;
	}

}
