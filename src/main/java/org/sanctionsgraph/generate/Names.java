package org.sanctionsgraph.generate;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.sanctionsgraph.model.Name;
import org.sanctionsgraph.model.NameKind;

/**
 * Synthetic names in Latin and Cyrillic spellings, the way sanctions lists carry them: a
 * Belarusian or Russian given name and surname, romanised in several ways, with the
 * original script among the aliases. Every surname carries a serial so that names stay
 * distinct at any size.
 */
public final class Names {

	static final String[] FIRST_LATIN = { "Aliaksandr", "Siarhei", "Yauhen", "Dzmitry", "Mikalai", "Andrei", "Tatsiana",
			"Volha", "Natallia", "Iryna", "Pavel", "Viktar", "Ihar", "Maryna", "Aliaksei", "Uladzimir" };

	static final String[] FIRST_CYRILLIC = { "Аляксандр", "Сяргей", "Яўген", "Дзмітрый", "Мікалай", "Андрэй", "Таццяна",
			"Вольга", "Наталля", "Ірына", "Павел", "Віктар", "Ігар", "Марына", "Аляксей", "Уладзімір" };

	static final String[] STEMS_LATIN = { "Kaval", "Maroz", "Shyrok", "Zhuk", "Khvast", "Volk", "Sidar", "Navik",
			"Bial", "Charn", "Hrab", "Lyasn", "Mialeshk", "Sav", "Tsimash", "Yakaul", "Kurak", "Dub" };

	static final String[] STEMS_CYRILLIC = { "Кавал", "Мароз", "Шырок", "Жук", "Хваст", "Волк", "Сідар", "Навік",
			"Біял", "Чарн", "Граб", "Лясн", "Мялешк", "Сав", "Цімаш", "Якаўл", "Курак", "Дуб" };

	static final String[] ENDINGS_LATIN = { "enka", "au", "ovich", "ski", "ik", "ets", "chyk", "anau" };

	static final String[] ENDINGS_CYRILLIC = { "енка", "аў", "овіч", "скі", "ік", "ец", "чык", "анаў" };

	private Names() {
	}

	/** A person's primary name and 1 to 6 aliases. */
	public record PersonName(String name, List<Name> aliases) {
	}

	public static PersonName person(Random random, int serial) {
		int f = random.nextInt(FIRST_LATIN.length);
		int s = random.nextInt(STEMS_LATIN.length);
		int e = random.nextInt(ENDINGS_LATIN.length);
		String suffix = Integer.toString(serial, 36);
		String latin = STEMS_LATIN[s] + ENDINGS_LATIN[e] + suffix;
		String cyrillic = STEMS_CYRILLIC[s] + ENDINGS_CYRILLIC[e] + suffix;
		String[] forms = { FIRST_CYRILLIC[f] + " " + cyrillic, latin + " " + FIRST_LATIN[f],
				FIRST_LATIN[f].charAt(0) + ". " + latin, FIRST_CYRILLIC[f] + " " + cyrillic + "а",
				FIRST_LATIN[f] + " " + latin.replace("au", "ov"), cyrillic };
		int count = 1 + random.nextInt(6);
		List<Name> aliases = new ArrayList<>();
		for (int a = 0; a < count; a++) {
			aliases.add(new Name(forms[a], a % 2 == 0 ? "be" : "en", NameKind.ALIAS));
		}
		return new PersonName(FIRST_LATIN[f] + " " + latin, aliases);
	}

	private static final String[] ORG_WORDS = { "Trading", "Steel", "Chemical", "Petroleum", "Logistics", "Shipping",
			"Timber", "Potash", "Machinery", "Energy", "Textile", "Grain" };

	private static final String[] ORG_WORDS_CYRILLIC = { "Гандаль", "Сталь", "Хімія", "Нафта", "Лагістыка", "Флот",
			"Лес", "Калій", "Машыны", "Энергія", "Тэкстыль", "Збожжа" };

	private static final String[] LEGAL = { "LLC", "JSC", "OAO", "Ltd", "CJSC" };

	/** An organisation's name and its aliases (a Cyrillic form, another legal form). */
	public static PersonName organization(Random random, int serial) {
		int s = random.nextInt(STEMS_LATIN.length);
		int w = random.nextInt(ORG_WORDS.length);
		String suffix = Integer.toString(serial, 36);
		String name = STEMS_LATIN[s] + suffix + " " + ORG_WORDS[w] + " " + LEGAL[random.nextInt(LEGAL.length)];
		List<Name> aliases = List.of(
				new Name("ААТ " + STEMS_CYRILLIC[s] + suffix + " " + ORG_WORDS_CYRILLIC[w], "be", NameKind.ALIAS),
				new Name(STEMS_LATIN[s] + suffix + " " + ORG_WORDS[w], "en", NameKind.WEAK_ALIAS));
		return new PersonName(name, aliases);
	}

}
