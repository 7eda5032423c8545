package org.sanctionsgraph.search;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import com.ibm.icu.text.Transliterator;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.charfilter.MappingCharFilter;
import org.apache.lucene.analysis.charfilter.NormalizeCharMap;
import org.apache.lucene.analysis.icu.ICUTransformFilter;
import org.apache.lucene.analysis.icu.segmentation.ICUTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * Turns a name in any script and any common romanisation into comparable Latin tokens,
 * with ICU: Cyrillic to Latin by the BGN/PCGN romanisation (then any other script by
 * ICU's Any-Latin), the scholarly letters (š, č, ž, ł) spelled as in English, diacritics
 * and case folded, and the usual spelling variants of romanised names unified (kh/h,
 * ou/u, w/v, y/j/i, double letters). Legal-form words (OAO, JSC, LLC, ...) are dropped so
 * they never dominate a match.
 */
final class NameAnalyzer extends Analyzer {

	/**
	 * Legal forms and similar words that say nothing about which organisation is meant.
	 */
	static final CharArraySet LEGAL_FORMS = new CharArraySet(
			List.of("oao", "ooo", "zao", "pao", "ao", "jsc", "pjsc", "cjsc", "ojsc", "llc", "ltd", "limited", "inc",
					"corp", "plc", "gmbh", "ag", "sa", "sarl", "bv", "nv", "rup", "ue", "odo", "chup", "tov", "pat",
					"fgup", "gup", "co", "company", "the", "оао", "ооо", "зао", "пао", "ао", "аат", "тав"),
			true);

	private static final NormalizeCharMap MARKS;

	static {
		NormalizeCharMap.Builder marks = new NormalizeCharMap.Builder();
		for (String mark : List.of("'", "\u2019", "\u02bc", "\u00b7", "ь", "ъ", "Ь", "Ъ")) {
			marks.add(mark, "");
		}
		MARKS = marks.build();
	}

	private static final Transliterator CYRILLIC = Transliterator.getInstance("Russian-Latin/BGN");

	private static final Transliterator ANY_LATIN = Transliterator.getInstance("Any-Latin");

	private static final Transliterator SCHOLARLY = Transliterator.createFromRules("sanctions-scholarly",
			"š > sh; Š > Sh; č > ch; Č > Ch; ž > zh; Ž > Zh; ł > l; Ł > L; ŭ > u; Ŭ > U; ć > ch; ś > sh; ź > zh;",
			Transliterator.FORWARD);

	/** Case and accents only; the script and spelling stay as written. */
	private static final Transliterator FOLD = Transliterator.createFromRules("sanctions-fold",
			":: NFKD; :: [:Nonspacing Mark:] Remove; :: Lower; :: NFC; ł > l; đ > d; ø > o; ß > ss; æ > ae; œ > oe;",
			Transliterator.FORWARD);

	private static final Transliterator ASCII = Transliterator.getInstance("Latin-ASCII; Lower");

	private static final Transliterator VARIANTS = Transliterator.createFromRules("sanctions-variants",
			"\u00b7 > ; kh > h; x > ks; ou > u; ph > f; ck > k; w > v; y > i; j > i; ie > e; ii > i; ss > s; ll > l; "
					+ "nn > n; tt > t; ff > f; mm > m; rr > r; zz > z;",
			Transliterator.FORWARD);

	@Override
	protected Reader initReader(String fieldName, Reader reader) {
		return new MappingCharFilter(MARKS, reader);
	}

	@Override
	protected TokenStreamComponents createComponents(String fieldName) {
		Tokenizer tokenizer = new ICUTokenizer();
		TokenStream stream = new ICUTransformFilter(tokenizer, CYRILLIC);
		stream = new ICUTransformFilter(stream, ANY_LATIN);
		stream = new ICUTransformFilter(stream, SCHOLARLY);
		stream = new ICUTransformFilter(stream, ASCII);
		stream = new StopFilter(stream, LEGAL_FORMS);
		stream = new ICUTransformFilter(stream, VARIANTS);
		return new TokenStreamComponents(tokenizer, stream);
	}

	/** The tokens of a text, as indexed. */
	List<String> tokens(String text) {
		List<String> tokens = new ArrayList<>();
		try (TokenStream stream = tokenStream("name", new StringReader(text))) {
			CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
			stream.reset();
			while (stream.incrementToken()) {
				if (!term.isEmpty()) {
					tokens.add(term.toString());
				}
			}
			stream.end();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return tokens;
	}

	/** Words folded for case and diacritics only, without changing script or spelling. */
	static List<String> folded(String text) {
		String normalized = FOLD.transliterate(text);
		List<String> words = new ArrayList<>();
		for (String word : normalized.split("[^\\p{L}\\p{N}]+")) {
			if (!word.isEmpty() && !LEGAL_FORMS.contains(word)) {
				words.add(word);
			}
		}
		return words;
	}

}
