package org.sanctionsgraph.ftm;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import org.sanctionsgraph.designation.Designation;
import org.sanctionsgraph.designation.DesignationBuilder;
import org.sanctionsgraph.designation.DesignationRecords;
import org.sanctionsgraph.designation.DesignationRules;
import org.sanctionsgraph.graphql.UserError;
import org.sanctionsgraph.measure.Measure;
import org.sanctionsgraph.measure.MeasureType;
import org.sanctionsgraph.measure.Target;
import org.sanctionsgraph.measure.TargetKind;
import org.sanctionsgraph.model.FtmOrigin;
import org.sanctionsgraph.model.FtmProperty;
import org.sanctionsgraph.model.FuzzyDate;
import org.sanctionsgraph.program.Program;
import org.sanctionsgraph.tie.TieEndKind;
import org.sanctionsgraph.write.Checks;

/**
 * FtM Sanction entities and designations. The {@code entity} is the person or
 * organisation listed; {@code country} names the imposing parties and {@code programId},
 * {@code program} and {@code programUrl} the programme, which together find the measure
 * (see {@link FtmMeasures}); {@code listingDate} (else the first {@code startDate}) is
 * the listing, {@code endDate} the delisting, {@code authorityId} the authority's
 * reference and {@code reason} the reason. Everything else ({@code authority},
 * {@code provisions}, {@code startDate}, {@code sourceUrl}, ...) is kept as extra. A
 * designation recorded here is exported with its measure's types as {@code provisions}.
 */
final class SanctionFtm {

	static final String SCHEMA = "Sanction";

	/** The longest programme code accepted. */
	private static final int CODE_MAX = 100;

	private SanctionFtm() {
	}

	/**
	 * The change that makes a designation hold what the entity says; checks it first,
	 * then finds (or makes) its programme and measure.
	 */
	static Consumer<DesignationBuilder> change(FtmEntity entity, FtmEnds ends, FtmMeasures measures, Parties parties) {
		Unmapped props = new Unmapped(entity);
		List<String> listed = props.take("entity");
		if (listed.isEmpty()) {
			throw new FtmEntity.Invalid("'entity' is missing: a Sanction needs the person or organisation listed");
		}
		FtmEnds.End end = ends.find(listed.get(0));
		if (end == null) {
			throw new FtmEntity.Invalid("'entity' refers to '" + listed.get(0)
					+ "', which is no person or organisation in the store or the file");
		}
		props.keep("entity", listed.subList(1, listed.size()));
		List<String> codes = props.take("country");
		List<String> unknown = new ArrayList<>();
		List<String> imposers = parties.ids(codes, unknown);
		props.keep("country", unknown);
		if (imposers.isEmpty()) {
			throw new FtmEntity.Invalid(codes.isEmpty()
					? "'country' is missing: a Sanction needs the code of the party imposing it (such as eu or us)"
					: "'country' " + codes + " names no party the store has: a Sanction needs the imposing party");
		}
		FuzzyDate listingDate = props.date("listingDate");
		FuzzyDate start = props.peekDate("startDate");
		FuzzyDate listing = listingDate != null ? listingDate : start;
		if (listing == null) {
			throw new FtmEntity.Invalid("'listingDate' is missing: a Sanction needs a listingDate or startDate");
		}
		FuzzyDate delisted = props.date("endDate");
		String reference = props.first("authorityId", Checks.NAME_MAX);
		String reason = props.first("reason", Checks.TEXT_MAX);
		String code = props.first("programId", CODE_MAX);
		String name = props.first("program", Checks.NAME_MAX);
		String url = props.first("programUrl", Checks.TEXT_MAX);
		Target target = end.kind() == TieEndKind.PERSON
				? new Target(TargetKind.PERSON, null, end.id(), null, null, end.countryId())
				: new Target(TargetKind.ORGANIZATION, null, null, end.id(), null, end.countryId());
		Consumer<DesignationBuilder> fields = designation -> designation.target(target)
			.listed(listing)
			.delisted(delisted)
			.authorityReference(reference)
			.reason(reason);
		List<UserError> errors = DesignationRules.check(DesignationRecords.DRAFTS.creating(fields).apply("check"),
				"endDate", "listingDate");
		if (!errors.isEmpty()) {
			throw new FtmEntity.Invalid(errors.stream()
				.map(error -> "'" + error.field() + "': " + error.message())
				.collect(Collectors.joining("; ")));
		}
		Program program = measures.program(code, name, url, imposers);
		if (program != null && name != null && !name.equals(program.name())) {
			props.keep("program", List.of(name));
		}
		if (program != null && url != null && !url.equals(program.url())) {
			props.keep("programUrl", List.of(url));
		}
		String measure = measures.measureFor(imposers, program, listing, FtmMeasures.key(codes, code, name),
				String.join(", ", parties.codes(imposers)).toUpperCase(Locale.ROOT));
		FtmOrigin origin = new FtmOrigin(entity.id(), SCHEMA, props.extra());
		return fields.andThen(designation -> designation.measureId(measure).ftm(origin));
	}

	/**
	 * A designation as a Sanction entity, or null when FtM cannot say it (a party listed,
	 * or a measure that is gone).
	 */
	static FtmEntity entity(Designation designation, Measure measure, Program program, FtmEnds ends, Parties parties) {
		Target target = designation.target();
		if (measure == null || target == null
				|| (target.kind() != TargetKind.PERSON && target.kind() != TargetKind.ORGANIZATION)) {
			return null;
		}
		boolean person = target.kind() == TargetKind.PERSON;
		String listed = ends.ftmId(person ? target.personId() : target.organizationId(),
				person ? TieEndKind.PERSON : TieEndKind.ORGANIZATION);
		FtmOrigin origin = designation.ftm();
		List<FtmProperty> extra = origin == null ? List.of()
				: origin.extra().stream().filter(property -> !property.property().equals("provisions")).toList();
		List<String> provisions = origin != null ? origin.extra()
			.stream()
			.filter(property -> property.property().equals("provisions"))
			.flatMap(property -> property.values().stream())
			.toList() : measure.measureTypes().stream().map(SanctionFtm::label).toList();
		return new FtmLine(origin != null ? origin.id() : "sg-designation-" + designation.id(), SCHEMA)
			.put("entity", listed)
			.put("country", parties.codes(measure.imposerIds()))
			.put("authorityId", designation.authorityReference())
			.put("program", program == null ? null : program.name())
			.put("programId", program == null ? null : program.code())
			.put("programUrl", program == null ? null : program.url())
			.put("provisions", provisions)
			.put("reason", designation.reason())
			.put("listingDate", designation.listed() == null ? null : designation.listed().value())
			.put("endDate", designation.delisted() == null ? null : designation.delisted().value())
			.extra(extra)
			.entity();
	}

	/** A measure type as words ({@code ASSET_FREEZE}: "Asset freeze"). */
	static String label(MeasureType type) {
		String words = type.name().replace('_', ' ').toLowerCase(Locale.ROOT);
		return Character.toUpperCase(words.charAt(0)) + words.substring(1);
	}

}
