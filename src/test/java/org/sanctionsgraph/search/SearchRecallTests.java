package org.sanctionsgraph.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sanctionsgraph.ApiTest;
import org.sanctionsgraph.model.Name;
import org.sanctionsgraph.model.NameKind;
import org.sanctionsgraph.organization.Organization;
import org.sanctionsgraph.organization.OrganizationKind;
import org.sanctionsgraph.person.Person;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/**
 * Recall of the name search on a labelled set: every spelling class (other romanisations,
 * the original Cyrillic, missing accents, typos, reordered and partial names, legal
 * forms) over the seed story's people and organisations and a set of fictional ones.
 * Fails below 0.95 at 5.
 */
@ApiTest
class SearchRecallTests {

	@Autowired
	MongoTemplate mongo;

	@Autowired
	SearchIndex index;

	/** Query, and the record it must find. */
	static final Map<String, String> LABELLED = new LinkedHashMap<>();

	static {
		for (String q : List.of("Lukashenka", "Lukashenko", "Łukašenka", "Loukachenko", "Лукашэнка", "Лукашенко",
				"Lukaschenko", "Alexander Lukashenko", "Lukashenka Alyaksandr", "Lukashenk", "Lukashemko",
				"Aleksandr Lukašenko", "lukashenka", "LUKASHENKO")) {
			LABELLED.put(q, "Person:lukashenka");
		}
		for (String q : List.of("Putin", "Путин", "Poutine", "Wladimir Putin", "Vladimir Putn", "Putin Vladimir")) {
			LABELLED.put(q, "Person:putin");
		}
		for (String q : List.of("Pratasevich", "Protasevich", "Пратасевіч", "Протасевич", "Protassevitch",
				"Raman Pratasevič", "Pratasevich Raman")) {
			LABELLED.put(q, "Person:pratasevich");
		}
		for (String q : List.of("Sapega", "Sapeha", "Сапега", "Sofia Sapega", "Sofya Sapega")) {
			LABELLED.put(q, "Person:sapega");
		}
		for (String q : List.of("Ryanair", "Ryan air", "Ryanair Ltd")) {
			LABELLED.put(q, "Organization:ryanair");
		}
		for (String q : List.of("Shyrokau", "Shirokov", "Широков", "Sergei Shyrokau", "Sergey Shirokov", "Шырокаў")) {
			LABELLED.put(q, "Person:search-shyrokau");
		}
		for (String q : List.of("Zhukov", "Жуков", "Evgeniy Zhukov", "Yauhen Zhukau", "Zhukau Yauhen")) {
			LABELLED.put(q, "Person:search-zhukau");
		}
		for (String q : List.of("Morozova", "Marozava Tatsiana", "Татьяна Морозова", "Tatyana Morozova", "Marozava")) {
			LABELLED.put(q, "Person:search-marozava");
		}
		for (String q : List.of("Khvostov", "Дмитрий Хвостов", "Dzmitry Khvastou", "Dmitri Chvostov")) {
			LABELLED.put(q, "Person:search-khvastou");
		}
		for (String q : List.of("Palessekali", "Polesiekali JSC", "ОАО Палессекалій", "OAO Palessekali")) {
			LABELLED.put(q, "Organization:search-palessekali");
		}
		for (String q : List.of("Zhodino Steel Works", "Zhodzina Steel", "Жодзінскі сталеліцейны завод")) {
			LABELLED.put(q, "Organization:search-zhodzina");
		}
		for (String q : List.of("Vitebsk Chemical", "Vitsebsk chemical combine", "Vitebsk Chemical Plant OJSC")) {
			LABELLED.put(q, "Organization:search-vitsebsk");
		}
		for (String q : List.of("Gomel Grain Trading", "Homel Grain", "ООО Гомель Зернотрейд", "Gomel Grain LLC")) {
			LABELLED.put(q, "Organization:search-homel");
		}
		for (String q : List.of("Mogilev Tyre Plant", "Mahilou tyre", "Магілёўскі шынны завод")) {
			LABELLED.put(q, "Organization:search-mahilou");
		}
	}

	@BeforeEach
	void fictionalRecords() {
		person("search-shyrokau", "Siarhei Shyrokau", "Sergei Shirokov", "Сяргей Шырокаў", "Сергей Широков");
		person("search-zhukau", "Yauhen Zhukau", "Evgeny Zhukov", "Яўген Жукаў", "Евгений Жуков");
		person("search-marozava", "Tatsiana Marozava", "Tatiana Morozova", "Таццяна Марозава", "Татьяна Морозова");
		person("search-khvastou", "Dzmitry Khvastou", "Dmitry Khvostov", "Дзмітрый Хвастоў", "Дмитрий Хвостов");
		person("search-volkau", "Aliaksei Volkau", "Alexei Volkov", "Аляксей Волкаў", "Алексей Волков");
		organization("search-palessekali", "OAO Palessekali", "ОАО Палессекалій", "JSC Polesiekali");
		organization("search-zhodzina", "Zhodzina Steel Works", "Жодзінскі сталеліцейны завод",
				"Zhodino Steel Works LLC");
		organization("search-vitsebsk", "Vitsebsk Chemical Combine", "Віцебскі хімічны камбінат",
				"Vitebsk Chemical Plant OJSC");
		organization("search-homel", "Homel Grain Trading LLC", "ООО Гомель Зернотрейд", "Gomel Grain Trading");
		organization("search-mahilou", "Mahilou Tyre Plant", "Магілёўскі шынны завод", "Mogilev Tyre Plant JSC");
		this.index.rebuild();
	}

	/**
	 * The fictional records go again: the context, and so the database, is shared with
	 * other tests.
	 */
	@AfterEach
	void removeFictionalRecords() {
		Query fictional = Query.query(Criteria.where("_id").regex("^search-"));
		this.mongo.remove(fictional, Person.class);
		this.mongo.remove(fictional, Organization.class);
		this.index.rebuild();
	}

	@Test
	void recallAtFiveIsAtLeast95Percent() {
		assertThat(LABELLED).hasSizeGreaterThanOrEqualTo(60);
		int atOne = 0;
		int atFive = 0;
		List<String> missed = new ArrayList<>();
		for (Map.Entry<String, String> labelled : LABELLED.entrySet()) {
			List<String> found = this.index.search(labelled.getKey(), null, null, 0, 5)
				.hits()
				.stream()
				.map(hit -> hit.recordType() + ":" + hit.recordId())
				.toList();
			if (!found.isEmpty() && found.get(0).equals(labelled.getValue())) {
				atOne++;
			}
			if (found.contains(labelled.getValue())) {
				atFive++;
			}
			else {
				missed.add(labelled.getKey() + " -> " + found);
			}
		}
		double recallAtOne = (double) atOne / LABELLED.size();
		double recallAtFive = (double) atFive / LABELLED.size();
		System.out.printf("Name search on %d labelled queries: recall@1 %.3f, recall@5 %.3f; missed: %s%n",
				LABELLED.size(), recallAtOne, recallAtFive, missed);
		assertThat(recallAtFive).as("recall@5; missed: %s", missed).isGreaterThanOrEqualTo(0.95);
	}

	@Test
	void eachSpellingClassFindsLukashenkaAndSaysWhy() {
		assertThat(top("Alyaksandr Lukashenka")).isEqualTo(MatchReason.EXACT);
		assertThat(top("Lukashenka Alyaksandr")).isEqualTo(MatchReason.EXACT);
		assertThat(top("lukashenka")).isEqualTo(MatchReason.EXACT);
		assertThat(top("Лукашенко")).isEqualTo(MatchReason.ALIAS);
		assertThat(top("Loukachenko")).isEqualTo(MatchReason.ALIAS);
		assertThat(top("Lukasenka")).isEqualTo(MatchReason.ALIAS); // Łukašenka without
																	// its accents
		assertThat(top("Lukašenko")).isEqualTo(MatchReason.TRANSLITERATION);
		assertThat(top("Lukashemko")).isEqualTo(MatchReason.FUZZY);
		assertThat(top("Lukash")).isEqualTo(MatchReason.FUZZY);
	}

	@Test
	void legalFormsDoNotDecideAMatch() {
		// "JSC" is in both queries and many names; only the distinctive word matters
		List<SearchHit> hits = this.index.search("JSC Mogilev", null, null, 0, 5).hits();
		assertThat(hits).first().extracting(SearchHit::recordId).isEqualTo("search-mahilou");
		assertThat(this.index.search("JSC", null, null, 0, 5).hits()).isEmpty();
	}

	@Test
	void filtersByTypeAndCountry() {
		assertThat(this.index.search("Belarus", List.of(SearchType.PARTY), null, 0, 10).hits())
			.extracting(SearchHit::recordId)
			.containsExactly("by");
		assertThat(this.index.search("Volkov", null, "ru", 0, 10).hits()).isEmpty();
		assertThat(this.index.search("Volkov", null, "by", 0, 10).hits()).extracting(SearchHit::recordId)
			.containsExactly("search-volkau");
	}

	private MatchReason top(String query) {
		List<SearchHit> hits = this.index.search(query, null, null, 0, 1).hits();
		assertThat(hits).as(query).isNotEmpty();
		assertThat(hits.get(0).recordId()).as(query).isEqualTo("lukashenka");
		return hits.get(0).reason();
	}

	private void person(String id, String name, String... aliases) {
		this.mongo.save(new Person(id, name, null, null, names(aliases), null, List.of("by"), List.of(), null,
				List.of(), null, 1));
	}

	private void organization(String id, String name, String... aliases) {
		this.mongo
			.save(new Organization(id, name, OrganizationKind.COMPANY, names(aliases), "by", null, List.of(), null, 1));
	}

	private static List<Name> names(String... aliases) {
		return java.util.Arrays.stream(aliases).map(alias -> new Name(alias, null, NameKind.ALIAS)).toList();
	}

}
