package fr.manchette.pipeline;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;

import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.SyndFeedInput;
import com.rometools.rome.io.XmlReader;
import fr.manchette.config.CurrentFeeds;
import fr.manchette.support.FeedsYml;
import fr.manchette.support.Sites;
import fr.manchette.support.TestService;
import fr.manchette.support.LocalHttp;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The whole service: a feeds.yml of three WireMock sources (RSS 2.0, Atom, and one answering 500), each polled once
 * through {@link IngestRun} (the scheduler is off: its timing is PollScheduler's tests' business, not this one's),
 * and every published output read back by independent parsers. Two stories are told by both sources:
 * one under the same link (Marchica Med), one under two links and two slightly different headlines (Carburants).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "manchette.polling.enabled=false")
class PipelineIntegrationTests {

	private static final ZoneId CASABLANCA = ZoneId.of("Africa/Casablanca");

	private static final Instant NOW = Instant.now();

	// The stubs serve the whole class: the sources are polled once, before the first test.
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

	@Autowired
	private JdbcClient jdbc;

	private final JsonMapper json = JsonMapper.builder().build();

	@BeforeAll
	static void serveFeeds() {
		sources.stubFor(WireMock.get("/hespress/feed").willReturn(aResponse().withHeader("Content-Type", "application/rss+xml; charset=utf-8")
			.withHeader("ETag", "\"h1\"")
			.withBody(FixtureFeed.render("hespress-rss2.xml", NOW))));
		sources.stubFor(WireMock.get("/le360/atom").willReturn(aResponse().withHeader("Content-Type", "application/atom+xml")
			.withBody(FixtureFeed.render("le360-atom.xml", NOW))));
		sources.stubFor(WireMock.get("/broken/rss").willReturn(aResponse().withStatus(500)));
	}

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) throws IOException {
		String base = "http://localhost:" + sources.getPort();
		TestService.use(registry, dir, FeedsYml.inZone("Africa/Casablanca").settings("""
				poll:
				  interval: 15m
				  timeout: 5s
				""")
			.source("hespress-fr", "Hespress FR", base + "/hespress/feed", "category: actualite")
			.source("le360", "Le360", base + "/le360/atom", "category: economie")
			.source("broken", "Source en panne", base + "/broken/rss"));
	}

	@BeforeEach
	void pollOnce() {
		if (polled) {
			return;
		}
		TestService.pollEverySource(this.ingestRun, this.feeds);
		polled = true;
	}

	@Test
	void atomFeedParsesBackWithEveryStoryOnce() throws Exception {
		SyndFeed feed = new SyndFeedInput().build(new XmlReader(new ByteArrayInputStream(bytes("/feed.atom"))));

		assertThat(feed.getFeedType()).isEqualTo("atom_1.0");
		assertThat(feed.getEntries()).extracting(SyndEntry::getTitle)
			.containsExactly("Azzedine Ounahi sacré joueur de l’année au Panathinaïkos après une saison étincelante",
					"Carburants\u00a0: baisse de 10 centimes à la pompe ce vendredi",
					"Marchica Med investit 1,4 milliard pour Atalayoun à Nador",
					"La faim progresse, l’aide recule\u00a0: 2025 s’annonce sombre selon l’ONU");
		SyndEntry ounahi = feed.getEntries().get(0);
		assertThat(ounahi.getLink()).isEqualTo("https://fr.hespress.com/sport/ounahi-joueur-annee.html");
		assertThat(ounahi.getDescription().getValue()).contains("<strong>élu</strong>").doesNotContain("script");
		assertThat(ounahi.getPublishedDate().toInstant()).isEqualTo(FixtureFeed.at(NOW, "MINUS_20M"));
		assertThat(ounahi.getCategories()).extracting((category) -> category.getName()).contains("actualite");
		assertThat(feed.getEntries().get(1).getLink()).isEqualTo("https://fr.le360.ma/economie/carburants-baisse.html");
		assertThat(feed.getEntries().get(3).getLink()).isEqualTo(sourceUrl("/international/faim-onu.html"));
		assertThat(feed.getEntries()).extracting(SyndEntry::getUri).doesNotHaveDuplicates();
		assertThat(feed.getEntries().get(2).getDescription().getValue()).contains("Aussi dans", "Le360");
	}

	@Test
	void jsonFeedParsesBackWithEveryStoryOnce() throws Exception {
		HttpResponse<String> response = get("/feed.json", null);
		JsonNode feed = this.json.readTree(response.body());

		assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
				(type) -> assertThat(type).startsWith("application/feed+json"));
		assertThat(feed.get("version").asString()).isEqualTo("https://jsonfeed.org/version/1.1");
		assertThat(feed.get("feed_url").asString()).endsWith("/feed.json");
		JsonNode items = feed.get("items");
		assertThat(items).hasSize(4);
		assertThat(items.get(0).get("title").asString()).startsWith("Azzedine Ounahi sacré");
		assertThat(Instant.from(DateTimeFormatter.ISO_OFFSET_DATE_TIME.parse(items.get(0).get("date_published").asString())))
			.isEqualTo(FixtureFeed.at(NOW, "MINUS_20M"));
		JsonNode marchica = items.get(2);
		assertThat(marchica.get("_manchette").get("source").asString()).isEqualTo("hespress-fr");
		assertThat(marchica.get("_manchette").get("also_in")).extracting(JsonNode::asString).containsExactly("le360");
	}

	@Test
	void atomEntriesNameTheirSource() throws Exception {
		Document atom = dom("/feed.atom");
		Element entry = (Element) atom.getElementsByTagNameNS("http://www.w3.org/2005/Atom", "entry").item(0);
		Element source = (Element) entry.getElementsByTagNameNS("http://www.w3.org/2005/Atom", "source").item(0);

		assertThat(source.getElementsByTagNameNS("http://www.w3.org/2005/Atom", "title").item(0).getTextContent())
			.isEqualTo("Hespress FR");
	}

	@Test
	void rssFeedParsesBackWithSourcesAndDates() throws Exception {
		SyndFeed feed = new SyndFeedInput().build(new XmlReader(new ByteArrayInputStream(bytes("/feed.rss"))));
		Document rss = dom("/feed.rss");
		Element firstItem = (Element) rss.getElementsByTagName("item").item(0);
		Element source = (Element) firstItem.getElementsByTagName("source").item(0);

		assertThat(feed.getFeedType()).isEqualTo("rss_2.0");
		assertThat(feed.getEntries()).hasSize(4);
		assertThat(feed.getEntries().get(0).getTitle()).startsWith("Azzedine Ounahi sacré");
		assertThat(source.getTextContent()).isEqualTo("Hespress FR");
		assertThat(source.getAttribute("url")).isEqualTo(sourceUrl("/hespress/feed"));
		String pubDate = firstItem.getElementsByTagName("pubDate").item(0).getTextContent();
		assertThat(ZonedDateTime.parse(pubDate, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant())
			.isEqualTo(FixtureFeed.at(NOW, "MINUS_20M"));
	}

	@Test
	void headlinesJsonIsNewestFirstInTheConfiguredZone() throws Exception {
		JsonNode answer = this.json.readTree(body("/api/headlines"));
		JsonNode headlines = answer.get("headlines");

		assertThat(answer.get("timezone").asString()).isEqualTo("Africa/Casablanca");
		assertThat(headlines).hasSize(4);
		JsonNode first = headlines.get(0);
		assertThat(first.get("time").asString()).isEqualTo(tickerTime("MINUS_20M"));
		assertThat(first.get("source").asString()).isEqualTo("hespress-fr");
		assertThat(first.get("sourceName").asString()).isEqualTo("Hespress FR");
		assertThat(first.get("category").asString()).isEqualTo("actualite");
		assertThat(first.get("link").asString()).isEqualTo("https://fr.hespress.com/sport/ounahi-joueur-annee.html");
		assertThat(Instant.from(DateTimeFormatter.ISO_OFFSET_DATE_TIME.parse(first.get("published").asString())))
			.isEqualTo(FixtureFeed.at(NOW, "MINUS_20M"));
		JsonNode marchica = headlines.get(2);
		assertThat(marchica.get("source").asString()).isEqualTo("hespress-fr");
		assertThat(marchica.get("alsoIn")).extracting(JsonNode::asString).containsExactly("le360");
		assertThat(headlines.get(3).get("time").asString()).isEqualTo(tickerTime("MINUS_2D")).contains("/");
		// Every key on every line: a script reads the same shape whatever the item lacks (see PublishedDocumentsTests).
		for (JsonNode headline : headlines) {
			assertThat(headline.propertyNames()).containsExactlyInAnyOrder("time", "title", "link", "source",
					"sourceName", "category", "published", "alsoIn", "story", "sources", "lang");
		}
	}

	@Test
	void headlinesTextIsOneLinePerStory() throws Exception {
		List<String> lines = body("/headlines.txt").lines().toList();

		assertThat(lines).containsExactly(
				tickerTime("MINUS_20M")
						+ " Azzedine Ounahi sacré joueur de l’année au Panathinaïkos après une saison étincelante",
				tickerTime("MINUS_30M") + " Carburants\u00a0: baisse de 10 centimes à la pompe ce vendredi",
				tickerTime("MINUS_45M") + " Marchica Med investit 1,4 milliard pour Atalayoun à Nador",
				tickerTime("MINUS_2D") + " La faim progresse, l’aide recule\u00a0: 2025 s’annonce sombre selon l’ONU");
	}

	@Test
	void nearDuplicateOfTwoSourcesIsListedOnceEverywhereWithTheOtherSourceInAlsoIn() throws Exception {
		String hespressLink = "https://fr.hespress.com/economie/carburants-baisse-timide.html";
		SyndFeed atom = new SyndFeedInput().build(new XmlReader(new ByteArrayInputStream(bytes("/feed.atom"))));
		List<SyndEntry> carburants = atom.getEntries()
			.stream()
			.filter((entry) -> entry.getTitle().startsWith("Carburants"))
			.toList();
		assertThat(carburants).singleElement().satisfies((entry) -> {
			assertThat(entry.getLink()).isEqualTo("https://fr.le360.ma/economie/carburants-baisse.html");
			assertThat(entry.getDescription().getValue()).contains("Aussi dans", "Hespress FR", hespressLink);
		});
		Element atomEntry = (Element) dom("/feed.atom").getElementsByTagNameNS("http://www.w3.org/2005/Atom", "entry")
			.item(1);
		assertThat(relatedLinks(atomEntry)).containsExactly(hespressLink);

		SyndFeed rss = new SyndFeedInput().build(new XmlReader(new ByteArrayInputStream(bytes("/feed.rss"))));
		assertThat(rss.getEntries()).filteredOn((entry) -> entry.getTitle().startsWith("Carburants"))
			.singleElement()
			.satisfies((entry) -> assertThat(entry.getDescription().getValue()).contains("Aussi dans",
					"Hespress FR"));

		JsonNode jsonItems = this.json.readTree(body("/feed.json")).get("items");
		List<JsonNode> jsonCarburants = stream(jsonItems)
			.filter((item) -> item.get("title").asString().startsWith("Carburants"))
			.toList();
		assertThat(jsonCarburants).singleElement().satisfies((item) -> {
			assertThat(item.get("_manchette").get("source").asString()).isEqualTo("le360");
			assertThat(item.get("_manchette").get("also_in")).extracting(JsonNode::asString)
				.containsExactly("hespress-fr");
			assertThat(item.get("_manchette").get("also_in_urls")).extracting(JsonNode::asString)
				.containsExactly(hespressLink);
		});

		List<JsonNode> headlines = stream(this.json.readTree(body("/api/headlines")).get("headlines"))
			.filter((headline) -> headline.get("title").asString().startsWith("Carburants"))
			.toList();
		assertThat(headlines).singleElement().satisfies((headline) -> {
			assertThat(headline.get("source").asString()).isEqualTo("le360");
			assertThat(headline.get("alsoIn")).extracting(JsonNode::asString).containsExactly("hespress-fr");
		});

		assertThat(body("/headlines.txt").lines().filter((line) -> line.contains("Carburants")))
			.containsExactly(tickerTime("MINUS_30M") + " Carburants\u00a0: baisse de 10 centimes à la pompe ce vendredi");
	}

	@Test
	void storyListsEveryItemOfTheStoryTheLeadFirst() throws Exception {
		String story = stream(this.json.readTree(body("/api/headlines")).get("headlines"))
			.filter((headline) -> headline.get("title").asString().startsWith("Carburants"))
			.findFirst()
			.orElseThrow()
			.get("story")
			.asString();

		JsonNode details = this.json.readTree(body("/api/stories/" + story));

		assertThat(details.get("id").asString()).isEqualTo(story);
		assertThat(details.get("sources")).extracting(JsonNode::asString).containsExactly("le360", "hespress-fr");
		JsonNode items = details.get("items");
		assertThat(items).hasSize(2);
		assertThat(items.get(0).get("lead").asBoolean()).isTrue();
		assertThat(items.get(0).get("link").asString()).isEqualTo("https://fr.le360.ma/economie/carburants-baisse.html");
		assertThat(items.get(1).get("source").asString()).isEqualTo("hespress-fr");
		assertThat(items.get(1).get("sourceName").asString()).isEqualTo("Hespress FR");
		assertThat(items.get(1).get("title").asString())
			.isEqualTo("Carburants : une baisse timide de 10 centimes à la pompe ce vendredi - Hespress FR");
		assertThat(items.get(1).get("time").asString()).isEqualTo(tickerTime("MINUS_25M"));
		// Its id copied in upper case: the same story.
		assertThat(this.json.readTree(body("/api/stories/" + story.toUpperCase(java.util.Locale.ROOT))).get("id")
			.asString()).isEqualTo(story);
	}

	@Test
	void anAddressThatIsNoUriPathIsA404WithAJsonProblemToo() throws Exception {
		// "//" reads as the start of a host in a URI reference: Spring's own problem document failed on it, logged
		// its failure with a trace and fell back to an HTML page.
		for (String path : List.of("//", "//x", "/nulle-part")) {
			HttpResponse<String> response = get(path, null);

			assertThat(response.statusCode()).as(path).isEqualTo(404);
			assertThat(response.headers().firstValue("Content-Type")).as(path).hasValueSatisfying(
					(type) -> assertThat(type).startsWith("application/problem+json"));
		}
	}

	@Test
	void unknownStoryIsA404WithAJsonProblem() throws Exception {
		for (String id : List.of("0".repeat(64), "nimporte-quoi")) {
			HttpResponse<String> response = get("/api/stories/" + id, null);

			assertThat(response.statusCode()).isEqualTo(404);
			assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
					(type) -> assertThat(type).startsWith("application/problem+json"));
			assertThat(this.json.readTree(response.body()).get("status").asInt()).isEqualTo(404);
		}
	}

	@Test
	void filtersApplyToEveryList() throws Exception {
		assertThat(body("/headlines.txt?source=le360").lines()).hasSize(2);
		// Hespress alone: its own item leads the story it shares with Le360.
		assertThat(body("/headlines.txt?category=actualite").lines()).hasSize(4);
		assertThat(body("/headlines.txt?q=etoile%20ONU").lines()).isEmpty();
		assertThat(body("/headlines.txt?q=ONU").lines()).singleElement().asString().contains("La faim progresse");
		assertThat(body("/headlines.txt?q=panathinaikos").lines()).singleElement().asString().contains("Ounahi");
		assertThat(body("/headlines.txt?limit=1").lines()).hasSize(1);
		SyndFeed filtered = new SyndFeedInput()
			.build(new XmlReader(new ByteArrayInputStream(bytes("/feed.atom?source=le360&limit=5"))));
		assertThat(filtered.getEntries()).hasSize(2);
	}

	@Test
	void theWordsOfPolledItemsAreIndexedInTheBackground() {
		await().atMost(Duration.ofSeconds(30))
			.until(() -> this.jdbc.sql("SELECT indexed_to FROM word_index_state").query(Long.class).single()
				.equals(this.jdbc.sql("SELECT MAX(id) FROM item").query(Long.class).single()));
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM item_word_block").query(Long.class).single()).isPositive();
	}

	@Test
	void badParametersAreA400WithAJsonError() throws Exception {
		for (String query : List.of("limit=0", "limit=abc", "limit=501", "since=hier", "source=nobody")) {
			HttpResponse<String> response = get("/api/headlines?" + query, null);
			assertThat(response.statusCode()).as(query).isEqualTo(400);
			assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
					(type) -> assertThat(type).startsWith("application/problem+json"));
			JsonNode problem = this.json.readTree(response.body());
			assertThat(problem.get("status").asInt()).isEqualTo(400);
			assertThat(problem.get("detail").asString()).isNotBlank().doesNotContain("Exception");
		}
	}

	@Test
	void feedsAndTickerAnswerConditionalRequests() throws Exception {
		for (String path : List.of("/feed.atom", "/feed.rss", "/feed.json", "/headlines.txt", "/api/headlines")) {
			HttpResponse<String> first = get(path, null);
			String etag = first.headers().firstValue("ETag").orElseThrow();
			assertThat(first.headers().firstValue("Last-Modified")).as(path).isPresent();

			HttpResponse<String> second = get(path, etag);

			assertThat(second.statusCode()).as(path).isEqualTo(304);
			assertThat(second.body()).isEmpty();
		}
		String atomTag = get("/feed.atom", null).headers().firstValue("ETag").orElseThrow();
		assertThat(get("/feed.atom?limit=2", atomTag).statusCode()).isEqualTo(200);
	}

	@Test
	void sourcesShowEachSourcesHealth() throws Exception {
		JsonNode sources = this.json.readTree(body("/api/sources")).get("sources");

		assertThat(sources).hasSize(3);
		JsonNode hespress = sources.get(0);
		assertThat(hespress.get("id").asString()).isEqualTo("hespress-fr");
		assertThat(hespress.get("outcome").asString()).isEqualTo("OK");
		assertThat(hespress.get("itemCount").asLong()).isEqualTo(4);
		assertThat(hespress.get("failuresInRow").asInt()).isZero();
		assertThat(hespress.get("nextPoll").isNull()).isFalse();
		// Instants to the second, as Instant.toString writes them: the service's own writer must not change a character.
		Timestamp lastSuccess = this.jdbc.sql("SELECT last_success_at FROM source_status WHERE source_id = 'hespress-fr'")
			.query(Timestamp.class)
			.single();
		assertThat(hespress.get("lastSuccess").asString())
			.isEqualTo(lastSuccess.toInstant().truncatedTo(ChronoUnit.SECONDS).toString());
		JsonNode broken = sources.get(2);
		assertThat(broken.get("outcome").asString()).isEqualTo("HTTP_STATUS");
		assertThat(broken.get("lastError").asString()).isEqualTo("HTTP 500");
		assertThat(broken.get("failuresInRow").asInt()).isEqualTo(1);
		assertThat(broken.get("itemCount").asLong()).isZero();
		assertThat(broken.get("lastSuccess").isNull()).isTrue();
	}

	@Test
	void sourcesTakeTheSourceAndCategoryFiltersOfTheLists() throws Exception {
		assertThat(ids("/api/sources?source=le360&source=broken")).containsExactly("le360", "broken");
		assertThat(ids("/api/sources?source=le360,hespress-fr")).containsExactly("hespress-fr", "le360");
		assertThat(ids("/api/sources?category=economie")).containsExactly("le360");
		assertThat(ids("/api/sources?category=economie&source=hespress-fr")).isEmpty();
		// Empty, as a form's "all" sends it, and the filters that select stories: every source.
		assertThat(ids("/api/sources?source=&category=")).containsExactly("hespress-fr", "le360", "broken");
		assertThat(ids("/api/sources?q=maroc&limit=1")).containsExactly("hespress-fr", "le360", "broken");
		assertThat(ids("/api/sources")).containsExactly("hespress-fr", "le360", "broken");
		HttpResponse<String> unknown = get("/api/sources?source=nowhere", null);
		assertThat(unknown.statusCode()).isEqualTo(400);
		assertThat(this.json.readTree(unknown.body()).get("detail").asString()).contains("nowhere");
		assertThat(ids("/api/sources?order=une")).containsExactly("hespress-fr", "le360", "broken");
		HttpResponse<String> badOrder = get("/api/sources?order=oldest", null);
		assertThat(badOrder.statusCode()).isEqualTo(400);
		assertThat(this.json.readTree(badOrder.body()).get("parameter").asString()).isEqualTo("order");
	}

	private List<String> ids(String path) throws Exception {
		List<String> ids = new java.util.ArrayList<>();
		this.json.readTree(body(path)).get("sources").forEach((source) -> ids.add(source.get("id").asString()));
		return ids;
	}

	private static List<String> relatedLinks(Element entry) {
		List<String> links = new java.util.ArrayList<>();
		var nodes = entry.getElementsByTagNameNS("http://www.w3.org/2005/Atom", "link");
		for (int i = 0; i < nodes.getLength(); i++) {
			Element link = (Element) nodes.item(i);
			if ("related".equals(link.getAttribute("rel"))) {
				links.add(link.getAttribute("href"));
			}
		}
		return links;
	}

	private static java.util.stream.Stream<JsonNode> stream(JsonNode array) {
		List<JsonNode> nodes = new java.util.ArrayList<>();
		array.forEach(nodes::add);
		return nodes.stream();
	}

	/** What the ticker must show for a fixture date: HH:mm today in Casablanca, else dd/MM HH:mm. */
	private static String tickerTime(String placeholder) {
		ZonedDateTime at = FixtureFeed.at(NOW, placeholder).atZone(CASABLANCA);
		boolean today = at.toLocalDate().equals(LocalDate.now(CASABLANCA));
		return at.format(DateTimeFormatter.ofPattern(today ? "HH:mm" : "dd/MM HH:mm"));
	}

	private static String sourceUrl(String path) {
		return "http://localhost:" + sources.getPort() + path;
	}

	private String body(String path) throws Exception {
		HttpResponse<String> response = get(path, null);
		assertThat(response.statusCode()).as(path).isEqualTo(200);
		return response.body();
	}

	private byte[] bytes(String path) throws Exception {
		return body(path).getBytes(StandardCharsets.UTF_8);
	}

	private Document dom(String path) throws Exception {
		var factory = javax.xml.parsers.DocumentBuilderFactory.newInstance();
		factory.setNamespaceAware(true);
		factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
		return factory.newDocumentBuilder().parse(new ByteArrayInputStream(bytes(path)));
	}

	private HttpResponse<String> get(String path, String ifNoneMatch) throws Exception {
		return LocalHttp.get(this.port, path, ifNoneMatch);
	}

}
