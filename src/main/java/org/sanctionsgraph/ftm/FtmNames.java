package org.sanctionsgraph.ftm;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.sanctionsgraph.model.FtmProperty;
import org.sanctionsgraph.model.Name;
import org.sanctionsgraph.model.NameKind;
import org.sanctionsgraph.write.Checks;

/**
 * Names between FtM and records. The first {@code name} is the record's name; every other
 * spelling (further names in any script, {@code alias}, {@code weakAlias},
 * {@code previousName}) becomes an alias, so the search finds the record by it. Further
 * {@code name} values are also kept as extra, so an export gives them back as names
 * rather than aliases.
 */
final class FtmNames {

	private static final Map<String, NameKind> KINDS = Map.of("alias", NameKind.ALIAS, "weakAlias", NameKind.WEAK_ALIAS,
			"previousName", NameKind.PREVIOUS_NAME);

	private static final List<String> ORDER = List.of("alias", "weakAlias", "previousName");

	private FtmNames() {
	}

	/** A record's name and aliases. */
	record Names(String name, List<Name> aliases) {
	}

	/**
	 * Takes the names out of an entity; {@code fallback} names a record whose entity has
	 * no {@code name} (a person's first and last names), or is null.
	 */
	static Names take(Unmapped props, String fallback) {
		List<String> names = props.take("name");
		String name;
		if (names.isEmpty()) {
			if (fallback == null) {
				throw new FtmEntity.Invalid("'name' is missing: a " + props.schema() + " needs a name");
			}
			name = props.text("name", fallback, Checks.NAME_MAX);
		}
		else {
			name = props.text("name", names.get(0), Checks.NAME_MAX);
		}
		Set<Name> aliases = new LinkedHashSet<>();
		List<String> others = new ArrayList<>();
		for (String other : names.subList(Math.min(1, names.size()), names.size())) {
			String value = props.text("name", other, Checks.NAME_MAX);
			others.add(value);
			aliases.add(new Name(value, null, NameKind.ALIAS));
		}
		props.keep("name", others);
		for (String property : ORDER) {
			for (String value : props.take(property)) {
				aliases.add(new Name(props.text(property, value, Checks.NAME_MAX), null, KINDS.get(property)));
			}
		}
		return new Names(name, Unmapped.bounded("alias", new ArrayList<>(aliases)));
	}

	/**
	 * Puts a record's names on an exported entity: its aliases under the property of
	 * their kind, except those its extra properties hold as further names.
	 */
	static void put(FtmLine line, String name, List<Name> aliases, List<FtmProperty> extra) {
		Set<String> furtherNames = new LinkedHashSet<>();
		extra.stream()
			.filter(property -> property.property().equals("name"))
			.forEach(property -> furtherNames.addAll(property.values()));
		line.put("name", name);
		for (String property : ORDER) {
			NameKind kind = KINDS.get(property);
			line.put(property,
					aliases.stream()
						.filter(alias -> alias.kind() == kind
								&& !(kind == NameKind.ALIAS && furtherNames.contains(alias.value())))
						.map(Name::value)
						.distinct()
						.toList());
		}
	}

}
