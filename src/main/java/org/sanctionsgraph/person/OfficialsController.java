package org.sanctionsgraph.person;

import java.time.Clock;
import java.time.LocalDate;

import graphql.schema.DataFetchingFieldSelectionSet;
import org.sanctionsgraph.paging.Connection;
import org.sanctionsgraph.paging.PageArgs;
import org.sanctionsgraph.paging.PageInput;
import org.sanctionsgraph.paging.Pager;
import org.sanctionsgraph.party.Party;
import org.sanctionsgraph.party.PartyCodes;

import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.Arguments;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

/**
 * Who held a public office of a country (or bloc) on a day: {@code officials} and
 * {@code Country.officials}. They live here because people's positions name the country,
 * not the reverse.
 */
@Controller
class OfficialsController {

	private final PartyCodes codes;

	private final Pager pager;

	private final Clock clock;

	OfficialsController(PartyCodes codes, Pager pager, Clock clock) {
		this.codes = codes;
		this.pager = pager;
		this.clock = clock;
	}

	@QueryMapping
	Connection<Person> officials(@Argument String country, @Argument LocalDate on, @Arguments PageInput page,
			DataFetchingFieldSelectionSet selection) {
		return held(this.codes.find("country", country).id(), on, page.args(), selection.contains("totalCount"));
	}

	/**
	 * One query per country asked for: the day must hold for a position of that very
	 * country, which a filter shared by a batch of countries cannot say.
	 */
	@SchemaMapping(typeName = "Country", field = "officials")
	Connection<Person> countryOfficials(Party country, @Argument LocalDate on, @Arguments PageInput page,
			DataFetchingFieldSelectionSet selection) {
		return held(country.id(), on, page.args(), selection.contains("totalCount"));
	}

	/**
	 * One page of the people holding an office of the party on the day (default today).
	 */
	Connection<Person> held(String partyId, LocalDate on, PageArgs args, boolean count) {
		LocalDate day = on != null ? on : LocalDate.now(this.clock);
		return this.pager.page(Person.class, heldOn(partyId, day), args, count);
	}

	/**
	 * People with a position of the party held on the day (see {@link Position#heldOn}).
	 * The equality on {@code positions.countryId} lets the {@code position_sort} index
	 * serve the query in name order; the element match makes the dates hold for that same
	 * position.
	 */
	static Criteria heldOn(String partyId, LocalDate day) {
		String d = day.toString();
		return Criteria.where("positions.countryId")
			.is(partyId)
			.and("positions")
			.elemMatch(Criteria.where("countryId")
				.is(partyId)
				.and("startDay")
				.lte(d)
				.orOperator(Criteria.where("endDay").is(null), Criteria.where("endDay").gte(d)));
	}

}
