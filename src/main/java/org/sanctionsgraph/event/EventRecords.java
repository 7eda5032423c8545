package org.sanctionsgraph.event;

import org.sanctionsgraph.model.Lists;
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
			.citable((event, citation) -> DRAFTS.changing(e -> e.citations(Lists.append(e.citations(), citation)))
				.apply(event));
	}

}
