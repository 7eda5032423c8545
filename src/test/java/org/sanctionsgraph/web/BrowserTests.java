package org.sanctionsgraph.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import java.util.logging.Level;

import org.assertj.core.data.Offset;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.sanctionsgraph.ApiTest;
import org.sanctionsgraph.TestDataDirectory;
import org.sanctionsgraph.graphql.GlobalId;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The console and the front-end in a real browser: Debian's Chromium driven headless
 * through its chromedriver, with every request the page makes recorded to prove none
 * leaves this machine. Each test saves a screenshot under target/screenshots. Skipped,
 * with a message saying so, only where Chromium is not installed (.ci/run installs it).
 */
@ApiTest
class BrowserTests {

	private static final Path CHROMIUM = Path.of("/usr/bin/chromium");

	private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

	private static final Path SCREENSHOTS = Path.of("target", "screenshots");

	/** axe-core as .ci/axe/install puts it. */
	private static final Path AXE = Path.of(".ci", "axe", "node_modules", "axe-core", "axe.min.js");

	/** Script giving the time span the timeline's x-axis shows now. */
	private static final String AXIS_RANGE = "var chart = echarts.getInstanceByDom(document.getElementById('timeline-chart'));"
			+ "var extent = chart.getModel().getComponent('xAxis', 0).axis.scale.getExtent(); return [extent[0], extent[1]];";

	private static ChromeDriver browser;

	private static Path profile;

	@LocalServerPort
	int port;

	@BeforeAll
	static void startBrowser() throws IOException {
		Assumptions.assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
				"Chromium is not installed here (apt-get install chromium chromium-driver); browser tests skipped");
		ChromeOptions options = new ChromeOptions();
		options.setBinary(CHROMIUM.toFile());
		options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
				"--disable-background-networking", "--disable-component-update", "--disable-sync",
				"--disable-dev-shm-usage", "--window-size=1280,1000",
				"--user-data-dir=" + (profile = Files.createTempDirectory("chromium-profile")));
		LoggingPreferences logs = new LoggingPreferences();
		logs.enable(LogType.PERFORMANCE, Level.ALL);
		logs.enable(LogType.BROWSER, Level.ALL);
		options.setCapability("goog:loggingPrefs", logs);
		ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
			.usingAnyFreePort()
			.build();
		browser = new ChromeDriver(service, options);
		Files.createDirectories(SCREENSHOTS);
	}

	@AfterAll
	static void stopBrowser() {
		if (browser != null) {
			browser.quit();
		}
		if (profile != null) {
			TestDataDirectory.delete(profile);
		}
	}

	@BeforeEach
	void forgetEarlierRequests() {
		// each test loads its page afresh, not as a change of the address's fragment
		browser.get("about:blank");
		desktop();
		browser.manage().logs().get(LogType.PERFORMANCE);
		browser.manage().logs().get(LogType.BROWSER);
	}

	@Test
	void theConsoleLoadsFromThisMachineAndRunsTheExampleQuery() throws IOException {
		browser.get(base() + "/graphiql");
		WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
		WebElement run = wait
			.until(ExpectedConditions.elementToBeClickable(By.cssSelector(".graphiql-execute-button")));
		run.click();
		wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".graphiql-response"),
				"Belarus suspends its participation in the Eastern Partnership"));
		// the response pane renders the lines in view: the first countermeasure and what
		// it answers
		String response = browser.findElement(By.cssSelector(".graphiql-response")).getText();
		assertThat(response).contains("\"respondsTo\"")
			.contains("EU sectoral sanctions on Belarus")
			.contains("European Union");
		assertThat(browser.findElement(By.id("api-key")).getAttribute("type")).isEqualTo("password");
		screenshot("graphiql");
		assertEveryRequestStayedHere();
		assertNoContentSecurityViolations();
	}

	@Test
	void theFrontEndShowsTheBelarusTimelineToScaleWithTheCountermeasuresLinkedToWhatTheyAnswer() throws IOException {
		desktop();
		browser.get(base() + "/#/party/BY");
		WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
		wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#timeline-chart canvas")));
		String sectoral = GlobalId.encode("Measure", "m-eu-sectoral-2021");
		// the chart's own data, as ECharts holds it: a time axis, one bar per dated entry
		// at
		// its date, and a curve from the sectoral sanctions to each countermeasure
		Map<String, Object> chart = chartOf("timeline-chart");
		assertThat(chart.get("xAxisType")).isEqualTo("time");
		@SuppressWarnings("unchecked")
		Map<String, Object> starts = (Map<String, Object>) chart.get("starts");
		@SuppressWarnings("unchecked")
		List<String> links = (List<String>) chart.get("answers");
		long june28 = LocalDate.of(2021, 6, 28).atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
		long election = LocalDate.of(2020, 8, 9).atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
		assertThat(((Number) starts.get(GlobalId.encode("Event", "ev-election-2020"))).longValue()).isEqualTo(election);
		for (String countermeasure : List.of("cm-envoy-recall", "cm-eu-officials-travel-ban", "cm-eap-suspension")) {
			String id = GlobalId.encode("Measure", countermeasure);
			assertThat(((Number) starts.get(id)).longValue()).isEqualTo(june28);
			assertThat(links).contains(sectoral + " -> " + id);
		}
		// the undated measure is listed apart, not on the axis
		String undated = GlobalId.encode("Measure", "m-others-post-election-2020");
		assertThat(starts).doesNotContainKey(undated);
		assertThat(browser.findElement(By.id("undated")).getText())
			.contains("Other countries' sanctions on Belarusian entities and Lukashenka's inner circle");
		// dates as far as they are known: to the day, and to the month for the crackdown
		String list = browser.findElement(By.id("timeline-list")).getDomProperty("textContent");
		assertThat(list).contains(
				"Belarus suspends its participation in the Eastern Partnership — answers EU sectoral sanctions on Belarus")
			.contains("August 2020 Crackdown on dissent in Belarus")
			.contains("9 August 2020 Belarusian presidential election of 2020");
		assertThat(browser.findElement(By.tagName("main")).getText()).contains("Eastern Partnership")
			.contains("SUSPENDED from 28 June 2021")
			.contains("since 28 June 2021")
			.doesNotContain("2021-06-28")
			.doesNotContain("2020-08-01");
		screenshot("front-end-belarus");
		assertEveryRequestStayedHere();
		assertNoContentSecurityViolations();
	}

	@Test
	void theTimelineZoomsAndPansOnItsTimeAxis() {
		desktop();
		browser.get(base() + "/#/party/BY");
		new WebDriverWait(browser, Duration.ofSeconds(30))
			.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#timeline-chart canvas")));
		long[] shown = axisRange();
		long quarter = (shown[1] - shown[0]) / 4;
		// a zoom, as the wheel or the slider sends it: the middle half of what was shown
		zoomTo(shown[0] + quarter, shown[1] - quarter);
		long[] zoomed = axisRange();
		assertThat(zoomed[1] - zoomed[0]).isCloseTo(2 * quarter, Offset.offset(2 * 86_400_000L));
		// a pan: the same span, a quarter later
		zoomTo(zoomed[0] + quarter, zoomed[1] + quarter);
		long[] panned = axisRange();
		assertThat(panned[0] - zoomed[0]).isCloseTo(quarter, Offset.offset(2 * 86_400_000L));
		assertThat(panned[1] - panned[0]).isCloseTo(zoomed[1] - zoomed[0], Offset.offset(2 * 86_400_000L));
		// the slider and the wheel are both there to do it by hand
		assertThat(browser.executeScript("return echarts.getInstanceByDom(document.getElementById('timeline-chart'))"
				+ ".getOption().dataZoom.map(function (z) { return z.type; }).sort().join(',');"))
			.isEqualTo("inside,slider");
	}

	/**
	 * Every page at desktop and phone width: no wider than the window, and its main
	 * content there, from the seed story.
	 */
	@ParameterizedTest(name = "{0} at {1} px")
	@MethodSource("pagesAndWidths")
	void everyPageFitsTheWindowAndShowsItsContent(Page page, int width) throws IOException {
		open(page, width);
		Map<?, ?> widths = (Map<?, ?>) browser.executeScript("return { scroll: document.documentElement.scrollWidth,"
				+ " client: document.documentElement.clientWidth, inner: window.innerWidth };");
		assertThat(((Number) widths.get("inner")).intValue()).isEqualTo(width);
		assertThat(((Number) widths.get("scroll")).intValue()).as("page width")
			.isLessThanOrEqualTo(((Number) widths.get("inner")).intValue())
			.isLessThanOrEqualTo(((Number) widths.get("client")).intValue());
		String text = browser.findElement(By.tagName("main")).getText();
		assertThat(text).contains(page.expected());
		fullPageScreenshot("page-" + page.name() + "-" + width);
		assertEveryRequestStayedHere();
		assertNoContentSecurityViolations();
	}

	/**
	 * axe-core finds no serious or critical accessibility violation on any page at either
	 * width. axe-core comes from .ci/axe (installed by .ci/axe/install from its lock
	 * file), never from the network while the tests run.
	 */
	@ParameterizedTest(name = "{0} at {1} px")
	@MethodSource("pagesAndWidths")
	void everyPageHasNoSeriousOrCriticalAccessibilityViolation(Page page, int width) throws IOException {
		Assumptions.assumeTrue(Files.isReadable(AXE),
				"axe-core is not installed (run .ci/axe/install); accessibility check skipped");
		open(page, width);
		browser.executeScript(Files.readString(AXE));
		browser.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
		Object violations = browser.executeAsyncScript("var done = arguments[arguments.length - 1];"
				+ "axe.run(document, { resultTypes: ['violations'] }).then(function (result) {"
				+ "  done(result.violations.filter(function (v) { return v.impact === 'serious' || v.impact === 'critical'; })"
				+ "    .map(function (v) { return v.impact + ' ' + v.id + ': ' + v.help + ' at '"
				+ "      + v.nodes.map(function (n) { return n.target.join(' '); }).join(', '); }));"
				+ "}, function (error) { done(['axe failed: ' + error]); });");
		assertThat((List<?>) violations).isEmpty();
	}

	@Test
	void theCountryPageShowsNewMeasuresAsTheyAreRecorded() throws Exception {
		browser.get(base() + "/#/party/IS");
		WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(45));
		// the server starts its answer with the first change or heartbeat (every 15 s),
		// and
		// holds the subscription by then
		wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#live.listening")));
		String title = "Icelandic fisheries sanction seen live " + UUID.randomUUID();
		JsonNode written = post(Map.of("query",
				"mutation Live($title: String!) { recordSanction(input: { fields: { title: $title, imposedBy: [\"IS\"],"
						+ " targets: [{ kind: SECTOR, description: \"Fisheries\", country: \"IS\" }], announced: \"2026-11\" } })"
						+ " { measure { id } userErrors { message } } }",
				"variables", Map.of("title", title)));
		assertThat(written.path("data").path("recordSanction").path("userErrors").size()).isZero();
		wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("live-list"), title));
		assertThat(browser.findElement(By.id("live-list")).getText()).contains("recorded")
			.contains("Iceland")
			.contains("since November 2026");
		screenshot("front-end-live");
	}

	/** A GraphQL request as the bootstrap admin. */
	private JsonNode post(Map<String, Object> body) throws IOException, InterruptedException {
		JsonMapper json = JsonMapper.builder().build();
		HttpRequest request = HttpRequest.newBuilder(URI.create(base() + "/graphql"))
			.header("Content-Type", "application/json")
			.header("Authorization", "Bearer " + ApiTest.ADMIN_SECRET)
			.POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)))
			.build();
		return json.readTree(HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString()).body());
	}

	@Test
	void theFrontEndLoadsNoGraphiqlAndTheFaviconIsServed() {
		desktop();
		browser.get(base() + "/");
		new WebDriverWait(browser, Duration.ofSeconds(30))
			.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#latest-measures li")));
		List<String> urls = requestedUrls();
		assertThat(urls).noneMatch(url -> url.contains("graphiql") || url.contains("/react"));
		assertThat(urls).anyMatch(url -> url.endsWith("/js/core.js"));
		Object status = browser.executeAsyncScript("var done = arguments[arguments.length - 1];"
				+ "fetch('/favicon.ico').then(function (r) { done(r.status + ' ' + r.headers.get('Content-Type')); });");
		assertThat(status.toString()).startsWith("200 image/");
	}

	@Test
	void searchFindsLukashenkoAndOpensHisPage() throws IOException {
		browser.get(base() + "/");
		WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
		WebElement input = wait.until(ExpectedConditions.elementToBeClickable(By.id("search-input")));
		input.sendKeys("Lukashenko");
		input.submit();
		WebElement first = wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("#search-results li a")));
		assertThat(first.getText()).isEqualTo("Alyaksandr Lukashenka");
		first.click();
		wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "Alyaksandr Lukashenka"));
		assertThat(browser.findElement(By.tagName("main")).getText()).contains("Лукашэнка")
			.contains("President of Belarus");
		screenshot("front-end-search");
		assertEveryRequestStayedHere();
	}

	/**
	 * A page of the front-end: where it is, what shows it has drawn, and text it must
	 * show.
	 */
	record Page(String name, String path, List<String> ready, List<String> expected) {

		@Override
		public String toString() {
			return this.name;
		}

	}

	static Stream<Arguments> pagesAndWidths() {
		// sections a page loads on its own say when they are done (data-loaded)
		List<String> listsLoaded = List.of("#designations[data-loaded]", "#ties[data-loaded]",
				"#identifiers[data-loaded]");
		List<Page> pages = List.of(
				new Page("landing", "/", List.of(".year-chart canvas"),
						List.of("Latest measures", "Belarus suspends its participation in the Eastern Partnership",
								"Who imposes the most", "European Union", "Countries targeted most", "Belarus")),
				new Page("country", "/#/party/BY", List.of("#timeline-chart canvas", "#officials[data-loaded]"),
						List.of("Belarus (BY)", "Belarus recalls its representative to the EU",
								"Belarus bans unspecified EU officials from entering", "Measures aimed at Belarus",
								"EU sectoral sanctions on Belarus", "Officials today", "Alyaksandr Lukashenka",
								"President of Belarus, since 20 July 1994", "Live")),
				new Page("person", "/#/record/" + GlobalId.encode("Person", "lukashenka"), listsLoaded, List.of(
						"Alyaksandr Lukashenka", "President of Belarus", "Лукашэнка",
						"EU listings over the Belarusian election, second round: Lukashenka and his inner circle",
						"Under sanctions today.", "6 November 2020",
						"Listed in the EU's second round of listings over the election and the crackdown.",
						"No ties recorded.")),
				new Page("person-with-ties", "/#/record/" + GlobalId.encode("Person", "pratasevich"), listsLoaded,
						List.of("Raman Pratasevich", "associate: girlfriend", "Sofia Sapega")),
				new Page("organisation", "/#/record/" + GlobalId.encode("Organization", "ryanair"), listsLoaded,
						List.of("Ryanair", "Ireland", "FR4978", "Not listed under any measure recorded here.",
								"No ties recorded.")),
				new Page("measure", "/#/record/" + GlobalId.encode("Measure", "cm-eap-suspension"),
						List.of("#answered-by"),
						List.of("Belarus suspends its participation in the Eastern Partnership", "since 28 June 2021",
								"Answers", "EU sectoral sanctions on Belarus")),
				new Page("event", "/#/record/" + GlobalId.encode("Event", "ev-flight-diversion"), List.of(".facts"),
						List.of("Forced landing of a Ryanair flight in Minsk", "23 May 2021",
								"EU listings after the forced landing of the Ryanair flight")));
		return pages.stream().flatMap(page -> Stream.of(Arguments.of(page, 1280), Arguments.of(page, 390)));
	}

	/** The window as a desktop browser's: 1280 px wide. */
	private static void desktop() {
		viewport(1280, 1000, false);
	}

	/** The window as a phone's (390 px wide, as an iPhone 12 to 15) or a desktop's. */
	private static void viewport(int width, int height, boolean mobile) {
		browser.executeCdpCommand("Emulation.setDeviceMetricsOverride",
				Map.of("width", width, "height", height, "deviceScaleFactor", 1, "mobile", mobile));
	}

	/**
	 * Opens a page at a width (a fresh load) and waits until it has drawn its content.
	 */
	private void open(Page page, int width) {
		viewport(width, width < 600 ? 844 : 1000, width < 600);
		browser.get(base() + page.path());
		WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
		page.ready().forEach(ready -> wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(ready))));
	}

	/** The time span the timeline's x-axis shows now, in ms since the epoch. */
	private static long[] axisRange() {
		List<?> extent = (List<?>) browser.executeScript(AXIS_RANGE);
		return new long[] { ((Number) extent.get(0)).longValue(), ((Number) extent.get(1)).longValue() };
	}

	private static void zoomTo(long start, long end) {
		browser.executeScript(
				"echarts.getInstanceByDom(document.getElementById('timeline-chart'))"
						+ ".dispatchAction({ type: 'dataZoom', startValue: arguments[0], endValue: arguments[1] });",
				start, end);
	}

	/**
	 * What the ECharts instance in an element holds: its axis type, bar starts and answer
	 * links.
	 */
	@SuppressWarnings("unchecked")
	private static Map<String, Object> chartOf(String id) {
		return (Map<String, Object>) browser.executeScript("var option = echarts.getInstanceByDom("
				+ "document.getElementById(arguments[0])).getOption(); var starts = {};"
				+ "option.series[0].data.forEach(function (d) { starts[d.id] = d.value[0]; });"
				+ "return { xAxisType: option.xAxis[0].type, starts: starts, answers: option.series[1].data"
				+ "  .filter(function (l) { return l.answers; }).map(function (l) { return l.from + ' -> ' + l.to; }) };",
				id);
	}

	private String base() {
		return "http://127.0.0.1:" + this.port;
	}

	/** The URLs the browser requested since the last call, from its network log. */
	private static List<String> requestedUrls() {
		List<String> urls = new ArrayList<>();
		JsonMapper json = JsonMapper.builder().build();
		for (LogEntry entry : browser.manage().logs().get(LogType.PERFORMANCE)) {
			JsonNode message = json.readTree(entry.getMessage()).path("message");
			if ("Network.requestWillBeSent".equals(message.path("method").asString())) {
				urls.add(message.path("params").path("request").path("url").asString());
			}
		}
		return urls;
	}

	/** Every request the page made, from the browser's network log, went to this app. */
	private void assertEveryRequestStayedHere() {
		List<String> urls = requestedUrls();
		// chrome:// resources are the browser's own (its start page, loaded while it
		// starts up under
		// load); they never reach the network
		assertThat(urls).isNotEmpty()
			.anySatisfy(url -> assertThat(url).startsWith(base() + "/"))
			.allSatisfy(url -> assertThat(url)
				.matches("(" + java.util.regex.Pattern.quote(base()) + "/.*|data:.*|blob:.*|chrome://[a-z0-9-]+/.*)"));
	}

	private void assertNoContentSecurityViolations() {
		List<String> violations = browser.manage()
			.logs()
			.get(LogType.BROWSER)
			.getAll()
			.stream()
			.map(LogEntry::getMessage)
			.filter(message -> message.contains("Content Security Policy"))
			.toList();
		assertThat(violations).isEmpty();
	}

	/**
	 * The whole page, not only what the window shows, as Chromium's DevTools capture it.
	 */
	@SuppressWarnings("unchecked")
	private static void fullPageScreenshot(String name) throws IOException {
		Map<String, Object> metrics = browser.executeCdpCommand("Page.getLayoutMetrics", Map.of());
		Map<String, Object> size = (Map<String, Object>) metrics.get("cssContentSize");
		double width = Math.max(((Number) size.get("width")).doubleValue(),
				((Number) browser.executeScript("return window.innerWidth;")).doubleValue());
		Map<String, Object> clip = Map.of("x", 0, "y", 0, "width", width, "height",
				((Number) size.get("height")).doubleValue(), "scale", 1);
		Map<String, Object> shot = browser.executeCdpCommand("Page.captureScreenshot",
				Map.of("format", "png", "captureBeyondViewport", true, "clip", clip));
		Files.write(SCREENSHOTS.resolve(name + ".png"), Base64.getDecoder().decode((String) shot.get("data")));
	}

	private static void screenshot(String name) throws IOException {
		Path shot = browser.getScreenshotAs(OutputType.FILE).toPath();
		Files.copy(shot, SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
	}

}
