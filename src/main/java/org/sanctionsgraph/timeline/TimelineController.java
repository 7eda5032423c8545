package org.sanctionsgraph.timeline;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.sanctionsgraph.event.Event;
import org.sanctionsgraph.graphql.BadArgumentException;
import org.sanctionsgraph.graphql.GlobalId;
import org.sanctionsgraph.measure.Measure;
import org.sanctionsgraph.model.FuzzyDate;
import org.sanctionsgraph.paging.Connection;
import org.sanctionsgraph.paging.OffsetCursor;
import org.sanctionsgraph.paging.PageArgs;
import org.sanctionsgraph.paging.Pager;
import org.sanctionsgraph.paging.Sortable;
import org.sanctionsgraph.party.PartyCodes;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

/**
 * Time-ordered views of the graph: a timeline of events, sanctions and countermeasures
 * involving some parties, and the escalation chain around one measure.
 */
@Controller
class TimelineController {

	static final int MAX_DEPTH = 10;

	private final MongoTemplate mongo;

	private final PartyCodes codes;

	private final Pager pager;

	TimelineController(MongoTemplate mongo, PartyCodes codes, Pager pager) {
		this.mongo = mongo;
		this.codes = codes;
		this.pager = pager;
	}

	@QueryMapping
	Connection<TimelineEntry> timeline(@Argument List<String> parties, @Argument LocalDate from, @Argument LocalDate to,
			@Argument Integer first, @Argument String after) {
		if (parties.isEmpty() || parties.size() > 10) {
			throw new BadArgumentException("parties", "give 1 to 10 party codes");
		}
		if (from != null && to != null && to.isBefore(from)) {
			throw new BadArgumentException("to", "must not be before 'from'");
		}
		List<String> ids = this.codes.ids("parties", parties);
		int size = PageArgs.of(first, null, null, null, null).size();
		int offset = after == null ? 0 : OffsetCursor.decode("after", 't', after);
		Criteria window = window(from, to);
		Criteria events = both(Criteria.where("partyIds").in(ids), window);
		Criteria measures = both(new Criteria().orOperator(Criteria.where("imposerIds").in(ids),
				Criteria.where("targetCountryIds").in(ids)), window);
		int wanted = offset + size + 1;
		Query eventQuery = new Query(events).with(Sort.by("timelineKey", "_id")).limit(wanted);
		Query measureQuery = new Query(measures).with(Sort.by("timelineKey", "_id")).limit(wanted);
		List<TimelineEntry> merged = Stream
			.concat(this.mongo.find(eventQuery, Event.class).stream().map(TimelineController::entry),
					this.mongo.find(measureQuery, Measure.class).stream().map(TimelineController::entry))
			.sorted(Comparator.comparing(TimelineEntry::key)
				.thenComparing(entry -> entry.item() instanceof Event ? 0 : 1)
				.thenComparing(entry -> ((Sortable) entry.item()).id()))
			.toList();
		long total = this.mongo.count(new Query(events), Event.class)
				+ this.mongo.count(new Query(measures), Measure.class);
		return Connection.atOffset(
				merged.subList(Math.min(offset, merged.size()), Math.min(merged.size(), offset + size)), offset, total,
				't');
	}

	@SchemaMapping(typeName = "TimelineEntry")
	FuzzyDate when(TimelineEntry entry) {
		return entry.item() instanceof Event event ? event.date() : ((Measure) entry.item()).start();
	}

	@SchemaMapping(typeName = "TimelineEntry")
	LocalDate date(TimelineEntry entry) {
		FuzzyDate when = when(entry);
		return when == null ? null : when.earliest();
	}

	/**
	 * The measures linked to one measure by "responds to", both ways, breadth first to a
	 * depth, each measure once however the links loop.
	 */
	@QueryMapping
	ResponseChain responseChain(@Argument String measure, @Argument Integer depth) {
		int limit = depth == null ? 5 : depth;
		if (limit < 1 || limit > MAX_DEPTH) {
			throw new BadArgumentException("depth", "must be between 1 and " + MAX_DEPTH + ", got " + limit);
		}
		Measure root = this.pager.byId(Measure.class, GlobalId.decode("measure", measure, "Measure"));
		if (root == null) {
			return null;
		}
		Map<String, ResponseChain.Link> measures = new LinkedHashMap<>();
		measures.put(root.id(), new ResponseChain.Link(root, 0));
		List<Measure> frontier = List.of(root);
		boolean truncated = false;
		for (int distance = 1; !frontier.isEmpty(); distance++) {
			Set<String> answered = new HashSet<>();
			frontier.forEach(m -> answered.addAll(m.respondsToIds()));
			List<String> frontierIds = frontier.stream().map(Measure::id).toList();
			List<Measure> neighbours = new ArrayList<>(this.pager.byIds(Measure.class, answered).values());
			neighbours
				.addAll(this.mongo.find(Query.query(Criteria.where("respondsToIds").in(frontierIds)), Measure.class));
			List<Measure> next = new ArrayList<>();
			for (Measure neighbour : neighbours) {
				if (!measures.containsKey(neighbour.id())) {
					if (distance > limit) {
						truncated = true;
						break;
					}
					measures.put(neighbour.id(), new ResponseChain.Link(neighbour, distance));
					next.add(neighbour);
				}
			}
			frontier = distance > limit ? List.of() : next;
		}
		List<ResponseChain.Answer> answers = new ArrayList<>();
		for (ResponseChain.Link link : measures.values()) {
			for (String answered : link.measure().respondsToIds()) {
				ResponseChain.Link target = measures.get(answered);
				if (target != null) {
					answers.add(new ResponseChain.Answer(link.measure(), target.measure()));
				}
			}
		}
		return new ResponseChain(root, List.copyOf(measures.values()), answers, truncated);
	}

	private static TimelineEntry entry(Event event) {
		return new TimelineEntry(event, event.timelineKey(),
				event.concernsMeasureIds().stream().map(id -> GlobalId.encode("Measure", id)).toList());
	}

	private static TimelineEntry entry(Measure measure) {
		List<String> links = new ArrayList<>();
		measure.triggeringEventIds().forEach(id -> links.add(GlobalId.encode("Event", id)));
		measure.respondsToIds().forEach(id -> links.add(GlobalId.encode("Measure", id)));
		return new TimelineEntry(measure, measure.timelineKey(), links);
	}

	private static Criteria window(LocalDate from, LocalDate to) {
		List<Criteria> bounds = new ArrayList<>();
		if (from != null) {
			bounds.add(Criteria.where("timelineKey").gte(from.toString()));
		}
		if (to != null) {
			bounds.add(Criteria.where("timelineKey").lte(to.toString()));
		}
		return Pager.allOf(bounds);
	}

	private static Criteria both(Criteria first, Criteria second) {
		return second == null ? first : new Criteria().andOperator(first, second);
	}

}
