package org.sanctionsgraph.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
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
		browser.manage().logs().get(LogType.PERFORMANCE);
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
	void theFrontEndShowsTheBelarusTimelineWithTheCountermeasuresLinkedToTheSectoralSanctions() throws IOException {
		browser.get(base() + "/#/party/BY");
		WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
		wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("figure.chart svg g.entry")));
		String sectoral = GlobalId.encode("Measure", "m-eu-sectoral-2021");
		for (String countermeasure : List.of("cm-envoy-recall", "cm-eu-officials-travel-ban", "cm-eap-suspension")) {
			String id = GlobalId.encode("Measure", countermeasure);
			assertThat(browser.findElements(By.cssSelector("g.entry.Countermeasure[data-id='" + id + "']"))).hasSize(1);
			assertThat(browser
				.findElements(By.cssSelector("line.link[data-from='" + sectoral + "'][data-to='" + id + "']")))
				.hasSize(1);
		}
		assertThat(browser.findElement(By.id("timeline-list")).getText()).contains(
				"Belarus suspends its participation in the Eastern Partnership — follows from: EU sectoral sanctions on Belarus");
		assertThat(browser.findElement(By.tagName("main")).getText()).contains("Eastern Partnership")
			.contains("SUSPENDED from 2021-06-28");
		screenshot("front-end-belarus");
		browser.manage().window().setSize(new org.openqa.selenium.Dimension(390, 844));
		assertThat(browser.findElement(By.id("search-input")).isDisplayed()).isTrue();
		screenshot("front-end-phone");
		browser.manage().window().setSize(new org.openqa.selenium.Dimension(1280, 1000));
		assertEveryRequestStayedHere();
		assertNoContentSecurityViolations();
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

	private String base() {
		return "http://127.0.0.1:" + this.port;
	}

	/** Every request the page made, from the browser's network log, went to this app. */
	private void assertEveryRequestStayedHere() {
		List<String> urls = new ArrayList<>();
		JsonMapper json = JsonMapper.builder().build();
		for (LogEntry entry : browser.manage().logs().get(LogType.PERFORMANCE)) {
			JsonNode message = json.readTree(entry.getMessage()).path("message");
			if ("Network.requestWillBeSent".equals(message.path("method").asString())) {
				urls.add(message.path("params").path("request").path("url").asString());
			}
		}
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

	private static void screenshot(String name) throws IOException {
		Path shot = browser.getScreenshotAs(OutputType.FILE).toPath();
		Files.copy(shot, SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
	}

}
