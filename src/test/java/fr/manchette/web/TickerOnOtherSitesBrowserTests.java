package fr.manchette.web;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import fr.manchette.config.CurrentFeeds;
import fr.manchette.pipeline.IngestRun;
import fr.manchette.support.Chromium;
import fr.manchette.support.Sites;
import fr.manchette.support.TestService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The ticker on another site's pages, in a real browser (headless Chromium): a page of another origin reads
 * {@code /api/headlines} from its script, and frames the ticker page, which fits a 300 px column and opens articles
 * in the whole window; a site that {@code manchette.page.frame-ancestors} does not name cannot frame it. The site is
 * WireMock, on {@code localhost}; {@code 127.0.0.1} on the same port is another origin, not named. Screenshots go to
 * {@code target/screenshots/}.
 */
@ExtendWith(Chromium.Required.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "manchette.polling.enabled=false")
class TickerOnOtherSitesBrowserTests {

	@RegisterExtension
	static WireMockExtension sites = Sites.forEachTest();

	@TempDir
	static Path dir;

	@Autowired
	private IngestRun ingestRun;

	@Autowired
	private CurrentFeeds feeds;

	@LocalServerPort
	private int port;

	private ChromeDriver browser;

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) throws IOException {
		TestService.use(registry, dir, NewsFeed.threeSources(sites.getPort(), "Africa/Casablanca"));
		registry.add("manchette.page.frame-ancestors", () -> "http://localhost:" + sites.getPort());
	}

	@BeforeEach
	void pollAndOpenABrowser() {
		NewsFeed.serveThreeSources(sites, Instant.now());
		TestService.pollEverySource(this.ingestRun, this.feeds);
		this.browser = Chromium.start(dir.resolve("chromium-" + System.nanoTime()), 1280, 1000);
	}

	@AfterEach
	void closeTheBrowser() {
		if (this.browser != null) {
			this.browser.quit();
		}
	}

	@Test
	void anotherSitesScriptReadsTheHeadlinesAndRevalidatesThem() {
		this.browser.get(OtherSite.fetching(sites, "http://localhost:" + this.port));

		waitFor().until(ExpectedConditions.textToBe(By.id("revalide"), "304"));
		assertThat(this.browser.findElement(By.id("titre")).getText())
			.isEqualTo("Le Parlement adopte la loi de finances");
		waitFor().until(ExpectedConditions.textToBe(By.id("webhooks"), "refusé"));
	}

	@Test
	void aSiteTheSettingNamesFramesTheTickerInA300PixelColumn() {
		this.browser.get(OtherSite.framing(sites, "localhost", "http://localhost:" + this.port + "/?category=sport"));

		assertThat(OtherSite.frameShowsTheTicker(this.browser)).isTrue();
		assertThat(this.browser.findElements(By.cssSelector("#fil > li .titre")).stream().map(WebElement::getText))
			.containsExactly("L’Étoile de Casablanca remporte le derby", "Ounahi élu joueur de l’année");
		Object overflow = this.browser
			.executeScript("return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
		assertThat(((Number) overflow).intValue()).as("the framed page scrolls sideways").isLessThanOrEqualTo(0);
		// An article, the sources page (which no site may frame) and the feeds open in the whole window.
		assertThat(this.browser.findElements(By.cssSelector("a.titre, a[href='/sources'], footer a")))
			.hasSizeGreaterThan(5)
			.allSatisfy((link) -> assertThat(link.getAttribute("target")).as(link.getAttribute("href")).isEqualTo("_top"));
		this.browser.findElement(By.cssSelector("a[href='/sources']")).click();
		this.browser.switchTo().defaultContent();
		waitFor().until(ExpectedConditions.urlToBe("http://localhost:" + this.port + "/sources"));
		this.browser.navigate().back();
		assertThat(OtherSite.frameShowsTheTicker(this.browser)).isTrue();
		this.browser.switchTo().defaultContent();
		Chromium.screenshot(this.browser, "ticker-framed.png");
	}

	/**
	 * In a 300 px column the headlines come first: the filters and the tabs fold behind « Filtrer », which the
	 * keyboard opens, and which still filters; open once a filter narrows the list.
	 */
	@Test
	void aFramedTickerShowsItsHeadlinesFirstAndItsFiltersBehindOneSummary() {
		this.browser.get(OtherSite.framing(sites, "localhost", "http://localhost:" + this.port + "/"));
		assertThat(OtherSite.frameShowsTheTicker(this.browser)).isTrue();

		assertThat(Chromium.top(this.browser, "#fil > li")).as("the first headline's top").isLessThanOrEqualTo(120);
		assertThat(this.browser.findElement(By.name("category")).isDisplayed()).isFalse();
		assertThat(this.browser.findElement(By.cssSelector(".onglets a[href='/?order=une']")).isDisplayed()).isFalse();
		this.browser.switchTo().defaultContent();
		Chromium.screenshot(this.browser, "ticker-framed-folded.png");
		this.browser.switchTo().frame(this.browser.findElement(By.id("fil")));

		WebElement filtrer = this.browser.findElement(By.cssSelector("details.filtrer > summary"));
		assertThat(filtrer.getText()).isEqualTo("Filtrer");
		filtrer.sendKeys(Keys.ENTER);
		assertThat(this.browser.findElement(By.cssSelector(".onglets a[href='/?order=une']")).isDisplayed()).isTrue();
		new Select(this.browser.findElement(By.name("category"))).selectByValue("sport");

		waitFor().until((browser) -> titles().equals(
				List.of("L’Étoile de Casablanca remporte le derby", "Ounahi élu joueur de l’année")));
		assertThat(this.browser.findElement(By.cssSelector("details.filtrer")).getAttribute("open")).isNotNull();
		assertThat(new Select(this.browser.findElement(By.name("category"))).getFirstSelectedOption().getText())
			.isEqualTo("sport");
		Object overflow = this.browser
			.executeScript("return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
		assertThat(((Number) overflow).intValue()).as("the framed page scrolls sideways").isLessThanOrEqualTo(0);
		this.browser.switchTo().defaultContent();
		Chromium.screenshot(this.browser, "ticker-framed-filtered.png");
	}

	@Test
	void aSiteTheSettingDoesNotNameCannotFrameTheTicker() {
		this.browser.get(OtherSite.framing(sites, "127.0.0.1", "http://localhost:" + this.port + "/"));

		assertThat(OtherSite.frameShowsTheTicker(this.browser)).isFalse();
	}

	private WebDriverWait waitFor() {
		WebDriverWait wait = new WebDriverWait(this.browser, Duration.ofSeconds(30));
		// The frame's page being replaced by the next one leaves stale elements behind for a moment.
		wait.ignoring(StaleElementReferenceException.class);
		return wait;
	}

	private List<String> titles() {
		return this.browser.findElements(By.cssSelector("#fil > li .titre")).stream().map(WebElement::getText).toList();
	}


}
