package org.sanctionsgraph.webhook;

import java.util.LinkedHashMap;
import java.util.Map;

import org.sanctionsgraph.feed.FeedEntry;
import org.sanctionsgraph.graphql.GlobalId;
import org.sanctionsgraph.measure.Measure;
import org.sanctionsgraph.measure.Target;
import org.sanctionsgraph.model.FuzzyDate;
import org.sanctionsgraph.security.ActorVisibility;
import tools.jackson.databind.json.JsonMapper;

/**
 * A delivery's body: the change as the GraphQL {@code MeasureChange} shows it (cursor,
 * operation, time, actor, measure), with the measure's scalar fields and its references
 * as objects holding the global id, as a query selecting {@code id} on them would answer.
 * The actor is shown as to an anonymous reader (only how the author signed in): the
 * receiver is a third party, not an ANALYST.
 */
final class WebhookPayload {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private WebhookPayload() {
	}

	static byte[] of(FeedEntry entry) {
		Map<String, Object> change = new LinkedHashMap<>();
		change.put("cursor", entry.cursor());
		change.put("operation", entry.operation().name());
		change.put("at", entry.at() == null ? null : entry.at().toString());
		change.put("actor", ActorVisibility.shown(entry.actor(), null));
		change.put("measure", measure(entry.measure()));
		return JSON.writeValueAsBytes(change);
	}

	private static Map<String, Object> measure(Measure measure) {
		Map<String, Object> fields = new LinkedHashMap<>();
		fields.put("id", GlobalId.encode("Measure", measure.id()));
		fields.put("revision", measure.revision());
		fields.put("kind", measure.kind() == null ? null : measure.kind().name());
		fields.put("title", measure.title());
		fields.put("description", measure.description());
		fields.put("measureTypes", measure.measureTypes().stream().map(Enum::name).toList());
		fields.put("imposers", measure.imposerIds().stream().map(id -> ref("Party", id)).toList());
		fields.put("targets", measure.targets().stream().map(WebhookPayload::target).toList());
		fields.put("program", measure.programId() == null ? null : ref("Program", measure.programId()));
		fields.put("legalBasis", measure.legalBasis());
		fields.put("reason", measure.reason());
		fields.put("announced", date(measure.announced()));
		fields.put("listed", date(measure.listed()));
		fields.put("inForce", date(measure.inForce()));
		fields.put("ended", date(measure.ended()));
		fields.put("endReason", measure.endReason());
		return fields;
	}

	private static Map<String, Object> target(Target target) {
		Map<String, Object> fields = new LinkedHashMap<>();
		fields.put("kind", target.kind() == null ? null : target.kind().name());
		fields.put("party", target.partyId() == null ? null : ref("Party", target.partyId()));
		fields.put("person", target.personId() == null ? null : ref("Person", target.personId()));
		fields.put("organization",
				target.organizationId() == null ? null : ref("Organization", target.organizationId()));
		fields.put("description", target.description());
		return fields;
	}

	private static Map<String, Object> ref(String type, String id) {
		return Map.of("id", GlobalId.encode(type, id));
	}

	private static String date(FuzzyDate date) {
		return date == null ? null : date.value();
	}

}
