package org.sanctionsgraph.records;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.sanctionsgraph.graphql.BadArgumentException;
import org.sanctionsgraph.graphql.GlobalId;
import org.sanctionsgraph.paging.Pager;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/** {@code node(id:)} and {@code nodes(ids:)}: any record by its global id. */
@Controller
class NodeController {

	static final int MAX_IDS = 100;

	private final RecordTypes types;

	private final Pager pager;

	NodeController(RecordTypes types, Pager pager) {
		this.types = types;
		this.pager = pager;
	}

	@QueryMapping
	Object node(@Argument String id) {
		GlobalId global = this.types.decode("id", id);
		return this.pager.byId(this.types.named(global.type()).documentClass(), global.key());
	}

	/** One query per record type asked for, whatever the number of ids. */
	@QueryMapping
	List<Object> nodes(@Argument List<String> ids) {
		if (ids.size() > MAX_IDS) {
			throw new BadArgumentException("ids", "at most " + MAX_IDS + " ids, got " + ids.size());
		}
		List<GlobalId> globals = new ArrayList<>();
		for (int i = 0; i < ids.size(); i++) {
			globals.add(this.types.decode("ids[" + i + "]", ids.get(i)));
		}
		Map<String, Map<String, ?>> found = new LinkedHashMap<>();
		globals.stream()
			.collect(Collectors.groupingBy(GlobalId::type, Collectors.mapping(GlobalId::key, Collectors.toList())))
			.forEach((type, keys) -> found.put(type, this.pager.byIds(this.types.named(type).documentClass(), keys)));
		List<Object> result = new ArrayList<>();
		globals.forEach(global -> result.add(found.get(global.type()).get(global.key())));
		return result;
	}

}
