package org.sanctionsgraph.designation;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;

import graphql.schema.DataFetchingEnvironment;
import graphql.schema.DataFetchingFieldSelectionSet;
import org.dataloader.DataLoader;
import org.sanctionsgraph.graphql.GlobalId;
import org.sanctionsgraph.legalact.LegalAct;
import org.sanctionsgraph.measure.Measure;
import org.sanctionsgraph.organization.Organization;
import org.sanctionsgraph.paging.Connection;
import org.sanctionsgraph.paging.NestedPages;
import org.sanctionsgraph.paging.PageInput;
import org.sanctionsgraph.paging.Pager;
import org.sanctionsgraph.party.PartyCodes;
import org.sanctionsgraph.person.Person;
import reactor.core.publisher.Mono;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.Arguments;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.graphql.execution.BatchLoaderRegistry;
import org.springframework.stereotype.Controller;

/**
 * Designations: the list with its filter, the designations of a measure, a person and an
 * organisation, and whether a person or organisation is sanctioned on a day.
 */
@Controller
class DesignationController {

	private static final String OF_MEASURE = "Measure.designations";

	private static final String OF_PERSON = "Person.designations";

	private static final String OF_ORGANIZATION = "Organization.designations";

	private static final String SANCTIONED = "Target.isSanctioned";

	/** One "is this target sanctioned" question, batched with those asking the same. */
	record Ask(String field, String id, LocalDate day, List<String> imposerIds) {
	}

	private final Pager pager;

	private final NestedPages nested;

	private final DesignationCriteria criteria;

	private final PartyCodes codes;

	DesignationController(Pager pager, NestedPages nested, DesignationCriteria criteria, PartyCodes codes,
			SanctionCoverage coverage, BatchLoaderRegistry registry) {
		this.pager = pager;
		this.nested = nested;
		this.criteria = criteria;
		this.codes = codes;
		nested.register(OF_MEASURE, Designation.class, "measureId", criteria::of);
		nested.register(OF_PERSON, Designation.class, SanctionCoverage.PEOPLE, criteria::of);
		nested.register(OF_ORGANIZATION, Designation.class, SanctionCoverage.ORGANIZATIONS, criteria::of);
		registry.<Ask, Boolean>forName(SANCTIONED)
			.registerMappedBatchLoader((asks, env) -> Mono.fromSupplier(() -> answer(coverage, asks)));
	}

	private static Map<Ask, Boolean> answer(SanctionCoverage coverage, Set<Ask> asks) {
		Map<Ask, Boolean> answers = new HashMap<>();
		asks.stream()
			.collect(Collectors.groupingBy(
					ask -> List.of(ask.field(), ask.day(), ask.imposerIds() == null ? List.of("*") : ask.imposerIds())))
			.forEach((question, group) -> {
				Ask first = group.get(0);
				Set<String> covered = coverage.covered(first.field(), group.stream().map(Ask::id).toList(), first.day(),
						first.imposerIds());
				group.forEach(ask -> answers.put(ask, covered.contains(ask.id())));
			});
		return answers;
	}

	@QueryMapping
	Designation designation(@Argument String id) {
		return this.pager.byId(Designation.class, GlobalId.decode("id", id, "Designation"));
	}

	@QueryMapping
	Connection<Designation> designations(@Argument DesignationFilter filter, @Arguments PageInput page,
			DataFetchingFieldSelectionSet selection) {
		return this.pager.page(Designation.class, this.criteria.of(filter), page.args(),
				selection.contains("totalCount"));
	}

	@SchemaMapping(typeName = "Measure", field = "designations")
	CompletableFuture<Connection<Designation>> measureDesignations(Measure measure, @Argument DesignationFilter filter,
			@Arguments PageInput page, DataFetchingEnvironment env) {
		return this.nested.load(env, OF_MEASURE, measure.id(), page.args(), filter);
	}

	@SchemaMapping(typeName = "Person", field = "designations")
	CompletableFuture<Connection<Designation>> personDesignations(Person person, @Argument DesignationFilter filter,
			@Arguments PageInput page, DataFetchingEnvironment env) {
		return this.nested.load(env, OF_PERSON, person.id(), page.args(), filter);
	}

	@SchemaMapping(typeName = "Organization", field = "designations")
	CompletableFuture<Connection<Designation>> organizationDesignations(Organization organization,
			@Argument DesignationFilter filter, @Arguments PageInput page, DataFetchingEnvironment env) {
		return this.nested.load(env, OF_ORGANIZATION, organization.id(), page.args(), filter);
	}

	@SchemaMapping(typeName = "Person", field = "isSanctioned")
	CompletableFuture<Boolean> personSanctioned(Person person, @Argument LocalDate on, @Argument List<String> by,
			DataFetchingEnvironment env) {
		return sanctioned(env, SanctionCoverage.PEOPLE, person.id(), on, by);
	}

	@SchemaMapping(typeName = "Organization", field = "isSanctioned")
	CompletableFuture<Boolean> organizationSanctioned(Organization organization, @Argument LocalDate on,
			@Argument List<String> by, DataFetchingEnvironment env) {
		return sanctioned(env, SanctionCoverage.ORGANIZATIONS, organization.id(), on, by);
	}

	private CompletableFuture<Boolean> sanctioned(DataFetchingEnvironment env, String field, String id, LocalDate on,
			List<String> by) {
		List<String> imposers = by == null ? null : this.codes.ids("by", by);
		DataLoader<Ask, Boolean> loader = env.getDataLoader(SANCTIONED);
		return loader.load(new Ask(field, id, on, imposers));
	}

	@BatchMapping(typeName = "Designation")
	Map<Designation, Measure> measure(List<Designation> designations) {
		return this.pager.one(designations, Designation::measureId, Measure.class);
	}

	@BatchMapping(typeName = "Designation")
	Map<Designation, List<LegalAct>> legalActs(List<Designation> designations) {
		return this.pager.many(designations, Designation::legalActIds, LegalAct.class);
	}

	@SchemaMapping(typeName = "Designation")
	LocalDate startDate(Designation designation) {
		return designation.startDay() == null ? null : LocalDate.parse(designation.startDay());
	}

	@SchemaMapping(typeName = "Designation")
	LocalDate endDate(Designation designation) {
		return designation.endDay() == null ? null : LocalDate.parse(designation.endDay());
	}

}
