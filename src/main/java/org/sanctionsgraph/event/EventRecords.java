package org.sanctionsgraph.event;

import org.sanctionsgraph.records.RecordType;
import org.sanctionsgraph.write.Drafts;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Events as a record kind: cited, not searched by name. */
@Configuration(proxyBeanMethods = false)
class EventRecords {

	static final Drafts<Event, EventBuilder> DRAFTS = new Drafts<>(id -> EventBuilder.builder().id(id),
			EventBuilder::builder, EventBuilder::build);

	@Bean
	RecordType<Event> eventType() {
		return RecordType.of("Event", Event.class, "event")
			.citable(DRAFTS.appending(EventBuilder::citations, EventBuilder::citations))
			.storedList("citations", "citations")
			.storedList("parties", "partyIds")
			.storedList("people", "personIds")
			.storedList("organizations", "organizationIds")
			.storedList("concerns", "concernsMeasureIds");
	}

}
