package org.sanctionsgraph.webhook;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;

/**
 * Decides where a webhook may point: an absolute http or https URL, without user name or
 * password, whose host is on {@code sanctions.webhooks.allowed-hosts}. The host is
 * compared as written, not as resolved, so the allow-list names exactly the receivers an
 * operator trusts; redirects are never followed (see {@link WebhookSender}), so a
 * receiver cannot send a delivery on to a host that is not listed.
 */
@Component
class WebhookTargets {

	static final int MAX_LENGTH = 2000;

	private final Set<String> allowed;

	WebhookTargets(WebhookProperties properties) {
		this.allowed = properties.allowedHosts()
			.stream()
			.map(host -> host.strip().toLowerCase(Locale.ROOT))
			.filter(host -> !host.isEmpty())
			.collect(Collectors.toUnmodifiableSet());
	}

	/** Why {@code url} may not be a webhook's target, or null when it may. */
	String refusal(String url) {
		if (url == null || url.isBlank()) {
			return "is required";
		}
		if (url.length() > MAX_LENGTH) {
			return "must be at most " + MAX_LENGTH + " characters";
		}
		URI uri;
		try {
			uri = new URI(url.strip());
		}
		catch (URISyntaxException ex) {
			return "is not a valid URL";
		}
		String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
		if (!scheme.equals("http") && !scheme.equals("https")) {
			return "must be an http or https URL";
		}
		if (uri.getRawUserInfo() != null) {
			return "must not contain a user name or password";
		}
		if (uri.getHost() == null) {
			return "must name a host";
		}
		if (uri.getRawFragment() != null) {
			return "must not have a fragment";
		}
		String host = uri.getHost().toLowerCase(Locale.ROOT);
		if (!this.allowed.contains(host)) {
			return this.allowed.isEmpty()
					? "names a host that is not allowed: no webhook host is allowed (sanctions.webhooks.allowed-hosts is empty)"
					: "names a host that is not allowed (sanctions.webhooks.allowed-hosts)";
		}
		return null;
	}

}
