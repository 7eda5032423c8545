package org.sanctionsgraph;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Locations;
import org.junit.jupiter.api.Test;

/**
 * The layering the code keeps: features depend on a small core and on each other in one
 * direction only; the core never imports a feature. New record kinds plug into the core's
 * registry instead.
 */
class ArchitectureTests {

	/**
	 * The core: ids, scalars and errors, paging, the record registry, the write path,
	 * security, limits, storage.
	 */
	static final String[] CORE = { "..sanctionsgraph.model..", "..sanctionsgraph.graphql..",
			"..sanctionsgraph.paging..", "..sanctionsgraph.records..", "..sanctionsgraph.write..",
			"..sanctionsgraph.security..", "..sanctionsgraph.limits..", "..sanctionsgraph.db..",
			"..sanctionsgraph.embedded..", "..sanctionsgraph.web.." };

	static final String[] FEATURES = { "..sanctionsgraph.party..", "..sanctionsgraph.person..",
			"..sanctionsgraph.organization..", "..sanctionsgraph.program..", "..sanctionsgraph.event..",
			"..sanctionsgraph.source..", "..sanctionsgraph.measure..", "..sanctionsgraph.timeline..",
			"..sanctionsgraph.search..", "..sanctionsgraph.seed..", "..sanctionsgraph.generate..",
			"..sanctionsgraph.tie..", "..sanctionsgraph.designation..", "..sanctionsgraph.legalact..",
			"..sanctionsgraph.feed.." };

	/**
	 * The application's own classes, read from where they were compiled (scanning the
	 * classpath is slow).
	 */
	private static final JavaClasses MAIN = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importLocations(Locations.ofPackage("org.sanctionsgraph")
			.stream()
			.filter(location -> location.contains(
					SanctionsGraphApplication.class.getProtectionDomain().getCodeSource().getLocation().toString()))
			.toList());

	@Test
	void packagesFormNoCycle() {
		slices().matching("org.sanctionsgraph.(*)..").should().beFreeOfCycles().check(MAIN);
	}

	@Test
	void theCoreImportsNoFeature() {
		noClasses().that()
			.resideInAnyPackage(CORE)
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage(FEATURES)
			.check(MAIN);
	}

	@Test
	void theRulesSeeTheWholeApplication() {
		// a rule over no classes passes whatever the code does: make sure both sides are
		// really there
		for (String pkg : CORE) {
			String name = pkg.replace("..sanctionsgraph.", "org.sanctionsgraph.").replace("..", "");
			org.assertj.core.api.Assertions.assertThat(MAIN.containPackage(name)).as(name).isTrue();
		}
		for (String pkg : FEATURES) {
			String name = pkg.replace("..sanctionsgraph.", "org.sanctionsgraph.").replace("..", "");
			org.assertj.core.api.Assertions.assertThat(MAIN.containPackage(name)).as(name).isTrue();
		}
	}

}
