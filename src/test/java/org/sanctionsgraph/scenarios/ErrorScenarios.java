package org.sanctionsgraph.scenarios;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sanctionsgraph.scenarios.SeedExpectations.gid;

import org.bson.Document;
import org.junit.jupiter.api.Test;

import org.springframework.graphql.execution.ErrorType;

/** Errors: unknown ids, bad arguments naming the argument, and opaque internal errors. */
public abstract class ErrorScenarios extends Scenario {

	@Test
	void unknownIdsGiveNull() {
		this.graphQl
			.document("{ node(id: \"%s\") { id } measure(id: \"%s\") { id } }".formatted(gid("Party", "nowhere"),
					gid("Measure", "nothing")))
			.execute()
			.path("node")
			.valueIsNull()
			.path("measure")
			.valueIsNull();
	}

	@Test
	void badArgumentsAreBadRequestsNamingTheArgument() {
		assertBadRequest("{ node(id: \"not-an-id\") { id } }", "'id'");
		assertBadRequest("{ measure(id: \"%s\") { id } }".formatted(gid("Party", "by")), "'id'");
		assertBadRequest("{ party(code: \"ZZ\") { name } }", "'code'");
		assertBadRequest("{ party(code: \"Belarus!\") { name } }", "'code'");
		assertBadRequest("{ parties(first: 1000) { totalCount } }", "'first'");
		assertBadRequest("{ parties(last: -1) { totalCount } }", "'last'");
		assertBadRequest("{ parties(after: \"garbage\") { totalCount } }", "'after'");
		assertBadRequest("{ measures(filter: { imposedBy: [\"XX\"] }) { totalCount } }", "'filter.imposedBy'");
		assertBadRequest("{ measures(filter: { inForceOn: \"2021-02-30\" }) { totalCount } }", "inForceOn");
		assertBadRequest("{ measures(filter: { inForceOn: \"1 July 2021\" }) { totalCount } }", "inForceOn");
		assertBadRequest("{ measures(filter: { measureTypes: [NOT_A_TYPE] }) { totalCount } }", "measureTypes");
		this.graphQl.document("query($d: Date) { measures(filter: { inForceOn: $d }) { totalCount } }")
			.variable("d", "2021-13-01")
			.execute()
			.errors()
			.satisfy(errors -> assertThat(errors).singleElement().satisfies(error -> {
				assertThat(error.getErrorType()).isEqualTo(ErrorType.BAD_REQUEST);
				assertThat(error.getMessage()).contains("'d'").contains("2021-13-01");
			}));
	}

	@Test
	void internalErrorsAreOpaque() {
		this.mongo.getCollection("measures")
			.insertOne(new Document("_id", "corrupt").append("kind", "SANCTION")
				.append("title", "broken")
				.append("announced", "secret-detail-2021-99"));
		try {
			this.graphQl.document("{ measure(id: \"%s\") { title } }".formatted(gid("Measure", "corrupt")))
				.execute()
				.errors()
				.satisfy(errors -> assertThat(errors).singleElement().satisfies(error -> {
					assertThat(error.getErrorType()).isEqualTo(ErrorType.INTERNAL_ERROR);
					assertThat(error.getMessage()).doesNotContain("secret")
						.doesNotContain("Exception")
						.doesNotContain("org.");
				}));
		}
		finally {
			this.mongo.getCollection("measures").deleteOne(new Document("_id", "corrupt"));
		}
	}

}
