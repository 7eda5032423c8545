package org.sanctionsgraph.limits;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.graphql.test.autoconfigure.tester.AutoConfigureHttpGraphQlTester;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.test.context.ActiveProfiles;

/**
 * The prod profile, in a context of its own (introspection is switched off for this
 * application's schema only, so other test contexts keep it).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureHttpGraphQlTester
@ActiveProfiles("prod")
class ProdProfileTests {

	@Autowired
	HttpGraphQlTester graphQl;

	@LocalServerPort
	int port;

	@Test
	void introspectionIsOff() {
		this.graphQl.document("{ __schema { types { name } } }")
			.execute()
			.errors()
			.satisfy(errors -> assertThat(errors).singleElement().satisfies(error -> {
				assertThat(error.getMessage()).isEqualTo("Introspection has been disabled for this request");
				assertThat(error.getExtensions()).containsEntry("classification", "IntrospectionDisabled");
			}));
		this.graphQl.document("{ party(code: \"BY\") { name } }")
			.execute()
			.path("party.name")
			.entity(String.class)
			.isEqualTo("Belarus");
	}

	@Test
	void graphiqlIsOff() throws Exception {
		assertThat(HttpClients.get(this.port, "/graphiql").statusCode()).isEqualTo(404);
	}

	@Test
	void unknownFieldsGetNoSuggestions() {
		this.graphQl.document("{ partie(code: \"BY\") { name } }")
			.execute()
			.errors()
			.satisfy(errors -> assertThat(errors).singleElement().satisfies(error -> {
				assertThat(error.getMessage()).contains("partie");
				assertThat(error.getMessage()).doesNotContainIgnoringCase("did you mean").doesNotContain("parties");
			}));
	}

	@Test
	void limitsAreStricter() {
		// depth 11 is allowed by default (15) but not in prod (10)
		this.graphQl.document("""
				{ party(code: "BY") { measuresTargeting { edges { node { responses { edges { node {
				  imposers { memberships { edges { node { id } } } } } } } } } } } }""")
			.execute()
			.errors()
			.satisfy(errors -> assertThat(errors).singleElement()
				.satisfies(error -> assertThat(error.getMessage()).contains("depth").contains("> 10")));
	}

	@Test
	void noCrossOriginCallersByDefault() throws Exception {
		// not even the local front end the default profile lets in: the preflight is
		// answered but
		// grants nothing, so a browser refuses the call
		for (String origin : List.of("http://localhost:3000", "http://localhost:5173")) {
			HttpResponse<String> preflight = HttpClients.send(this.port, "OPTIONS", "/graphql", "Origin", origin,
					"Access-Control-Request-Method", "POST", "Access-Control-Request-Headers", "content-type");
			assertThat(preflight.statusCode()).as(origin).isEqualTo(200);
			assertThat(preflight.body()).as(origin).isEmpty();
			assertThat(preflight.headers().map().keySet()).as(origin)
				.noneMatch(header -> header.toLowerCase(Locale.ROOT).startsWith("access-control-"));
			HttpResponse<String> call = HttpClients.postJson(this.port,
					HttpClients.body("{ party(code: \"BY\") { name } }"), "Origin", origin);
			assertThat(call.statusCode()).as(origin).isEqualTo(200);
			assertThat(call.headers().map().keySet()).as(origin)
				.noneMatch(header -> header.toLowerCase(Locale.ROOT).startsWith("access-control-"));
		}
	}

}
