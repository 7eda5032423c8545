package org.sanctionsgraph.model;

/**
 * One spelling of a name: a transliteration, an original-script form, a former name.
 *
 * @param value the name as written
 * @param lang ISO 639 language code of the spelling, when known ("be", "ru", "pl")
 * @param kind alias, previous name or weak alias
 */
public record Name(String value, String lang, NameKind kind) {

	public Name {
		kind = kind == null ? NameKind.ALIAS : kind;
	}

	/**
	 * The Unicode script the name is written in, from its first letter ("LATIN",
	 * "CYRILLIC").
	 */
	public String script() {
		return value.codePoints()
			.filter(Character::isLetter)
			.mapToObj(cp -> Character.UnicodeScript.of(cp).name())
			.findFirst()
			.orElse("COMMON");
	}

}
