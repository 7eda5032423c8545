package org.sanctionsgraph.graphql;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.sanctionsgraph.event.Event;
import org.sanctionsgraph.measure.Measure;
import org.sanctionsgraph.organization.Organization;
import org.sanctionsgraph.paging.Pager;
import org.sanctionsgraph.paging.Sortable;
import org.sanctionsgraph.party.Party;
import org.sanctionsgraph.person.Person;
import org.sanctionsgraph.program.Membership;
import org.sanctionsgraph.program.Program;
import org.sanctionsgraph.source.Source;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/** {@code node(id:)} and {@code nodes(ids:)}: any record by its global id. */
@Controller
class NodeController {

	private static final Map<String, Class<? extends Sortable>> CLASSES = Map.of("Party",
			Party.class, "Person", Person.class, "Organization", Organization.class, "Measure", Measure.class, "Event",
			Event.class, "Program", Program.class, "Membership", Membership.class, "Source", Source.class);

	private final Pager pager;

	NodeController(Pager pager) {
		this.pager = pager;
	}

	@QueryMapping
	Object node(@Argument String id) {
		GlobalId global = GlobalId.decode("id", id);
		return this.pager.byIds(CLASSES.get(global.type()), List.of(global.key())).get(global.key());
	}

	/** One query per record type asked for, whatever the number of ids. */
	@QueryMapping
	List<Object> nodes(@Argument List<String> ids) {
		if (ids.size() > 100) {
			throw new BadArgumentException("ids", "at most 100 ids, got " + ids.size());
		}
		List<GlobalId> globals = new ArrayList<>();
		for (int i = 0; i < ids.size(); i++) {
			globals.add(GlobalId.decode("ids[" + i + "]", ids.get(i)));
		}
		Map<String, Map<String, ?>> found = new LinkedHashMap<>();
		globals.stream()
			.collect(Collectors.groupingBy(GlobalId::type, Collectors.mapping(GlobalId::key, Collectors.toList())))
			.forEach((type, keys) -> found.put(type, this.pager.byIds(CLASSES.get(type), keys)));
		List<Object> result = new ArrayList<>();
		globals.forEach(global -> result.add(found.get(global.type()).get(global.key())));
		return result;
	}

}
