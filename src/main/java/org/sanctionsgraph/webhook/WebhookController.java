package org.sanctionsgraph.webhook;

import java.util.List;

import graphql.schema.DataFetchingFieldSelectionSet;
import org.sanctionsgraph.feed.FeedCursor;
import org.sanctionsgraph.graphql.GlobalId;
import org.sanctionsgraph.graphql.UserError;
import org.sanctionsgraph.measure.MeasureFilter;
import org.sanctionsgraph.paging.Connection;
import org.sanctionsgraph.paging.PageArgs;
import org.sanctionsgraph.paging.SortDirection;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

/** The webhooks' mutations and query (ADMIN only, checked in {@link Webhooks}). */
@Controller
class WebhookController {

	record RegisterInput(String url, MeasureFilter filter) {
	}

	record DeleteInput(String id) {
	}

	record RegisterPayload(Webhook webhook, String secret, List<UserError> userErrors) {
	}

	record DeletePayload(Webhook webhook, List<UserError> userErrors) {
	}

	private final Webhooks webhooks;

	WebhookController(Webhooks webhooks) {
		this.webhooks = webhooks;
	}

	@MutationMapping
	RegisterPayload registerWebhook(@Argument RegisterInput input) {
		Webhooks.Registered registered = this.webhooks.register(input.url(), input.filter());
		return new RegisterPayload(registered.webhook(), registered.secret(), registered.userErrors());
	}

	@MutationMapping
	DeletePayload deleteWebhook(@Argument DeleteInput input) {
		Webhooks.Registered deleted = this.webhooks.delete(input.id());
		return new DeletePayload(deleted.webhook(), deleted.userErrors());
	}

	@QueryMapping
	Connection<Webhook> webhooks(@Argument Integer first, @Argument String after, @Argument Integer last,
			@Argument String before, DataFetchingFieldSelectionSet selection) {
		return this.webhooks.list(PageArgs.of(first, after, last, before, SortDirection.ASC),
				selection.contains("totalCount"));
	}

	@SchemaMapping(typeName = "Webhook", field = "id")
	String id(Webhook webhook) {
		return GlobalId.encode(Webhooks.TYPE, webhook.id());
	}

	@SchemaMapping(typeName = "Webhook", field = "lastCursor")
	String lastCursor(Webhook webhook) {
		return webhook.position() == null ? null : FeedCursor.encode(webhook.position());
	}

}
