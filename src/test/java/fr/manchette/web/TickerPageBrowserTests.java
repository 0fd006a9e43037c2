package fr.manchette.web;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;

import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import fr.manchette.config.CurrentFeeds;
import fr.manchette.config.Source;
import fr.manchette.pipeline.IngestRun;
import fr.manchette.support.Chromium;
import fr.manchette.support.Sites;
import fr.manchette.support.TestService;
import fr.manchette.web.NewsFeed.Story;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriverException;
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

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The ticker page in a real browser (headless Chromium): what a reader sees, filters, searches, and a story polled
 * while the page is open arriving without a reload, in view or in the background. Screenshots go to
 * {@code target/screenshots/}.
 */
@ExtendWith(Chromium.Required.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
		"manchette.polling.enabled=false", "manchette.page.refresh=1s", "manchette.page.background-refresh=2s" })
class TickerPageBrowserTests {

	private static final Instant NOW = Instant.now();

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
	}

	@BeforeEach
	void pollAndOpenABrowser() {
		NewsFeed.serveThreeSources(sites, NOW);
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
	void aReaderSeesTheLinesFiltersSearchesAndNewStoriesArriveWithoutAReload() throws Exception {
		this.browser.get(url("/"));

		assertThat(titles()).startsWith("Le Parlement adopte la loi de finances",
				"L’Étoile de Casablanca remporte le derby", NewsFeed.HOSTILE_TITLE);
		WebElement first = lines().get(0);
		// A headline's time reads HH:mm today and dd/MM HH:mm before (its first line): in the first minutes after
		// midnight in Casablanca, this one, 20 minutes old, is yesterday's.
		ZoneId zone = ZoneId.of("Africa/Casablanca");
		ZonedDateTime published = NOW.minusSeconds(20 * 60).atZone(zone);
		boolean today = published.toLocalDate().equals(ZonedDateTime.now(zone).toLocalDate());
		assertThat(first.findElement(By.cssSelector("time")).getText().replace('\n', ' '))
			.isEqualTo(DateTimeFormatter.ofPattern(today ? "HH:mm" : "dd/MM HH:mm").format(published));
		assertThat(first.findElement(By.cssSelector(".source")).getText()).isEqualTo("Le Quotidien");
		assertThat(first.findElement(By.cssSelector(".categorie")).getText()).isEqualTo("politique");
		assertThat(first.findElement(By.cssSelector("a.titre")).getAttribute("href"))
			.isEqualTo("https://quotidien.example/loi.html");
		assertThatExceptionOfType(NoAlertPresentException.class).isThrownBy(() -> this.browser.switchTo().alert());
		Chromium.screenshot(this.browser, "ticker.png");

		// Choosing a category applies it at once (the script submits the form).
		new Select(this.browser.findElement(By.name("category"))).selectByValue("sport");
		waitFor().until((browser) -> titles().equals(
				List.of("L’Étoile de Casablanca remporte le derby", "Ounahi élu joueur de l’année")));
		assertThat(this.browser.getCurrentUrl()).endsWith("/?category=sport");
		// Written by the server, not brought in afterwards by the script as if they were new.
		assertThat(lines()).allSatisfy((line) -> assertThat(line.getAttribute("class")).doesNotContain("nouveau"));

		WebElement search = this.browser.findElement(By.name("q"));
		search.sendKeys("etoile", Keys.ENTER);
		waitFor().until((browser) -> titles().equals(List.of("L’Étoile de Casablanca remporte le derby")));
		assertThat(this.browser.getCurrentUrl()).endsWith("/?category=sport&q=etoile");
		assertThat(this.browser.findElement(By.cssSelector("link[rel=alternate][type='application/atom+xml']"))
			.getAttribute("href")).endsWith("/feed.atom?category=sport&q=etoile");
		Chromium.screenshot(this.browser, "ticker-filtered.png");

		this.browser.findElement(By.linkText("Tout afficher")).click();
		waitFor().until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#fil > li"), 5));
		this.browser.executeScript("window.sansRechargement = true;");

		poll("quotidien", NewsFeed.quotidien(NOW).with(new Story("q4",
				"Dernière minute : le Conseil de gouvernement se réunit jeudi",
				"https://quotidien.example/conseil.html", "", Instant.now())));

		waitFor().until(ExpectedConditions.textToBe(By.cssSelector("#fil > li:first-child .titre"),
				"Dernière minute : le Conseil de gouvernement se réunit jeudi"));
		assertThat(this.browser.executeScript("return window.sansRechargement === true;")).isEqualTo(true);
		assertThat(lines()).hasSize(6);
		assertThat(lines().get(0).getAttribute("class")).contains("nouveau");
		assertThat(lines().get(1).getAttribute("class")).doesNotContain("nouveau");
		// As the page writes it: in the whole window when the page is framed.
		assertThat(lines().get(0).findElement(By.cssSelector("a.titre")).getAttribute("target")).isEqualTo("_top");
		String said = this.browser.findElement(By.id("etat")).getText();
		assertThat(said).startsWith("1 nouvelle dépêche");
		Chromium.screenshot(this.browser, "ticker-new-story.png");
		// The next refreshes bring nothing new: the new line is still marked, and still announced.
		waitFor().until((browser) -> !browser.findElement(By.id("etat")).getText().equals(said));
		assertThat(this.browser.findElement(By.id("etat")).getText()).startsWith("1 nouvelle dépêche · actualisé à");
		assertThat(lines().get(0).getAttribute("class")).contains("nouveau");
	}

	@Test
	void aPageInTheBackgroundCountsTheStoriesItMissedInItsTitleAndShowsThemAtTheTopBackInView() {
		this.browser.get(url("/"));
		String title = this.browser.getTitle();
		waitFor().until(ExpectedConditions.textToBePresentInElementLocated(By.id("etat"), "actualisé à"));

		// A minimised window's page is hidden, as a background tab's is: the page itself must say so.
		this.browser.manage().window().minimize();
		assertThat(this.browser.executeScript("return document.hidden;")).isEqualTo(true);

		NewsFeed quotidien = NewsFeed.quotidien(NOW).with(new Story("q4", "Le Conseil de gouvernement se réunit jeudi",
				"https://quotidien.example/conseil.html", "", Instant.now()));
		poll("quotidien", quotidien);
		waitFor().until((browser) -> browser.getTitle().equals("(1) " + title));
		poll("quotidien", quotidien.with(new Story("q5", "La Banque centrale maintient son taux directeur",
				"https://quotidien.example/taux.html", "", Instant.now())));
		// Counted from the first story missed, not from the last refresh.
		waitFor().until((browser) -> browser.getTitle().equals("(2) " + title));
		assertThat(this.browser.executeScript("return document.hidden;")).isEqualTo(true);

		this.browser.manage().window().setSize(new Dimension(1280, 1000));
		assertThat(this.browser.executeScript("return document.hidden;")).isEqualTo(false);
		waitFor().until((browser) -> browser.getTitle().equals(title));
		assertThat(titles()).startsWith("La Banque centrale maintient son taux directeur",
				"Le Conseil de gouvernement se réunit jeudi", "Le Parlement adopte la loi de finances");
		// Both marked new, though they came in two refreshes: the reader saw neither.
		assertThat(lines().get(0).getAttribute("class")).contains("nouveau");
		assertThat(lines().get(1).getAttribute("class")).contains("nouveau");
		assertThat(lines().get(2).getAttribute("class")).doesNotContain("nouveau");
		assertThat(this.browser.findElement(By.id("etat")).getText())
			.startsWith("2 nouvelles dépêches · actualisé à");
	}

	@Test
	void noOtherSiteCanFrameTheTickerUnlessTheOperatorNamesIt() {
		this.browser.get(OtherSite.framing(sites, "localhost", url("/")));

		assertThat(OtherSite.frameShowsTheTicker(this.browser)).isFalse();
	}

	/** A wide page is laid out as it always was: no « Filtrer » to open, the form and the tabs above the list. */
	@Test
	void aWidePageShowsItsFiltersAndTabsWithoutFolding() {
		this.browser.get(url("/"));

		assertThat(this.browser.findElement(By.cssSelector("details.filtrer > summary")).isDisplayed()).isFalse();
		assertThat(this.browser.findElement(By.name("category")).isDisplayed()).isTrue();
		assertThat(this.browser.findElement(By.name("q")).isDisplayed()).isTrue();
		assertThat(this.browser.findElement(By.linkText("À la une")).isDisplayed()).isTrue();
		// On one line, as before: the form, then the tabs, then the list.
		int form = Chromium.top(this.browser, "#filtres select[name=source]");
		assertThat(Chromium.top(this.browser, "#filtres input[name=q]")).isEqualTo(form);
		assertThat(Chromium.top(this.browser, ".onglets")).isGreaterThan(form);
		assertThat(Chromium.top(this.browser, "#fil > li")).isGreaterThan(Chromium.top(this.browser, ".onglets"));
	}

	@Test
	void pagesFitAPhoneScreen() throws Exception {
		this.browser.manage().window().setSize(new Dimension(390, 844));
		for (String page : List.of("/", "/sources")) {
			this.browser.get(url(page));

			Object overflow = this.browser
				.executeScript("return document.documentElement.scrollWidth - document.documentElement.clientWidth;");

			assertThat(((Number) overflow).intValue()).as(page + " scrolls sideways").isLessThanOrEqualTo(0);
		}
		this.browser.get(url("/"));
		Chromium.screenshot(this.browser, "ticker-phone.png");
		this.browser.get(url("/sources"));
		Chromium.screenshot(this.browser, "sources-phone.png");
		this.browser.manage().window().setSize(new Dimension(1280, 700));
		this.browser.get(url("/sources"));
		Chromium.screenshot(this.browser, "sources.png");
	}

	private void poll(String id, NewsFeed feed) {
		sites.stubFor(WireMock.get("/" + id + "/rss").willReturn(aResponse().withBody(feed.rss())));
		this.ingestRun.run(source(id));
	}

	private Source source(String id) {
		return this.feeds.get().source(id).orElseThrow();
	}

	private List<WebElement> lines() {
		return this.browser.findElements(By.cssSelector("#fil > li"));
	}

	private List<String> titles() {
		return lines().stream().map((line) -> line.findElement(By.cssSelector(".titre")).getText()).toList();
	}

	private WebDriverWait waitFor() {
		// A page being replaced by the next one leaves stale elements behind for a moment; Chrome may say so as an
		// inspector error ("Node with given id does not belong to the document") rather than as a stale element.
		WebDriverWait wait = new WebDriverWait(this.browser, Duration.ofSeconds(30));
		wait.ignoring(StaleElementReferenceException.class);
		wait.ignoring(WebDriverException.class);
		return wait;
	}


	private String url(String path) {
		return "http://localhost:" + this.port + path;
	}


}
