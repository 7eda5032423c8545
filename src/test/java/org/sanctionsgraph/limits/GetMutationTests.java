package org.sanctionsgraph.limits;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import org.sanctionsgraph.ApiTest;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Over GET, no mutation runs whatever {@code operationName} says: absent, empty, naming
 * the mutation, or absent from a document of several operations; a query named in the
 * same document still runs.
 */
@ApiTest
class GetMutationTests {

	private static final String MUTATION = "mutation M { __typename }";

	private static final String BOTH = "query Q { __typename } mutation M { __typename }";

	@LocalServerPort
	int port;

	@Test
	void aLoneMutationIsRefusedWhateverItsOperationName() throws Exception {
		refused(MUTATION, null);
		refused(MUTATION, "");
		refused(MUTATION, " ");
		refused(MUTATION, "M");
		refused("mutation { __typename }", null);
		refused("mutation { __typename }", "");
	}

	@Test
	void aDocumentWithAMutationAndNoOperationNameIsRefused() throws Exception {
		refused(BOTH, null);
		refused(BOTH, "");
		refused("mutation M { __typename } query Q { __typename }", "");
	}

	@Test
	void namingTheMutationOfSeveralIsRefused() throws Exception {
		refused(BOTH, "M");
	}

	@Test
	void aQueryRunsEvenBesideAMutation() throws Exception {
		HttpResponse<String> named = get(BOTH, "Q");
		assertThat(named.statusCode()).isEqualTo(200);
		assertThat(named.body()).contains("\"__typename\":\"Query\"");
		HttpResponse<String> alone = get("query Q { __typename }", "");
		assertThat(alone.statusCode()).isEqualTo(200);
		assertThat(alone.body()).contains("\"__typename\":\"Query\"");
	}

	@Test
	void anOperationNameThatIsNotInTheDocumentRunsNothing() throws Exception {
		HttpResponse<String> response = get(BOTH, "Other");
		assertThat(response.body()).doesNotContain("\"data\":{").contains("Other");
	}

	private void refused(String document, String operationName) throws Exception {
		HttpResponse<String> response = get(document, operationName);
		assertThat(response.statusCode()).as("%s / %s", document, operationName).isEqualTo(405);
		assertThat(response.headers().firstValue("Allow")).hasValue("POST");
		assertThat(response.body()).contains("Mutations are only accepted by POST").doesNotContain("\"data\"");
	}

	private HttpResponse<String> get(String document, String operationName) throws Exception {
		String path = HttpClients.query(document);
		if (operationName != null) {
			path += "&operationName=" + URLEncoder.encode(operationName, StandardCharsets.UTF_8);
		}
		return HttpClients.get(this.port, path);
	}

}
