package org.sanctionsgraph.legalact;

import java.util.List;
import java.util.Map;

import graphql.schema.DataFetchingFieldSelectionSet;
import org.sanctionsgraph.graphql.GlobalId;
import org.sanctionsgraph.measure.Measure;
import org.sanctionsgraph.paging.Connection;
import org.sanctionsgraph.paging.PageInput;
import org.sanctionsgraph.paging.Pager;
import org.sanctionsgraph.party.Party;

import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.Arguments;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/** Legal acts, their authority, and the acts a measure cites. */
@Controller
class LegalActController {

	private final Pager pager;

	LegalActController(Pager pager) {
		this.pager = pager;
	}

	@QueryMapping
	LegalAct legalAct(@Argument String id) {
		return this.pager.byId(LegalAct.class, GlobalId.decode("id", id, "LegalAct"));
	}

	@QueryMapping
	Connection<LegalAct> legalActs(@Argument String identifier, @Arguments PageInput page,
			DataFetchingFieldSelectionSet selection) {
		Criteria filter = identifier == null ? null
				: Criteria.where("identifiers").elemMatch(Criteria.where("value").is(identifier.strip()));
		return this.pager.page(LegalAct.class, filter, page.args(), selection.contains("totalCount"));
	}

	@BatchMapping(typeName = "LegalAct")
	Map<LegalAct, Party> authority(List<LegalAct> acts) {
		return this.pager.one(acts, LegalAct::authorityId, Party.class);
	}

	@BatchMapping(typeName = "Measure")
	Map<Measure, List<LegalAct>> legalActs(List<Measure> measures) {
		return this.pager.many(measures, Measure::legalActIds, LegalAct.class);
	}

}
