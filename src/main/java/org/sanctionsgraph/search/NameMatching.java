package org.sanctionsgraph.search;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.FuzzyQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;

/**
 * How a name search matches: the Lucene query for the analysed words, and why a name
 * matched.
 */
final class NameMatching {

	/** The indexed name field, analysed. */
	static final String NAME = "name";

	/** The record kind of an indexed name. */
	static final String TYPE = "type";

	/** The parties (by id) a search filtered by country finds a name under. */
	static final String COUNTRY = "country";

	private NameMatching() {
	}

	/**
	 * EXACT or ALIAS when every word of the query is a word of the name as written
	 * (ignoring case and accents); TRANSLITERATION when that holds only once both are
	 * romanised the same way; FUZZY otherwise (a typo, or part of a word).
	 */
	static MatchReason reason(NameAnalyzer analyzer, List<String> queryWords, Set<String> queryTokens, String name,
			String kind) {
		if (!queryWords.isEmpty() && new HashSet<>(NameAnalyzer.folded(name)).containsAll(queryWords)) {
			return "NAME".equals(kind) ? MatchReason.EXACT : MatchReason.ALIAS;
		}
		if (new HashSet<>(analyzer.tokens(name)).containsAll(queryTokens)) {
			return MatchReason.TRANSLITERATION;
		}
		return MatchReason.FUZZY;
	}

	/**
	 * Every word must match (one may be missing from queries of three or more): exactly,
	 * with a typo or two (by the word's length), or as the start of a word.
	 */
	static Query query(List<String> tokens, Collection<SearchType> types, String countryId) {
		BooleanQuery.Builder words = new BooleanQuery.Builder();
		for (String token : tokens) {
			BooleanQuery.Builder word = new BooleanQuery.Builder();
			word.add(new BoostQuery(new TermQuery(new Term(NAME, token)), 4f), Occur.SHOULD);
			int edits = token.length() >= 8 ? 2 : token.length() >= 4 ? 1 : 0;
			if (edits > 0) {
				word.add(new BoostQuery(new FuzzyQuery(new Term(NAME, token), edits, 1, 50, true), 1.5f), Occur.SHOULD);
			}
			if (token.length() >= 3) {
				word.add(new PrefixQuery(new Term(NAME, token)), Occur.SHOULD);
			}
			words.add(word.build(), Occur.SHOULD);
		}
		words.setMinimumNumberShouldMatch(tokens.size() <= 2 ? tokens.size() : tokens.size() - 1);
		BooleanQuery.Builder either = new BooleanQuery.Builder().add(words.build(), Occur.SHOULD);
		if (tokens.size() > 1) {
			// "Ryan air" for "Ryanair": the words written together
			String joined = String.join("", tokens);
			either.add(new FuzzyQuery(new Term(NAME, joined), joined.length() >= 8 ? 2 : 1, 1, 50, true), Occur.SHOULD);
		}
		BooleanQuery.Builder query = new BooleanQuery.Builder().add(either.build(), Occur.MUST);
		if (types != null && !types.isEmpty()) {
			BooleanQuery.Builder anyType = new BooleanQuery.Builder();
			types.forEach(type -> anyType.add(new TermQuery(new Term(TYPE, type.typeName)), Occur.SHOULD));
			query.add(anyType.build(), Occur.FILTER);
		}
		if (countryId != null) {
			query.add(new TermQuery(new Term(COUNTRY, countryId)), Occur.FILTER);
		}
		return query.build();
	}

}
