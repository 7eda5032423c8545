package org.sanctionsgraph.ftm;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.sanctionsgraph.model.Address;
import org.sanctionsgraph.model.FtmOrigin;
import org.sanctionsgraph.model.FtmProperty;
import org.sanctionsgraph.model.FuzzyDate;
import org.sanctionsgraph.model.Identifier;
import org.sanctionsgraph.organization.Organization;
import org.sanctionsgraph.organization.OrganizationBuilder;
import org.sanctionsgraph.organization.OrganizationKind;
import org.sanctionsgraph.write.Checks;

/**
 * FtM Organization, Company, LegalEntity and PublicBody entities and organisations: the
 * schema gives the kind (and is kept, so an export gives it back), the first known
 * {@code country} the country; names, description, jurisdiction, legal form,
 * incorporation and dissolution dates, registration, LEI, tax and id numbers (as
 * identifiers) and addresses map to fields and everything else is kept as extra. An NGO
 * or media outlet, which no schema names, is exported as an Organization with that
 * {@code classification}.
 */
final class OrganizationFtm {

	static final List<String> SCHEMATA = List.of("Organization", "Company", "LegalEntity", "PublicBody");

	private static final Map<OrganizationKind, String> CLASSIFIED = Map.of(OrganizationKind.NGO, "NGO",
			OrganizationKind.MEDIA, "Media");

	private OrganizationFtm() {
	}

	static Consumer<OrganizationBuilder> change(FtmEntity entity, Parties parties, AddressBook addresses) {
		Unmapped props = new Unmapped(entity);
		OrganizationKind kind = kind(entity.schema(), props);
		FtmNames.Names names = FtmNames.take(props, null);
		List<String> unknownCountries = new ArrayList<>();
		List<String> countries = parties.ids(props.take("country"), unknownCountries);
		List<String> further = new ArrayList<>(
				parties.codes(countries.subList(Math.min(1, countries.size()), countries.size())));
		further.addAll(unknownCountries);
		props.keep("country", further);
		String description = props.first("description", Checks.TEXT_MAX);
		List<String> unknownJurisdictions = new ArrayList<>();
		List<String> jurisdictions = parties.ids(props.take("jurisdiction"), unknownJurisdictions);
		List<String> furtherJurisdictions = new ArrayList<>(
				parties.codes(jurisdictions.subList(Math.min(1, jurisdictions.size()), jurisdictions.size())));
		furtherJurisdictions.addAll(unknownJurisdictions);
		props.keep("jurisdiction", furtherJurisdictions);
		String legalForm = props.first("legalForm", Checks.NAME_MAX);
		FuzzyDate incorporated = props.date("incorporationDate");
		FuzzyDate dissolved = props.date("dissolutionDate");
		List<Identifier> identifiers = FtmIdentifiers.take(props, List.copyOf(FtmIdentifiers.PROPERTIES.keySet()));
		List<String> unknownAddresses = new ArrayList<>();
		List<Address> found = Unmapped.bounded("addressEntity",
				addresses.find(props.take("addressEntity"), unknownAddresses));
		props.keep("addressEntity", unknownAddresses);
		FtmOrigin origin = new FtmOrigin(entity.id(), entity.schema(), props.extra());
		return organization -> organization.name(names.name())
			.kind(kind)
			.aliases(names.aliases())
			.countryId(countries.isEmpty() ? null : countries.get(0))
			.description(description)
			.jurisdictionId(jurisdictions.isEmpty() ? null : jurisdictions.get(0))
			.legalForm(legalForm)
			.incorporated(incorporated)
			.dissolved(dissolved)
			.identifiers(identifiers)
			.addresses(found)
			.ftm(origin);
	}

	private static OrganizationKind kind(String schema, Unmapped props) {
		switch (schema) {
			case "Company":
				return OrganizationKind.COMPANY;
			case "PublicBody":
				return OrganizationKind.PUBLIC_BODY;
			default:
				List<String> classification = props.take("classification");
				for (Map.Entry<OrganizationKind, String> classified : CLASSIFIED.entrySet()) {
					if (schema.equals("Organization") && classification.size() == 1
							&& classification.get(0).equals(classified.getValue())) {
						return classified.getKey();
					}
				}
				props.keep("classification", classification);
				return OrganizationKind.OTHER;
		}
	}

	static List<FtmEntity> entities(Organization organization, Parties parties, HeldExport held) {
		FtmOrigin origin = organization.ftm();
		String id = origin != null ? origin.id() : "sg-organization-" + organization.id();
		List<FtmProperty> extra = origin != null ? origin.extra() : List.of();
		String schema = origin != null ? origin.schema() : switch (organization.kind()) {
			case COMPANY -> "Company";
			case PUBLIC_BODY -> "PublicBody";
			default -> "Organization";
		};
		List<FtmEntity> entities = new ArrayList<>(AddressBook.entities(organization.addresses(), id, parties));
		FtmLine line = new FtmLine(id, schema);
		FtmNames.put(line, organization.name(), organization.aliases(), extra);
		line.put("country", parties.code(organization.countryId()))
			.put("classification", schema.equals("Organization") ? CLASSIFIED.get(organization.kind()) : null)
			.put("description", organization.description())
			.put("addressEntity", AddressBook.ids(organization.addresses(), id))
			.put("jurisdiction", parties.code(organization.jurisdictionId()))
			.put("legalForm", organization.legalForm())
			.put("incorporationDate", organization.incorporated() == null ? null : organization.incorporated().value())
			.put("dissolutionDate", organization.dissolved() == null ? null : organization.dissolved().value());
		HeldExport.Split split = held.split(id, organization.identifiers(), List.of());
		FtmIdentifiers.put(line, split.properties());
		line.extra(extra);
		entities.add(line.entity());
		entities.addAll(split.entities());
		return entities;
	}

}
