package org.sanctionsgraph.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.graphql.test.tester.GraphQlTester;

/**
 * Name search: other spellings, paging and filters, and records found as soon as they are
 * written.
 */
public abstract class SearchScenarios extends Scenario {

	@Test
	void searchFindsAPersonUnderAnotherSpellingAndSaysWhy() {
		this.graphQl.documentName("search")
			.variable("query", "Лукашенко")
			.execute()
			.path("search.edges[0].node.record.__typename")
			.entity(String.class)
			.isEqualTo("Person")
			.path("search.edges[0].node.record.name")
			.entity(String.class)
			.isEqualTo("Alyaksandr Lukashenka")
			.path("search.edges[0].node.matchedName")
			.entity(String.class)
			.isEqualTo("Александр Лукашенко")
			.path("search.edges[0].node.reason")
			.entity(String.class)
			.isEqualTo("ALIAS");
	}

	@Test
	void searchPagesAndFilters() {
		GraphQlTester.Response first = this.graphQl.documentName("search")
			.variable("query", "Belarus")
			.variable("first", 1)
			.execute();
		int total = first.path("search.totalCount").entity(Integer.class).get();
		assertThat(total).isGreaterThanOrEqualTo(3);
		first.path("search.pageInfo.hasNextPage").entity(Boolean.class).isEqualTo(true);
		first.path("search.edges[0].node.record.code").entity(String.class).isEqualTo("BY");
		String after = first.path("search.pageInfo.endCursor").entity(String.class).get();
		this.graphQl.documentName("search")
			.variable("query", "Belarus")
			.variable("first", 100)
			.variable("after", after)
			.execute()
			.path("search.edges")
			.entityList(Object.class)
			.hasSize(total - 1)
			.path("search.pageInfo.hasPreviousPage")
			.entity(Boolean.class)
			.isEqualTo(true);
		this.graphQl.documentName("search")
			.variable("query", "Belarus")
			.variable("types", List.of("PROGRAM"))
			.execute()
			.path("search.edges[*].node.record.__typename")
			.entityList(String.class)
			.satisfies(types -> assertThat(types).isNotEmpty().containsOnly("Program"));
		this.graphQl.documentName("search")
			.variable("query", "Sapega")
			.variable("country", "BY")
			.execute()
			.path("search.totalCount")
			.entity(Integer.class)
			.isEqualTo(0);
		assertBadRequest("{ search(query: \"\") { totalCount } }", "'query'");
		assertBadRequest("{ search(query: \"Putin\", after: \"zz\") { totalCount } }", "'after'");
	}

	@Test
	void aRecordedPersonIsFoundBySearchAtOnce() {
		String name = "Zmitser Testovich " + unique();
		String id = analyst().document(
				"""
						mutation($name: String!) { recordPerson(input: { fields: { name: $name, nationalities: ["LT"],
						  aliases: [{ value: "Дзмітрый Тэставіч", lang: "be" }] } }) { person { id } userErrors { message } } }""")
			.variable("name", name)
			.execute()
			.path("recordPerson.person.id")
			.entity(String.class)
			.get();
		this.graphQl.document(
				"{ search(query: \"Тэставіч\", types: [PERSON]) { edges { node { record { ... on Person { id } } } } } }")
			.execute()
			.path("search.edges[*].node.record.id")
			.entityList(String.class)
			.contains(id);
	}

}
