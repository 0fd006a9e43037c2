package fr.manchette.web;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import javax.xml.parsers.DocumentBuilderFactory;

import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import fr.manchette.config.CurrentFeeds;
import fr.manchette.pipeline.IngestRun;
import fr.manchette.store.StoredHeadlines;
import fr.manchette.support.FeedsYml;
import fr.manchette.support.LocalHttp;
import fr.manchette.support.SettableClock;
import fr.manchette.support.Sites;
import fr.manchette.support.TestService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * À la une, end to end: four sources polled once, then every list asked with {@code order=une}. A story told by
 * three sources two hours ago ranks above a newer story told by two, which ranks above the newest told by one; a
 * story three sources told seven hours ago, out of the 6 h window, is not ranked at all. The default order stays
 * newest first. The ranking moves with the clock alone: when its first item leaves the window, a client's copy is no
 * longer current; a window with no story in it ranks none. The clock is the service's own, moved by the last two
 * tests.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "manchette.polling.enabled=false")
@Import(TopStoriesTests.Time.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
abstract class TopStoriesTests {

	/**
	 * Now, or five hours before when the next five hours cross midnight in the feeds' zone, or the evening before when
	 * the ranked stories' last hours do (just after midnight): a headline's time reads
	 * {@code HH:mm} today and {@code dd/MM HH:mm} before, so the copy a client holds rightly changes at midnight, and
	 * the last test moves the clock four hours on, expecting no change for its first three.
	 */
	private static final ZoneId ZONE = ZoneId.of("Africa/Casablanca");

	/** How far back the ranked stories go (the oldest, told by alpha, two hours ago), with room. */
	private static final Duration RANKED = Duration.ofHours(3);

	private static final Instant NOW = sameDayUntil(Instant.now().truncatedTo(ChronoUnit.SECONDS), Duration.ofHours(5));

	private static final String FIRE = "Incendie dans la forêt de la Maâmora";

	private static final String BUDGET = "Le budget 2026 adopté en commission";

	private static final String LAW = "Nouvelle loi sur les loyers";

	private static final String OLD = "Séisme ressenti à Agadir dans la nuit";

	@RegisterExtension
	static WireMockExtension sites = Sites.forEachTest();

	@TempDir
	static Path dir;

	@Autowired
	private IngestRun ingestRun;

	@Autowired
	private CurrentFeeds feeds;

	@Autowired
	private SettableClock clock;

	@Autowired
	private StoredHeadlines items;

	@LocalServerPort
	private int port;

	private final JsonMapper json = JsonMapper.builder().build();

	/** feeds.yml; the store is each subclass's. */
	@DynamicPropertySource
	static void feeds(DynamicPropertyRegistry registry) throws IOException {
		String site = "http://localhost:" + sites.getPort();
		TestService.useFeeds(registry, dir, FeedsYml.inZone(ZONE.getId())
			.source("alpha", "Alpha", site + "/alpha")
			.source("beta", "Beta", site + "/beta")
			.source("gamma", "Gamma", site + "/gamma")
			.source("delta", "Delta", site + "/delta"));
	}

	/** The store of a subclass. */
	static Path dir() {
		return dir;
	}

	/** Imported, not nested configuration: the service's clock, which the last test moves. */
	static class Time {

		@Bean
		SettableClock clock() {
			return new SettableClock(NOW);
		}

	}

	@BeforeEach
	void pollOnce() {
		if (this.items.lastItemId() > 0) {
			return;
		}
		// One story under one link in three sources, one in two, one in a single source; and an old one in three.
		serve("alpha", story("a1", FIRE, "fire", 120), story("a2", OLD, "quake", 7 * 60));
		serve("beta", story("b1", FIRE, "fire", 90), story("b2", BUDGET, "budget", 30),
				story("b3", OLD, "quake", 7 * 60 - 5));
		serve("gamma", story("g1", FIRE, "fire", 60), story("g2", OLD, "quake", 6 * 60 + 30));
		serve("delta", story("d1", BUDGET, "budget", 20), story("d2", LAW, "law", 10));
		TestService.pollEverySource(this.ingestRun, this.feeds);
	}

	@Test
	@Order(1)
	void theDefaultOrderStaysNewestFirst() throws Exception {
		JsonNode headlines = json("/api/headlines");

		assertThat(titles(headlines)).containsExactly(LAW, BUDGET, FIRE, OLD);
		assertThat(sources(headlines)).containsExactly(1, 2, 3, 3);
	}

	@Test
	@Order(2)
	void aStoryToldByThreeSourcesRanksAboveNewerStoriesToldByFewer() throws Exception {
		JsonNode headlines = json("/api/headlines?order=une");

		assertThat(titles(headlines)).containsExactly(FIRE, BUDGET, LAW);
		assertThat(sources(headlines)).containsExactly(3, 2, 1);
		JsonNode fire = headlines.get("headlines").get(0);
		assertThat(fire.get("source").asString()).isEqualTo("alpha");
		assertThat(fire.get("alsoIn").valueStream().map(JsonNode::asString)).containsExactly("beta", "gamma");
	}

	@Test
	@Order(3)
	void theAtomFeedOfTopStoriesRanksTheSameWay() throws Exception {
		HttpResponse<String> response = LocalHttp.get(this.port, "/feed.atom?order=une", null);

		assertThat(response.statusCode()).isEqualTo(200);
		Document atom = xml(response.body());
		assertThat(atom.getDocumentElement().getElementsByTagName("title").item(0).getTextContent())
			.isEqualTo("Manchette — À la une");
		assertThat(entryTitles(atom)).containsExactly(FIRE, BUDGET, LAW);
		assertThat(entrySummary(atom, 0)).contains("Repris par 3 sources.");
		assertThat(entryTitles(xml(LocalHttp.get(this.port, "/feed.atom", null).body())))
			.containsExactly(LAW, BUDGET, FIRE, OLD);
	}

	@Test
	@Order(4)
	void everyListTakesTheOrder() throws Exception {
		assertThat(LocalHttp.get(this.port, "/headlines.txt?order=une", null).body().lines()
			.map((line) -> line.substring(line.indexOf(' ') + 1)))
			.containsExactly(FIRE, BUDGET, LAW);
		JsonNode feed = this.json.readTree(LocalHttp.get(this.port, "/feed.json?order=une", null).body());
		assertThat(feed.get("items").valueStream().map((item) -> item.get("title").asString()))
			.containsExactly(FIRE, BUDGET, LAW);
		assertThat(feed.get("items").get(0).get("_manchette").get("sources").asInt()).isEqualTo(3);
		assertThat(feed.get("title").asString()).isEqualTo("Manchette — À la une");
		assertThat(feed.get("items").get(0).get("content_html").asString()).contains("Repris par 3 sources.");
		assertThat(xml(LocalHttp.get(this.port, "/feed.rss?order=une", null).body()).getElementsByTagName("item")
			.getLength()).isEqualTo(3);
		assertThat(titles(json("/api/headlines?order=latest"))).containsExactly(LAW, BUDGET, FIRE, OLD);
		// Filters pick the stories; the count is still every source that told them within the window.
		JsonNode delta = json("/api/headlines?order=une&source=delta");
		assertThat(titles(delta)).containsExactly(BUDGET, LAW);
		assertThat(sources(delta)).containsExactly(2, 1);
		JsonNode words = json("/api/headlines?order=une&q=foret+maamora");
		assertThat(titles(words)).containsExactly(FIRE);
		assertThat(sources(words)).containsExactly(3);
		assertThat(titles(json("/api/headlines?order=une&since=" + NOW.minus(Duration.ofMinutes(45))))).containsExactly(BUDGET, LAW);
	}

	@Test
	@Order(5)
	void theTickerPageHasATabForTopStories() throws Exception {
		String latest = LocalHttp.get(this.port, "/", null).body();
		String une = LocalHttp.get(this.port, "/?order=une", null).body();

		assertThat(latest).contains("<a href=\"/\" aria-current=\"page\">Dernières dépêches</a>")
			.contains("<a href=\"/?order=une\">À la une</a>");
		assertThat(une).contains("<a href=\"/?order=une\" aria-current=\"page\">À la une</a>")
			.contains("data-api=\"/api/headlines?order=une\"")
			.contains("<input type=\"hidden\" name=\"order\" value=\"une\">")
			.contains("<span class=\"nombre\">3 sources</span>");
		assertThat(une.indexOf(FIRE)).isLessThan(une.indexOf(BUDGET)).isLessThan(une.indexOf(LAW));
		assertThat(une).doesNotContain(OLD);
	}

	@Test
	@Order(6)
	void anUnknownOrderIsABadQuery() throws Exception {
		for (String path : List.of("/api/headlines?order=popular", "/feed.atom?order=", "/?order=top")) {
			HttpResponse<String> response = LocalHttp.get(this.port, path.replace("order=", "order=x"), null);
			assertThat(response.statusCode()).as(path).isEqualTo(400);
			JsonNode problem = this.json.readTree(response.body());
			assertThat(problem.get("parameter").asString()).isEqualTo("order");
			assertThat(problem.get("detail").asString()).contains("latest").contains("une");
		}
	}

	@Test
	@Order(7)
	void theRankingMovesWithTheClockAndClientsAreToldSo() throws Exception {
		HttpResponse<String> first = LocalHttp.get(this.port, "/api/headlines?order=une&limit=10", null);
		String etag = first.headers().firstValue("ETag").orElseThrow();
		assertThat(LocalHttp.get(this.port, "/api/headlines?order=une&limit=10", etag).statusCode()).isEqualTo(304);

		// Still within the window of the first item (the fire, 2 h old): nothing changes, the copy is current.
		this.clock.advance(Duration.ofHours(3));
		assertThat(LocalHttp.get(this.port, "/api/headlines?order=une&limit=10", etag).statusCode()).isEqualTo(304);

		// Its first telling is now out of the 6 h window: two sources left, tied with the newer budget.
		this.clock.advance(Duration.ofHours(1).plusMinutes(5));
		HttpResponse<String> moved = LocalHttp.get(this.port, "/api/headlines?order=une&limit=10", etag);
		assertThat(moved.statusCode()).isEqualTo(200);
		assertThat(moved.headers().firstValue("ETag")).isPresent().get().isNotEqualTo(etag);
		JsonNode headlines = this.json.readTree(moved.body());
		assertThat(titles(headlines)).containsExactly(BUDGET, FIRE, LAW);
		assertThat(sources(headlines)).containsExactly(2, 2, 1);
		assertThat(headlines.get("headlines").get(1).get("source").asString()).isEqualTo("beta");
		// The default order does not move with the clock.
		assertThat(titles(json("/api/headlines"))).containsExactly(LAW, BUDGET, FIRE, OLD);
	}

	@Test
	@Order(8)
	void aWindowWithNoStoryRanksNoneInEveryList() throws Exception {
		// A day on: every item is older than the window (as on a service that has not polled yet, or whose sources
		// have been quiet for the window's hours).
		this.clock.advance(Duration.ofDays(1));

		HttpResponse<String> headlines = LocalHttp.get(this.port, "/api/headlines?order=une", null);
		assertThat(headlines.statusCode()).isEqualTo(200);
		assertThat(titles(this.json.readTree(headlines.body()))).isEmpty();
		String etag = headlines.headers().firstValue("ETag").orElseThrow();
		assertThat(LocalHttp.get(this.port, "/api/headlines?order=une", etag).statusCode()).isEqualTo(304);
		assertThat(entryTitles(xml(LocalHttp.get(this.port, "/feed.atom?order=une", null).body()))).isEmpty();
		for (String path : List.of("/feed.rss?order=une", "/feed.json?order=une", "/headlines.txt?order=une",
				"/?order=une")) {
			assertThat(LocalHttp.get(this.port, path, null).statusCode()).as(path).isEqualTo(200);
		}
		assertThat(titles(json("/api/headlines"))).containsExactly(LAW, BUDGET, FIRE, OLD);
	}

	static Instant sameDayUntil(Instant now, Duration ahead) {
		ZonedDateTime local = now.atZone(ZONE);
		if (local.minus(RANKED).toLocalDate().isBefore(local.toLocalDate())) {
			// Just after midnight the ranked stories were told yesterday: the evening before, whole hours back.
			return local.toLocalDate().atStartOfDay(ZONE).minus(ahead).minusHours(1).toInstant();
		}
		return local.plus(ahead).toLocalDate().equals(local.toLocalDate()) ? now : now.minus(ahead);
	}

	private void serve(String source, NewsFeed.Story... stories) {
		sites.stubFor(WireMock.get("/" + source)
			.willReturn(WireMock.aResponse().withBody(new NewsFeed(source, List.of(stories)).rss())));
	}

	private static NewsFeed.Story story(String guid, String title, String page, int minutesAgo) {
		return new NewsFeed.Story(guid, title, "https://actu.example/" + page + ".html", "",
				NOW.minus(Duration.ofMinutes(minutesAgo)));
	}

	private JsonNode json(String path) throws Exception {
		HttpResponse<String> response = LocalHttp.get(this.port, path, null);
		assertThat(response.statusCode()).as(path).isEqualTo(200);
		return this.json.readTree(response.body());
	}

	private static List<String> titles(JsonNode headlines) {
		return headlines.get("headlines").valueStream().map((headline) -> headline.get("title").asString()).toList();
	}

	private static List<Integer> sources(JsonNode headlines) {
		return headlines.get("headlines").valueStream().map((headline) -> headline.get("sources").asInt()).toList();
	}

	private static Document xml(String body) throws Exception {
		DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
		factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
		return factory.newDocumentBuilder().parse(new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)));
	}

	private static List<String> entryTitles(Document atom) {
		NodeList entries = atom.getElementsByTagName("entry");
		List<String> titles = new ArrayList<>();
		for (int i = 0; i < entries.getLength(); i++) {
			titles.add(((Element) entries.item(i)).getElementsByTagName("title").item(0).getTextContent());
		}
		return titles;
	}

	private static String entrySummary(Document atom, int index) {
		return ((Element) atom.getElementsByTagName("entry").item(index)).getElementsByTagName("summary")
			.item(0)
			.getTextContent();
	}

}
