package org.sanctionsgraph.source;

import org.sanctionsgraph.model.FuzzyDate;
import org.sanctionsgraph.write.Checks;
import org.sanctionsgraph.write.Payload;
import org.sanctionsgraph.write.Writes;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.stereotype.Controller;

/** Recording sources. */
@Controller
class SourceMutations {

	record SourceFields(SourceKind kind, String title, String publisher, String published, String url,
			String description) {
	}

	record RecordInput(SourceFields fields, String idempotencyKey) {
	}

	private final Writes writes;

	SourceMutations(Writes writes) {
		this.writes = writes;
	}

	@MutationMapping
	Payload<Source> recordSource(@Argument RecordInput input) {
		SourceFields fields = input.fields();
		return this.writes.record(new Writes.Spec<>(Source.class, "recordSource"), input, input.idempotencyKey(),
				checks -> {
					String title = checks.text("title", fields.title(), Checks.TITLE_MAX, true);
					String publisher = checks.text("publisher", fields.publisher(), Checks.NAME_MAX, false);
					FuzzyDate published = checks.date("published", fields.published(), false);
					String url = checks.url("url", fields.url());
					String description = checks.text("description", fields.description(), Checks.TEXT_MAX, false);
					return SourceRecords.DRAFTS.creating(source -> source.kind(fields.kind())
						.title(title)
						.publisher(publisher)
						.published(published)
						.url(url)
						.description(description));
				});
	}

}
