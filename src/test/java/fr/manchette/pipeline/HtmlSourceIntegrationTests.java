package fr.manchette.pipeline;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.SyndFeedInput;
import com.rometools.rome.io.XmlReader;
import fr.manchette.config.CurrentFeeds;
import fr.manchette.store.PollOutcome;
import fr.manchette.support.FeedsYml;
import fr.manchette.support.Sites;
import fr.manchette.support.TestService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole service with a {@code type: html} source next to a feed: a ticker page and Hespress FR's RSS both tell
 * the Ounahi story (same article, different tracking parameters), which every output lists once; a second ticker
 * whose site was redesigned shows its selector error on {@code /api/sources} and keeps its items. Scheduler off:
 * each source is polled once (twice for the redesign) through {@link IngestRun}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "manchette.polling.enabled=false")
class HtmlSourceIntegrationTests {

	private static final Instant NOW = Instant.now();

	private static final ZoneId CASABLANCA = ZoneId.of("Africa/Casablanca");

	private static final String OUNAHI = "https://fr.hespress.com/sport/ounahi-joueur-annee.html";

	@RegisterExtension
	static WireMockExtension sources = Sites.forTheClass();

	@TempDir
	static Path dir;

	@LocalServerPort
	private int port;

	@Autowired
	private IngestRun ingestRun;

	@Autowired
	private CurrentFeeds feeds;

	private final HttpClient http = HttpClient.newHttpClient();

	private final JsonMapper json = JsonMapper.builder().build();

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) throws IOException {
		String base = "http://localhost:" + sources.getPort();
		String select = """
				select:
				  item: ul.fil-info > li
				  title: a
				  time: span.heure
				""";
		TestService.use(registry, dir, FeedsYml.inZone("Africa/Casablanca").settings("poll:\n  timeout: 5s")
			.source("hespress-fr", "Hespress FR", base + "/hespress/feed", "category: actualite")
			.source("fil-info", "Le Fil", base + "/fil/fil-info", "category: actualite", "type: html", select)
			.source("fil-refait", "Le Fil refait", base + "/refait/fil-info", "type: html", select));
	}

	/** Once for the class; not in a @BeforeAll, which would run before Spring gives this instance its beans. */
	private static boolean polled;

	@BeforeEach
	void pollEverySourceOnce() {
		if (polled) {
			return;
		}
		polled = true;
		sources.stubFor(WireMock.get("/hespress/feed")
			.willReturn(aResponse().withHeader("Content-Type", "application/rss+xml; charset=utf-8")
				.withBody(FixtureFeed.render("hespress-rss2.xml", NOW))));
		sources.stubFor(WireMock.get("/fil/fil-info").willReturn(page("ticker-linking-to-feed-stories.html")));
		sources.stubFor(WireMock.get("/refait/fil-info").willReturn(page("ticker-own-stories.html")));
		for (String id : List.of("hespress-fr", "fil-info", "fil-refait")) {
			assertThat(poll(id).outcome()).as(id).isEqualTo(PollOutcome.OK);
		}
		sources.stubFor(WireMock.get("/refait/fil-info").willReturn(page("fil-info-ticker-redesigned.html")));
		assertThat(poll("fil-refait").outcome()).isEqualTo(PollOutcome.PARSE_ERROR);
	}

	@Test
	void storyToldByTheTickerAndTheFeedIsListedOnceInTheAtomFeed() throws Exception {
		SyndFeed feed = new SyndFeedInput().build(new XmlReader(new ByteArrayInputStream(bytes("/feed.atom"))));

		assertThat(feed.getEntries()).extracting(SyndEntry::getLink).containsOnlyOnce(OUNAHI);
		assertThat(feed.getEntries()).extracting(SyndEntry::getTitle)
			.containsOnlyOnce("Azzedine Ounahi sacré joueur de l’année au Panathinaïkos après une saison étincelante")
			.contains("Le tramway de Rabat prolongé jusqu’à Salé");
		SyndEntry tramway = feed.getEntries().stream()
			.filter((entry) -> entry.getTitle().startsWith("Le tramway"))
			.findFirst()
			.orElseThrow();
		assertThat(tramway.getLink()).isEqualTo("http://localhost:" + sources.getPort() + "/societe/tramway-sale.html");
		assertThat(tramway.getPublishedDate().toInstant()).isEqualTo(FixturePage.at(NOW, "MINUS_40M"));
	}

	@Test
	void storyToldByTheTickerAndTheFeedIsOneHeadlineNamingBothSources() throws Exception {
		JsonNode headlines = this.json.readTree(body("/api/headlines")).get("headlines");

		List<JsonNode> ounahi = new ArrayList<>();
		headlines.forEach((headline) -> {
			if (headline.get("link").asString().equals(OUNAHI)) {
				ounahi.add(headline);
			}
		});
		assertThat(ounahi).hasSize(1);
		List<String> tellers = new ArrayList<>();
		tellers.add(ounahi.get(0).get("source").asString());
		ounahi.get(0).get("alsoIn").forEach((source) -> tellers.add(source.asString()));
		assertThat(tellers).containsExactlyInAnyOrder("hespress-fr", "fil-info");
		JsonNode tramway = find(headlines, "Le tramway de Rabat prolongé jusqu’à Salé");
		assertThat(tramway.get("source").asString()).isEqualTo("fil-info");
		assertThat(tramway.get("sourceName").asString()).isEqualTo("Le Fil");
		assertThat(tramway.get("time").asString()).isEqualTo(tickerTime(FixturePage.at(NOW, "MINUS_40M")));
	}

	@Test
	void redesignedTickerShowsItsSelectorErrorAndKeepsItsItems() throws Exception {
		JsonNode sources = this.json.readTree(body("/api/sources")).get("sources");

		JsonNode fil = sources.get(1);
		assertThat(fil.get("id").asString()).isEqualTo("fil-info");
		assertThat(fil.get("outcome").asString()).isEqualTo("OK");
		assertThat(fil.get("itemCount").asLong()).isEqualTo(2);
		JsonNode refait = sources.get(2);
		assertThat(refait.get("id").asString()).isEqualTo("fil-refait");
		assertThat(refait.get("outcome").asString()).isEqualTo("PARSE_ERROR");
		assertThat(refait.get("lastError").asString()).isEqualTo("selector `ul.fil-info > li` matched nothing");
		assertThat(refait.get("failuresInRow").asInt()).isEqualTo(1);
		assertThat(refait.get("itemCount").asLong()).isEqualTo(3);
	}

	private PollReport poll(String id) {
		return this.ingestRun.run(this.feeds.get().source(id).orElseThrow());
	}

	private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder page(String fixture) {
		return aResponse().withHeader("Content-Type", "text/html; charset=utf-8")
			.withBody(FixturePage.render(fixture, NOW, CASABLANCA));
	}

	private static JsonNode find(JsonNode headlines, String title) {
		for (JsonNode headline : headlines) {
			if (headline.get("title").asString().equals(title)) {
				return headline;
			}
		}
		throw new AssertionError("no headline " + title);
	}

	/** A feed reader importing /opml follows a ticker by the feed of its items here: the page itself is no feed. */
	@Test
	void opmlListsATickerAsTheFeedOfItsItemsHere() throws Exception {
		String path = "/feed.atom?source=fil-info";
		assertThat(body("/opml")).contains("xmlUrl=\"http://localhost:" + this.port + path + "\"",
				"htmlUrl=\"http://localhost:" + sources.getPort() + "/fil/fil-info\"",
				"xmlUrl=\"http://localhost:" + sources.getPort() + "/hespress/feed\"");

		SyndFeed feed = new SyndFeedInput().build(new XmlReader(new ByteArrayInputStream(bytes(path))));
		assertThat(feed.getEntries()).extracting(SyndEntry::getTitle)
			.contains("Le tramway de Rabat prolongé jusqu’à Salé");
	}

	/** What the ticker shows for an instant: HH:mm today in Casablanca, else dd/MM HH:mm. */
	private static String tickerTime(Instant instant) {
		ZonedDateTime at = instant.atZone(CASABLANCA);
		boolean today = at.toLocalDate().equals(LocalDate.now(CASABLANCA));
		return at.format(DateTimeFormatter.ofPattern(today ? "HH:mm" : "dd/MM HH:mm"));
	}

	private String body(String path) throws Exception {
		HttpResponse<String> response = this.http.send(
				HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path)).build(),
				HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
		assertThat(response.statusCode()).as(path).isEqualTo(200);
		return response.body();
	}

	private byte[] bytes(String path) throws Exception {
		return body(path).getBytes(StandardCharsets.UTF_8);
	}

}
