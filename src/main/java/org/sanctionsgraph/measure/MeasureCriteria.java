package org.sanctionsgraph.measure;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.sanctionsgraph.graphql.BadArgumentException;
import org.sanctionsgraph.graphql.GlobalId;
import org.sanctionsgraph.paging.Pager;
import org.sanctionsgraph.party.PartyCodes;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.stereotype.Component;

/**
 * Builds the MongoDB criteria for a {@link MeasureFilter}, every field served by an
 * index.
 */
@Component
public class MeasureCriteria {

	private final PartyCodes codes;

	private final ObjectProvider<TargetListings> listings;

	MeasureCriteria(PartyCodes codes, ObjectProvider<TargetListings> listings) {
		this.codes = codes;
		this.listings = listings;
	}

	public Criteria of(MeasureFilter filter) {
		if (filter == null) {
			return null;
		}
		List<Criteria> all = new ArrayList<>();
		if (filter.kind() != null) {
			all.add(Criteria.where("kind").is(filter.kind().name()));
		}
		if (filter.imposedBy() != null) {
			all.add(Criteria.where("imposerIds").in(this.codes.ids("filter.imposedBy", filter.imposedBy())));
		}
		if (filter.targetCountry() != null) {
			all.add(Criteria.where("targetCountryIds")
				.in(this.codes.ids("filter.targetCountry", filter.targetCountry())));
		}
		if (filter.targetParty() != null) {
			all.add(Criteria.where("targetPartyIds").in(this.codes.ids("filter.targetParty", filter.targetParty())));
		}
		if (filter.target() != null) {
			GlobalId target = GlobalId.decode("filter.target", filter.target());
			String field = switch (target.type()) {
				case "Party" -> "targetPartyIds";
				case "Person" -> "targetPersonIds";
				case "Organization" -> "targetOrganizationIds";
				default -> throw new BadArgumentException("filter.target",
						"refers to a " + target.type() + "; expected a Party, Person or Organization id");
			};
			all.add(Criteria.where(field).is(target.key()));
			all.addAll(listedOn(filter, field, target.key()));
		}
		if (filter.measureTypes() != null) {
			all.add(Criteria.where("measureTypes").in(filter.measureTypes().stream().map(Enum::name).toList()));
		}
		if (filter.program() != null) {
			all.add(Criteria.where("programId").is(GlobalId.decode("filter.program", filter.program(), "Program")));
		}
		if (filter.inForceOn() != null) {
			all.addAll(inForceOn(filter.inForceOn()));
		}
		return Pager.allOf(all);
	}

	/**
	 * The filter for the measures targeting one person, organisation or party: with
	 * {@code inForceOn}, that target's own listing dates decide, where a measure has
	 * designations of it.
	 * @param field the measures' field holding targets of its kind
	 */
	public Criteria forTarget(MeasureFilter filter, String field, String key) {
		List<Criteria> all = new ArrayList<>(listedOn(filter, field, key));
		Criteria rest = of(filter);
		if (rest != null) {
			all.add(rest);
		}
		return Pager.allOf(all);
	}

	private List<Criteria> listedOn(MeasureFilter filter, String field, String key) {
		TargetListings listings = this.listings.getIfAvailable();
		if (filter.inForceOn() == null || listings == null) {
			return List.of();
		}
		List<String> lapsed = listings.lapsedOn(field, key, filter.inForceOn());
		return lapsed.isEmpty() ? List.of() : List.of(Criteria.where("_id").nin(lapsed));
	}

	/**
	 * Started on or before the day and not ended before it (see
	 * {@link Measure#inForceOn}). The start is matched on the sort key, which is the
	 * start day (or a marker sorting after every date when no start is known), so the
	 * (imposer, sortKey) and (target, sortKey) indexes bound the scan.
	 */
	public static List<Criteria> inForceOn(LocalDate day) {
		String d = day.toString();
		return List.of(Criteria.where("sortKey").lte(d),
				new Criteria().orOperator(Criteria.where("endDay").is(null), Criteria.where("endDay").gte(d)));
	}

}
