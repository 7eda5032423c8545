package org.sanctionsgraph.party;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import graphql.schema.DataFetchingFieldSelectionSet;
import org.sanctionsgraph.graphql.BadArgumentException;
import org.sanctionsgraph.paging.Connection;
import org.sanctionsgraph.paging.PageInput;
import org.sanctionsgraph.paging.Pager;

import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.Arguments;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/**
 * Countries, blocs and groups (their measures, memberships and officials are served by
 * those features).
 */
@Controller
class PartyController {

	static final int NAME_FILTER_MAX = 100;

	private final PartyCodes codes;

	private final Pager pager;

	PartyController(PartyCodes codes, Pager pager) {
		this.codes = codes;
		this.pager = pager;
	}

	@QueryMapping
	Party party(@Argument String code) {
		return this.codes.find("code", code);
	}

	@QueryMapping
	Party country(@Argument String code) {
		Party party = this.codes.find("code", code);
		if (party.kind() != PartyKind.COUNTRY) {
			throw new BadArgumentException("code", "'" + party.code() + "' is the code of a "
					+ party.kind().typeName().toLowerCase(Locale.ROOT) + ", not a country");
		}
		return party;
	}

	@QueryMapping
	Connection<Party> countries(@Argument CountryFilter filter, @Arguments PageInput page,
			DataFetchingFieldSelectionSet selection) {
		List<Criteria> all = new ArrayList<>();
		all.add(Criteria.where("kind").is(PartyKind.COUNTRY.name()));
		if (filter != null && filter.name() != null) {
			String text = filter.name().strip();
			if (text.isEmpty() || text.length() > NAME_FILTER_MAX) {
				throw new BadArgumentException("filter.name", "give 1 to " + NAME_FILTER_MAX + " characters");
			}
			// literal text anywhere in the name or another name, any case
			String pattern = Pattern.quote(text);
			all.add(new Criteria().orOperator(Criteria.where("name").regex(pattern, "i"),
					Criteria.where("aliases.value").regex(pattern, "i")));
		}
		return this.pager.page(Party.class, Pager.allOf(all), page.args(), selection.contains("totalCount"));
	}

	@QueryMapping
	Connection<Party> parties(@Argument PartyKind kind, @Arguments PageInput page,
			DataFetchingFieldSelectionSet selection) {
		Criteria filter = kind == null ? null : Criteria.where("kind").is(kind.name());
		return this.pager.page(Party.class, filter, page.args(), selection.contains("totalCount"));
	}

}
