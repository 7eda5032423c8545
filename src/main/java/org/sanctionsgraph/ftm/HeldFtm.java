package org.sanctionsgraph.ftm;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.sanctionsgraph.model.FuzzyDate;
import org.sanctionsgraph.model.Identifier;
import org.sanctionsgraph.model.IdentifierScheme;
import org.sanctionsgraph.person.Position;
import org.sanctionsgraph.write.Checks;
import org.sanctionsgraph.write.Fingerprint;

/**
 * FtM entities that describe something a person or organisation holds, and what they
 * become on their holder: a {@code Passport} or {@code Identification} (holder, number,
 * country, type) an identifier, an {@code Occupancy} (holder, post, startDate, endDate,
 * description) of a {@code Position} (name, country) a position the person held. Both
 * ways: an identifier or position recorded here is exported as such entities, with ids
 * derived from what they say.
 */
final class HeldFtm {

	static final List<String> SCHEMATA = List.of("Passport", "Identification", "Occupancy", "Position");

	/** Identification {@code type} values written for each scheme, and read back. */
	private static final Map<IdentifierScheme, String> TYPES = new LinkedHashMap<>();

	static {
		TYPES.put(IdentifierScheme.PASSPORT, "Passport");
		TYPES.put(IdentifierScheme.NATIONAL_ID, "National ID");
		TYPES.put(IdentifierScheme.TAX_NUMBER, "Tax number");
		TYPES.put(IdentifierScheme.COMPANY_NUMBER, "Company number");
		TYPES.put(IdentifierScheme.LEI, "LEI");
		TYPES.put(IdentifierScheme.OTHER, "Other");
	}

	/** The longest identifier value accepted, as the write path checks it. */
	static final int NUMBER_MAX = 100;

	private HeldFtm() {
	}

	/**
	 * Checks an entity as an import reads it, before it is kept: the properties its
	 * schema requires and the values a record will take from it.
	 */
	static void check(FtmEntity entity) {
		Unmapped props = new Unmapped(entity);
		switch (entity.schema()) {
			case "Position" -> title(props);
			case "Occupancy" -> {
				required(props, "holder");
				required(props, "post");
				dates(props);
				props.first("description", Checks.TEXT_MAX);
			}
			default -> {
				required(props, "holder");
				number(props);
			}
		}
	}

	/** The entity a held entity is held by (its holder), or null for a Position. */
	static String holder(FtmEntity entity) {
		List<String> holders = entity.values("holder");
		return holders.isEmpty() ? null : holders.get(0);
	}

	/** The Position an Occupancy is of, or null. */
	static String post(FtmEntity entity) {
		List<String> posts = entity.values("post");
		return posts.isEmpty() ? null : posts.get(0);
	}

	/** The identifier a Passport or Identification gives its holder. */
	static Identifier identifier(FtmEntity entity, Parties parties) {
		Unmapped props = new Unmapped(entity);
		IdentifierScheme scheme = entity.schema().equals("Passport") ? IdentifierScheme.PASSPORT
				: scheme(entity.values("type"));
		List<String> countries = parties.ids(props.take("country"), new ArrayList<>());
		return new Identifier(scheme, number(props), countries.isEmpty() ? null : countries.get(0));
	}

	/** The position an Occupancy of a Position gives its holder. */
	static Position position(FtmEntity occupancy, FtmEntity post, Parties parties) {
		Unmapped props = new Unmapped(occupancy);
		FuzzyDate[] dates = dates(props);
		Unmapped postProps = new Unmapped(post);
		List<String> countries = parties.ids(postProps.take("country"), new ArrayList<>());
		return new Position(title(postProps), countries.isEmpty() ? null : countries.get(0), null, dates[0], dates[1],
				props.first("description", Checks.TEXT_MAX), null, null);
	}

	/**
	 * The scheme an Identification's {@code type} names (the words FtM data uses), OTHER
	 * when none does.
	 */
	static IdentifierScheme scheme(List<String> types) {
		String type = types.isEmpty() ? "" : types.get(0).strip().toLowerCase(Locale.ROOT);
		for (Map.Entry<IdentifierScheme, String> entry : TYPES.entrySet()) {
			if (type.equals(entry.getValue().toLowerCase(Locale.ROOT))) {
				return entry.getKey();
			}
		}
		if (type.contains("passport")) {
			return IdentifierScheme.PASSPORT;
		}
		if (type.contains("tax") || type.equals("inn") || type.equals("tin")) {
			return IdentifierScheme.TAX_NUMBER;
		}
		if (type.contains("regist") || type.contains("company")) {
			return IdentifierScheme.COMPANY_NUMBER;
		}
		if (type.contains("national") || type.contains("identity") || type.equals("id")) {
			return IdentifierScheme.NATIONAL_ID;
		}
		return IdentifierScheme.OTHER;
	}

	/**
	 * An identifier recorded here as a Passport (scheme PASSPORT) or an Identification of
	 * its holder.
	 */
	static FtmEntity entity(Identifier identifier, String holder, Parties parties) {
		String country = parties.code(identifier.countryId());
		String schema = identifier.scheme() == IdentifierScheme.PASSPORT ? "Passport" : "Identification";
		String id = "sg-identification-" + Fingerprint
			.of(String.join("\n", holder, identifier.scheme().name(), identifier.value(), String.valueOf(country)));
		return new FtmLine(id, schema).put("holder", holder)
			.put("number", identifier.value())
			.put("country", country)
			.put("type", schema.equals("Passport") ? null : TYPES.get(identifier.scheme()))
			.entity();
	}

	/** A position recorded here as its Position entity (by the id of its holder). */
	static FtmEntity post(Position position, Parties parties) {
		String country = parties.code(position.countryId());
		String id = "sg-position-" + Fingerprint.of(position.title() + "\n" + country);
		return new FtmLine(id, "Position").put("name", position.title()).put("country", country).entity();
	}

	/** A position recorded here as the Occupancy of its Position entity. */
	static FtmEntity occupancy(Position position, String holder, FtmEntity post) {
		String start = position.start() == null ? null : position.start().value();
		String end = position.end() == null ? null : position.end().value();
		String id = "sg-occupancy-"
				+ Fingerprint.of(String.join("\n", holder, post.id(), String.valueOf(start), String.valueOf(end)));
		return new FtmLine(id, "Occupancy").put("holder", holder)
			.put("post", post.id())
			.put("startDate", start)
			.put("endDate", end)
			.put("description", position.note())
			.entity();
	}

	private static void required(Unmapped props, String property) {
		if (props.take(property).isEmpty()) {
			throw new FtmEntity.Invalid("'" + property + "' is missing: a " + props.schema() + " needs one");
		}
	}

	private static String number(Unmapped props) {
		String number = props.first("number", NUMBER_MAX);
		if (number == null || number.isEmpty()) {
			throw new FtmEntity.Invalid("'number' is missing: a " + props.schema() + " needs one");
		}
		return number;
	}

	private static String title(Unmapped props) {
		String name = props.first("name", Checks.NAME_MAX);
		if (name == null || name.isEmpty()) {
			throw new FtmEntity.Invalid("'name' is missing: a Position needs a name");
		}
		return name;
	}

	/** The start and end dates of an Occupancy, the end not before the start. */
	private static FuzzyDate[] dates(Unmapped props) {
		FuzzyDate start = props.date("startDate");
		FuzzyDate end = props.date("endDate");
		if (start != null && end != null && end.latest().isBefore(start.earliest())) {
			throw new FtmEntity.Invalid(
					"'endDate' (" + end.value() + ") is before 'startDate' (" + start.value() + ")");
		}
		return new FuzzyDate[] { start, end };
	}

}
