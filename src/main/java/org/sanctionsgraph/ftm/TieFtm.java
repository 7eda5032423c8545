package org.sanctionsgraph.ftm;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import org.sanctionsgraph.graphql.UserError;
import org.sanctionsgraph.model.FtmOrigin;
import org.sanctionsgraph.model.FtmProperty;
import org.sanctionsgraph.model.FuzzyDate;
import org.sanctionsgraph.tie.Tie;
import org.sanctionsgraph.tie.TieBuilder;
import org.sanctionsgraph.tie.TieEndKind;
import org.sanctionsgraph.tie.TieKind;
import org.sanctionsgraph.tie.TieRecords;
import org.sanctionsgraph.tie.TieRules;
import org.sanctionsgraph.write.Checks;

/**
 * FtM Family, Associate, Ownership, Directorship and Membership entities and ties: the
 * two ends (entity ids of people or organisations in the store or the file), the
 * relationship or role, an owner's percentage, the start and end dates and a description;
 * anything else is kept as extra. A tie is checked by the rules a recorded one is. A ROLE
 * tie, which FtM has no schema for, is exported as a Directorship.
 */
final class TieFtm {

	/** The FtM properties of a schema's two ends and of its relationship or role. */
	private record Shape(TieKind kind, String from, String to, String relationship) {
	}

	private static final Map<String, Shape> SHAPES = new LinkedHashMap<>();

	static {
		SHAPES.put("Family", new Shape(TieKind.FAMILY, "person", "relative", "relationship"));
		SHAPES.put("Associate", new Shape(TieKind.ASSOCIATE, "person", "associate", "relationship"));
		SHAPES.put("Ownership", new Shape(TieKind.OWNERSHIP, "owner", "asset", "role"));
		SHAPES.put("Directorship", new Shape(TieKind.DIRECTORSHIP, "director", "organization", "role"));
		SHAPES.put("Membership", new Shape(TieKind.MEMBERSHIP, "member", "organization", "role"));
	}

	static final List<String> SCHEMATA = List.copyOf(SHAPES.keySet());

	private TieFtm() {
	}

	/** The FtM ids a tie entity names as its ends (none for another schema). */
	static List<String> endIds(FtmEntity entity) {
		Shape shape = SHAPES.get(entity.schema());
		if (shape == null) {
			return List.of();
		}
		List<String> ids = new ArrayList<>(entity.values(shape.from()));
		ids.addAll(entity.values(shape.to()));
		return ids;
	}

	static Consumer<TieBuilder> change(FtmEntity entity, FtmEnds ends) {
		Shape shape = SHAPES.get(entity.schema());
		Unmapped props = new Unmapped(entity);
		FtmEnds.End from = end(props, shape.from(), ends);
		FtmEnds.End to = end(props, shape.to(), ends);
		String relationship = props.first(shape.relationship(), Checks.NAME_MAX);
		Double percentage = shape.kind() == TieKind.OWNERSHIP ? percentage(props) : null;
		FuzzyDate start = props.date("startDate");
		FuzzyDate end = props.date("endDate");
		String description = props.first("description", Checks.TEXT_MAX);
		FtmOrigin origin = new FtmOrigin(entity.id(), entity.schema(), props.extra());
		Consumer<TieBuilder> change = tie -> tie.kind(shape.kind())
			.fromId(from.id())
			.fromKind(from.kind())
			.toId(to.id())
			.toKind(to.kind())
			.relationship(relationship)
			.percentage(percentage)
			.start(start)
			.end(end)
			.description(description)
			.ftm(origin);
		List<UserError> errors = TieRules.under("tie").apply(TieRecords.DRAFTS.creating(change).apply("check"));
		if (!errors.isEmpty()) {
			throw new FtmEntity.Invalid(errors.stream()
				.map(error -> error.field().substring("tie.".length()) + " " + error.message())
				.collect(Collectors.joining("; ")));
		}
		return change;
	}

	private static FtmEnds.End end(Unmapped props, String property, FtmEnds ends) {
		List<String> ids = props.take(property);
		if (ids.isEmpty()) {
			throw new FtmEntity.Invalid("'" + property + "' is missing");
		}
		FtmEnds.End end = ends.find(ids.get(0));
		if (end == null) {
			throw new FtmEntity.Invalid("'" + property + "' refers to '" + ids.get(0)
					+ "', which is no person or organisation in the store or the file");
		}
		props.keep(property, ids.subList(1, ids.size()));
		return end;
	}

	private static Double percentage(Unmapped props) {
		String value = props.first("percentage", 50);
		if (value == null) {
			return null;
		}
		try {
			double percentage = Double.parseDouble(value.replace("%", "").strip());
			if (percentage >= 0 && percentage <= 100) {
				return percentage;
			}
		}
		catch (NumberFormatException ex) {
			// reported below
		}
		throw new FtmEntity.Invalid("'percentage' value '" + value + "' is not a number from 0 to 100");
	}

	/** A tie as an FtM entity, its ends named by their FtM ids. */
	static FtmEntity entity(Tie tie, FtmEnds ends) {
		String schema = tie.ftm() != null ? tie.ftm().schema() : switch (tie.kind()) {
			case FAMILY -> "Family";
			case ASSOCIATE -> "Associate";
			case OWNERSHIP -> "Ownership";
			case MEMBERSHIP -> "Membership";
			default -> "Directorship";
		};
		Shape shape = SHAPES.get(schema);
		String id = tie.ftm() != null ? tie.ftm().id() : "sg-tie-" + tie.id();
		List<FtmProperty> extra = tie.ftm() != null ? tie.ftm().extra() : List.of();
		return new FtmLine(id, schema).put(shape.from(), ends.ftmId(tie.fromId(), tie.fromKind()))
			.put(shape.to(), ends.ftmId(tie.toId(), tie.toKind()))
			.put(shape.relationship(), tie.relationship())
			.put("percentage", tie.percentage() == null ? null : percentText(tie.percentage()))
			.put("startDate", tie.start() == null ? null : tie.start().value())
			.put("endDate", tie.end() == null ? null : tie.end().value())
			.put("description", tie.description())
			.extra(extra)
			.entity();
	}

	private static String percentText(double percentage) {
		return percentage == Math.rint(percentage) ? Long.toString((long) percentage) : Double.toString(percentage);
	}

}
