package org.sanctionsgraph.ftm;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Imports {@code sanctions.import.ftm} at start-up, after the seed, generated data and
 * the search index are in place and before the app accepts requests (readiness waits for
 * every runner). With {@code sanctions.import.exit-after} the app then stops, with exit
 * status 1 when a line was rejected.
 */
@Component
@Order(4)
class FtmStartupImport implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(FtmStartupImport.class);

	private final FtmImporter importer;

	private final ImportProperties properties;

	private final ConfigurableApplicationContext context;

	FtmStartupImport(FtmImporter importer, ImportProperties properties, ConfigurableApplicationContext context) {
		this.importer = importer;
		this.properties = properties;
		this.context = context;
	}

	@Override
	public void run(ApplicationArguments args) throws Exception {
		if (this.properties.ftm() == null) {
			return;
		}
		log.info("Importing FtM entities from {}", this.properties.ftm().toAbsolutePath());
		ImportSummary.Report report = this.importer.importFile(this.properties.ftm());
		report.rejected()
			.forEach(rejection -> log.warn("FtM import: line {} (id {}) rejected: {}", rejection.line(), rejection.id(),
					rejection.reason()));
		if (this.properties.exitAfter()) {
			int status = report.rejectedCount() == 0 ? 0 : 1;
			log.info("FtM import finished; exiting with status {} (sanctions.import.exit-after)", status);
			System.exit(SpringApplication.exit(this.context, () -> status));
		}
	}

}
