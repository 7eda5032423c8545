package org.sanctionsgraph.limits;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * No spelling of the GraphQL path slips past the transport's checks: each non-canonical
 * spelling is refused with a clear 400 before any other filter or handler sees it, and
 * every route that does reach GraphQL (POST, GET, batches) has the body and document
 * limits. (TransportRateLimitTests shows the same for the rate limit.)
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "sanctions.limits.max-body-bytes=2000", "sanctions.limits.max-document-chars=100",
				"sanctions.limits.batching=true", "sanctions.limits.anonymous-per-minute=1000000" })
class TransportTests {

	/** Spellings of /graphql that a servlet container or Spring MVC may map to it. */
	static final List<String> SPELLINGS = List.of("/%67raphql", "/graph%71l", "/%2Fgraphql", "//graphql", "/graphql/",
			"/graphql//", "/graphql;a=b", "/graphql;", "/graphql.", "/graphql/.", "/./graphql", "/x/../graphql",
			"/GRAPHQL", "/GraphQL", "/graphql%20", "/graphql%00", "/graphql%2e");

	private static final String QUERY = HttpClients.body("{ __typename }");

	@LocalServerPort
	int port;

	@Test
	void everyNonCanonicalSpellingIsRefusedWith400() throws Exception {
		for (String path : SPELLINGS) {
			for (String method : List.of("POST", "GET")) {
				HttpResponse<String> response = send(method, path, QUERY);
				assertThat(response.statusCode()).as("%s %s", method, path).isEqualTo(400);
				if (!path.contains("%2F") && !path.contains("%00")) {
					// the container refuses these two itself, before any filter
					assertThat(response.body()).as("%s %s", method, path).contains("not in canonical form");
				}
			}
		}
	}

	@Test
	void theCanonicalPathStillAnswers() throws Exception {
		HttpResponse<String> response = send("POST", "/graphql", QUERY);
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).contains("\"__typename\":\"Query\"");
		assertThat(send("GET", HttpClients.query("{ __typename }"), null).statusCode()).isEqualTo(200);
	}

	@Test
	void theBodyLimitHoldsForSinglesBatchesAndEveryPath() throws Exception {
		String big = "{\"query\":\"{ __typename }\",\"extensions\":{\"p\":\"" + "x".repeat(2000) + "\"}}";
		assertThat(send("POST", "/graphql", big).statusCode()).isEqualTo(413);
		assertThat(send("POST", "/graphql", "[" + big + "]").statusCode()).isEqualTo(413);
		// a path that no route answers, and the former batch path, are bounded as well
		assertThat(send("POST", "/graphql/batch", "[" + big + "]").statusCode()).isEqualTo(413);
		assertThat(send("POST", "/elsewhere", big).statusCode()).isEqualTo(413);
		assertThat(send("GET", HttpClients.query("{ __typename }"), big).statusCode()).isEqualTo(413);
	}

	@Test
	void batchesGoThroughTheSameEntryAsSingleOperations() throws Exception {
		HttpResponse<String> batch = send("POST", "/graphql", "[" + QUERY + "," + QUERY + "]");
		assertThat(batch.statusCode()).isEqualTo(200);
		assertThat(batch.body()).startsWith("[").contains("\"__typename\":\"Query\"");
		// there is no separate batch endpoint to reach directly
		assertThat(send("POST", "/graphql/batch", "[" + QUERY + "]").statusCode()).isEqualTo(404);
		HttpResponse<String> badItem = send("POST", "/graphql", "[" + QUERY + ", 3]");
		assertThat(badItem.statusCode()).isEqualTo(400);
		assertThat(badItem.body()).contains("Operation 2 of the batch");
		HttpResponse<String> tooMany = send("POST", "/graphql", "[" + (QUERY + ",").repeat(20) + QUERY + "]");
		assertThat(tooMany.statusCode()).isEqualTo(400);
		assertThat(tooMany.body()).contains("1 to 20 operations, got 21");
	}

	@Test
	void theDocumentLimitsHoldForPostGetAndBatches() throws Exception {
		// 101 characters against a limit of 100
		String document = "{ __typename }" + " ".repeat(101 - 14);
		for (HttpResponse<String> response : List.of(send("POST", "/graphql", HttpClients.body(document)),
				send("GET", HttpClients.query(document), null),
				send("POST", "/graphql", "[" + QUERY + "," + HttpClients.body(document) + "]"))) {
			assertThat(response.body()).contains("The document has 101 characters; the limit is 100");
		}
	}

	private HttpResponse<String> send(String method, String path, String body) throws Exception {
		return HttpClients.request(this.port, method, path, body);
	}

}
