package fr.manchette.pipeline;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
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
 * The whole service with the sources the product sheet names besides RSS: two JSON Feeds (one with a home page
 * against which its relative urls resolve, one without, moved by a redirect) and an Atom feed whose entry narrows the
 * feed's {@code xml:base} with an absolute path. Their items reach {@code /api/headlines} and the merged feed with
 * absolute links. Scheduler off: each source is polled once through {@link IngestRun}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "manchette.polling.enabled=false")
class FeedFormatsIntegrationTests {

	private static final Instant NOW = Instant.now();

	@RegisterExtension
	static WireMockExtension sources = Sites.forTheClass();

	@TempDir
	static Path dir;

	/** Once for the class; not in a @BeforeAll, which would run before Spring gives this instance its beans. */
	private static boolean polled;

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
		TestService.use(registry, dir, FeedsYml.inZone("Europe/Paris").settings("poll:\n  timeout: 5s")
			.source("journal-de-lyon", "Le Journal de Lyon", sourceBase() + "/feeds/journal-de-lyon.xml")
			.source("depeche-leman", "La Dépêche du Léman", sourceBase() + "/leman/feed.json")
			.source("carnet", "Carnet de quartier", sourceBase() + "/carnet/ancien.json"));
	}

	@BeforeEach
	void pollEverySourceOnce() {
		if (polled) {
			return;
		}
		polled = true;
		sources.stubFor(WireMock.get("/feeds/journal-de-lyon.xml")
			.willReturn(aResponse().withHeader("Content-Type", "application/atom+xml")
				.withBody(FixtureFeed.render("journal-de-lyon-atom.xml", NOW))));
		sources.stubFor(WireMock.get("/leman/feed.json")
			.willReturn(aResponse().withHeader("Content-Type", "application/feed+json")
				.withBody(FixtureFeed.render("depeche-leman-jsonfeed.json", NOW))));
		sources.stubFor(WireMock.get("/carnet/ancien.json")
			.willReturn(aResponse().withStatus(301).withHeader("Location", "/carnet/2025/feed.json")));
		sources.stubFor(WireMock.get("/carnet/2025/feed.json")
			.willReturn(aResponse().withHeader("Content-Type", "application/json; charset=utf-8")
				.withBody(FixtureFeed.render("carnet-jsonfeed.json", NOW))));
		for (String id : List.of("journal-de-lyon", "depeche-leman", "carnet")) {
			assertThat(this.ingestRun.run(this.feeds.get().source(id).orElseThrow()).outcome()).as(id)
				.isEqualTo(PollOutcome.OK);
		}
	}

	@Test
	void jsonFeedItemsAndNestedXmlBaseLinksReachTheHeadlines() throws Exception {
		JsonNode headlines = this.json.readTree(body("/api/headlines")).get("headlines");

		assertThat(summaries(headlines)).containsExactly(
				"journal-de-lyon L’OL s’impose 3-0 face à Nantes https://www.journaldelyon.fr/sport/ol-nantes-3-0.html",
				// No home page: the item's relative url resolves against where the feed was after the redirect.
				"carnet Marché de la Croix-Rousse : les producteurs reviennent dès 6 h. " + sourceBase()
						+ "/carnet/2025/notes/41.html",
				"depeche-leman Grève à la CGN : les bateaux restent à quai samedi "
						+ "https://www.depeche-leman.example/2025/05/16/cgn-greve.html",
				"depeche-leman Évian : « Un festival à taille humaine » "
						+ "https://www.depeche-leman.example/2025/05/16/evian-festival.html");
		assertThat(headlines.get(2).get("published").asString()).isNotEmpty();
	}

	@Test
	void contentOfEveryFormatIsCleanedWithItsOwnBase() throws Exception {
		JsonNode items = this.json.readTree(body("/feed.json")).get("items");
		List<String> contents = new ArrayList<>();
		items.forEach((item) -> contents.add(item.get("content_html").asString()));

		assertThat(contents).anySatisfy((html) -> assertThat(html)
			.contains("src=\"https://www.journaldelyon.fr/sport/photos/ol-nantes.jpg\"",
					"href=\"https://www.journaldelyon.fr/sport/classement.html\"",
					"href=\"https://www.journaldelyon.fr/sport/ol-nantes-3-0.html\"")
			.doesNotContain("utm_"));
		assertThat(contents).anySatisfy((html) -> assertThat(html)
			.contains("src=\"https://www.depeche-leman.example/img/cgn.jpg\"", "<strong>bateaux Belle Époque</strong>")
			.doesNotContain("script"));
	}

	@Test
	void jsonFeedSourcesAreHealthyWithTheirItemCounts() throws Exception {
		JsonNode sources = this.json.readTree(body("/api/sources")).get("sources");

		List<String> health = new ArrayList<>();
		sources.forEach((source) -> health.add(source.get("id").asString() + " " + source.get("outcome").asString()
				+ " " + source.get("itemCount").asLong()));
		assertThat(health).containsExactly("journal-de-lyon OK 1", "depeche-leman OK 2", "carnet OK 1");
	}

	private static List<String> summaries(JsonNode headlines) {
		List<String> lines = new ArrayList<>();
		headlines.forEach((headline) -> lines.add(headline.get("source").asString() + " "
				+ headline.get("title").asString() + " " + headline.get("link").asString()));
		return lines;
	}

	/** Loopback by its address, as in the report of the xml:base bug. */
	private static String sourceBase() {
		return "http://127.0.0.1:" + sources.getPort();
	}

	private String body(String path) throws Exception {
		HttpResponse<String> response = this.http.send(
				HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path)).build(),
				HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
		assertThat(response.statusCode()).as(path).isEqualTo(200);
		return response.body();
	}

}
