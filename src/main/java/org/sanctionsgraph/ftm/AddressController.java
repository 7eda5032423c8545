package org.sanctionsgraph.ftm;

import java.util.List;
import java.util.Map;

import org.sanctionsgraph.model.Address;
import org.sanctionsgraph.paging.Pager;
import org.sanctionsgraph.party.Party;

import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.stereotype.Controller;

/** Serves the country of addresses, for all addresses of a response in one query. */
@Controller
class AddressController {

	private final Pager pager;

	AddressController(Pager pager) {
		this.pager = pager;
	}

	@BatchMapping(typeName = "Address")
	Map<Address, Party> country(List<Address> addresses) {
		return this.pager.one(addresses, Address::countryId, Party.class);
	}

}
