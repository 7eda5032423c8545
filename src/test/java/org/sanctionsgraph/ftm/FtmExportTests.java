package org.sanctionsgraph.ftm;

import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPInputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sanctionsgraph.ApiTest;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * {@code GET /export/ftm} on the import tests' context (the seed story and what the
 * import tests added), checked line by line against the FollowTheMoney model by Node.js.
 */
@FtmApiTest
class FtmExportTests {

	private static final Path TOOL = Path.of(".ci/ftm-tool");

	@LocalServerPort
	int port;

	private final String run = UUID.randomUUID().toString().substring(0, 8);

	private void importFixture() throws Exception {
		importFixture("import.ndjson");
	}

	private void importFixture(String name) throws Exception {
		HttpResponse<String> response = FtmHttp.post(this.port,
				FtmHttp.fixture(name, this.run).getBytes(StandardCharsets.UTF_8), "Authorization",
				"Bearer " + ApiTest.ADMIN_SECRET, "Content-Type", "application/x-ndjson");
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
	}

	private List<String> export(String query) throws Exception {
		HttpResponse<byte[]> response = FtmHttp.get(this.port, "/export/ftm" + query);
		assertThat(response.statusCode()).as(new String(response.body(), StandardCharsets.UTF_8)).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Type"))
			.hasValueSatisfying(type -> assertThat(type).startsWith("application/x-ndjson"));
		return new String(response.body(), StandardCharsets.UTF_8).lines().toList();
	}

	@Test
	void anImportedPersonIsExportedWithWhatItWasImportedWith() throws Exception {
		importFixture();
		String line = export("?country=by&schema=Person").stream()
			.filter(text -> text.contains("\"t-" + this.run + "-person\""))
			.findFirst()
			.orElseThrow();
		Map<String, Object> entity = FtmHttp.json(line);
		assertThat(entity).containsEntry("schema", "Person").containsEntry("datasets", List.of("fixture"));
		assertThat((Map<String, Object>) entity.get("properties"))
			.containsEntry("name", List.of("Ivan Zyablikov " + this.run))
			.containsEntry("alias", List.of("Иван Зябликов"))
			.containsEntry("firstName", List.of("Ivan"))
			.containsEntry("lastName", List.of("Zyablikov"))
			.containsEntry("birthDate", List.of("1961-08-12"))
			.containsEntry("nationality", List.of("by", "zz"))
			.containsEntry("topics", List.of("sanction"))
			.containsEntry("addressEntity", List.of("t-" + this.run + "-address"))
			.hasSize(8);
		String ownership = export("?schema=Ownership").stream()
			.filter(text -> text.contains("\"t-" + this.run + "-ownership\""))
			.findFirst()
			.orElseThrow();
		assertThat((Map<String, Object>) FtmHttp.json(ownership).get("properties"))
			.containsEntry("owner", List.of("t-" + this.run + "-person"))
			.containsEntry("asset", List.of("t-" + this.run + "-company"))
			.containsEntry("percentage", List.of("51"))
			.containsEntry("sourceUrl", List.of("https://example.org/register"))
			.hasSize(4);
	}

	@Test
	void theFiltersSelectBySchemaAndCountryAndGzipIsOffered() throws Exception {
		importFixture();
		List<String> addresses = export("?schema=Address");
		assertThat(addresses).isNotEmpty().allSatisfy(line -> assertThat(line).contains("\"schema\":\"Address\""));
		assertThat(addresses).anySatisfy(line -> assertThat(line).contains("\"t-" + this.run + "-address\""));
		// a person of Belarus is not a person of Ukraine
		assertThat(export("?country=ua&schema=Person"))
			.noneSatisfy(line -> assertThat(line).contains("\"t-" + this.run + "-person\""));

		HttpResponse<byte[]> zipped = FtmHttp.get(this.port, "/export/ftm?schema=Company", "Accept-Encoding", "gzip");
		assertThat(zipped.headers().firstValue("Content-Encoding")).hasValue("gzip");
		String text = new String(new GZIPInputStream(new ByteArrayInputStream(zipped.body())).readAllBytes(),
				StandardCharsets.UTF_8);
		assertThat(text.lines()).anySatisfy(line -> assertThat(line).contains("\"t-" + this.run + "-company\""));

		HttpResponse<byte[]> bad = FtmHttp.get(this.port, "/export/ftm?since=yesterday");
		assertThat(bad.statusCode()).isEqualTo(400);
		assertThat(new String(bad.body(), StandardCharsets.UTF_8)).contains("'since'");
		assertThat(FtmHttp.get(this.port, "/export/ftm?schema=Vessel").statusCode()).isEqualTo(400);
	}

	@Test
	void theExportCountsWhatNoFtmSchemaCarries() throws Exception {
		importFixture("sanctions.ndjson");
		HttpResponse<byte[]> response = FtmHttp.get(this.port, "/export/ftm?schema=Sanction");
		// the seed story: 16 measures, 3 of them countermeasures answering one measure
		// each, one sanction with a designation (of a person), 10 events, 3 memberships;
		// the measures an import makes all have designations
		assertThat(response.headers().firstValue("X-FtM-Not-Carried")).hasValue(
				"countermeasures=3, respondsTo=3, sanctionsWithoutDesignations=12, partyDesignations=0, events=10, memberships=3");
	}

	@Test
	void everyExportedLineFitsTheFollowTheMoneyModel(@TempDir Path dir) throws Exception {
		assumeTrue(Files.exists(TOOL.resolve("node_modules/@alephdata/followthemoney/dist/defaultModel.json")),
				"the FtM model is not installed: run .ci/ftm-check (needs Node.js and npm) to check exports with it");
		importFixture();
		importFixture("sanctions.ndjson");
		Path file = dir.resolve("export.ndjson");
		Files.write(file, FtmHttp.get(this.port, "/export/ftm").body());
		Process node;
		try {
			node = new ProcessBuilder("node", TOOL.resolve("check.mjs").toString(), file.toString())
				.redirectErrorStream(true)
				.start();
		}
		catch (java.io.IOException ex) {
			assumeTrue(false, "node is not on the PATH: the FtM model check is skipped");
			return;
		}
		assertThat(node.waitFor(120, TimeUnit.SECONDS)).isTrue();
		String output = new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(node.exitValue()).as(output).isZero();
		assertThat(output).contains("lines valid against the FtM model")
			.contains("\"Person\"", "\"Sanction\"", "\"Occupancy\"", "\"Position\"", "\"Passport\"",
					"\"Identification\"", "\"Family\"", "\"Address\"");
	}

}
