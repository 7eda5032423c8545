package org.sanctionsgraph.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

import org.bson.Document;
import org.junit.jupiter.api.Test;

import org.springframework.graphql.ResponseError;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.graphql.test.tester.GraphQlTester;

/**
 * Who may write: anonymous callers, readers, analysts, and API keys stored hashed and
 * revoked.
 */
public abstract class SecurityScenarios extends Scenario {

	@Test
	void anonymousWritesAreUnauthorizedAndChangeNothing() {
		sanction("warm-up", "2022-01-01"); // records this test's parties before the
											// fingerprint
		String before = fingerprint();
		this.graphQl.documentName("recordSanction")
			.variable("fields", sanction("Anonymous attempt", "2022-01-10"))
			.execute()
			.errors()
			.satisfy(errors -> assertThat(errors).singleElement()
				.extracting(ResponseError::getErrorType)
				.isEqualTo(ErrorType.UNAUTHORIZED));
		assertThat(fingerprint()).isEqualTo(before);
	}

	@Test
	void readersAreForbiddenToWriteAndAnalystsToManageKeys() {
		sanction("warm-up", "2022-01-01"); // records this test's parties before the
											// fingerprint
		String before = fingerprint();
		reader().documentName("recordSanction")
			.variable("fields", sanction("Reader attempt", "2022-01-11"))
			.execute()
			.errors()
			.satisfy(errors -> assertThat(errors).singleElement()
				.extracting(ResponseError::getErrorType)
				.isEqualTo(ErrorType.FORBIDDEN));
		analyst().documentName("issueApiKey")
			.variable("name", "sneaky")
			.variable("roles", List.of("ADMIN"))
			.execute()
			.errors()
			.satisfy(errors -> assertThat(errors).singleElement()
				.extracting(ResponseError::getErrorType)
				.isEqualTo(ErrorType.FORBIDDEN));
		assertThat(fingerprint()).isEqualTo(before);
	}

	@Test
	void keysAreStoredHashedAndRevokedKeysStopWorking() throws Exception {
		GraphQlTester.Response issued = admin().documentName("issueApiKey")
			.variable("name", "temporary")
			.variable("roles", List.of("ANALYST"))
			.execute();
		String secret = issued.path("issueApiKey.secret").entity(String.class).get();
		String id = issued.path("issueApiKey.apiKey.id").entity(String.class).get();
		issued.path("issueApiKey.apiKey.createdBy").entity(String.class).isEqualTo("key:bootstrap admin");
		Document stored = raw("apiKeys", id);
		assertThat(stored.toJson()).doesNotContain(secret).doesNotContain(secret.substring(4));
		as(secret).documentName("recordSanction")
			.variable("fields", sanction("Before revocation", "2022-01-12"))
			.execute()
			.path("recordSanction.userErrors")
			.entityList(Object.class)
			.hasSize(0);
		admin().documentName("revokeApiKey")
			.variable("id", id)
			.execute()
			.path("revokeApiKey.apiKey.revokedAt")
			.hasValue();
		HttpResponse<String> refused = post(secret, "{\"query\":\"{ __typename }\"}");
		assertThat(refused.statusCode()).isEqualTo(401);
		assertThat(refused.body()).contains("Unknown or revoked API key");
	}

	private HttpResponse<String> post(String secret, String body) throws IOException, InterruptedException {
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/graphql"))
			.header("Content-Type", "application/json")
			.header("Authorization", "Bearer " + secret)
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build();
		return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
	}

}
