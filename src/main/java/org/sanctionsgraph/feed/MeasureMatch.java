package org.sanctionsgraph.feed;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.Predicate;

import org.sanctionsgraph.graphql.BadArgumentException;
import org.sanctionsgraph.graphql.GlobalId;
import org.sanctionsgraph.measure.Measure;
import org.sanctionsgraph.measure.MeasureFilter;
import org.sanctionsgraph.measure.MeasureType;
import org.sanctionsgraph.party.PartyCodes;

import org.springframework.stereotype.Component;

/**
 * A {@link MeasureFilter} as a test on one measure in memory: the feed filters each
 * measure as it was right after its change, which no query on the current measures can
 * do. Codes and ids are resolved once, when the filter is read, so a bad one is refused
 * before anything is sent; the conditions mean what they mean in {@code measures}.
 */
@Component
public class MeasureMatch {

	private final PartyCodes codes;

	MeasureMatch(PartyCodes codes) {
		this.codes = codes;
	}

	public Predicate<Measure> of(MeasureFilter filter) {
		List<Predicate<Measure>> all = new ArrayList<>();
		if (filter == null) {
			return measure -> true;
		}
		if (filter.kind() != null) {
			all.add(measure -> measure.kind() == filter.kind());
		}
		if (filter.imposedBy() != null) {
			List<String> ids = this.codes.ids("filter.imposedBy", filter.imposedBy());
			all.add(measure -> anyIn(measure.imposerIds(), ids));
		}
		if (filter.targetCountry() != null) {
			List<String> ids = this.codes.ids("filter.targetCountry", filter.targetCountry());
			all.add(measure -> anyIn(measure.targetCountryIds(), ids));
		}
		if (filter.targetParty() != null) {
			List<String> ids = this.codes.ids("filter.targetParty", filter.targetParty());
			all.add(measure -> anyIn(measure.targetPartyIds(), ids));
		}
		if (filter.target() != null) {
			all.add(target(GlobalId.decode("filter.target", filter.target())));
		}
		if (filter.measureTypes() != null) {
			List<MeasureType> types = filter.measureTypes();
			all.add(measure -> anyIn(measure.measureTypes(), types));
		}
		if (filter.program() != null) {
			String program = GlobalId.decode("filter.program", filter.program(), "Program");
			all.add(measure -> program.equals(measure.programId()));
		}
		if (filter.inForceOn() != null) {
			all.add(measure -> measure.inForceOn(filter.inForceOn()));
		}
		return measure -> all.stream().allMatch(test -> test.test(measure));
	}

	private static Predicate<Measure> target(GlobalId target) {
		String key = target.key();
		return switch (target.type()) {
			case "Party" -> measure -> measure.targetPartyIds().contains(key);
			case "Person" -> measure -> measure.targetPersonIds().contains(key);
			case "Organization" -> measure -> measure.targetOrganizationIds().contains(key);
			default -> throw new BadArgumentException("filter.target",
					"refers to a " + target.type() + "; expected a Party, Person or Organization id");
		};
	}

	private static <T> boolean anyIn(Collection<T> values, Collection<T> wanted) {
		return values != null && values.stream().anyMatch(wanted::contains);
	}

}
