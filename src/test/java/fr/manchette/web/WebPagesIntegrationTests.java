package fr.manchette.web;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import javax.xml.parsers.DocumentBuilderFactory;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import fr.manchette.config.CurrentFeeds;
import fr.manchette.pipeline.IngestRun;
import fr.manchette.support.AtomSchema;
import fr.manchette.support.Sites;
import fr.manchette.support.TestService;
import fr.manchette.support.LocalHttp;
import fr.manchette.support.RepublishedHtml;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The pages and documents people and readers get, from a running service over HTTP: the ticker page, the sources
 * page, the OPML, and the merged feeds checked by validators other than the code that wrote them. The Atom feed's
 * test reads the RELAX NG schema of {@code ../shared/corpus/schemas/atom.rnc} ({@link AtomSchema}), and is skipped
 * when that corpus is not next to the project.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "manchette.polling.enabled=false")
class WebPagesIntegrationTests {

	private static final Instant NOW = Instant.now();

	@RegisterExtension
	static WireMockExtension sites = Sites.forEachTest();

	@TempDir
	static Path dir;

	private static boolean polled;

	@Autowired
	private IngestRun ingestRun;

	@Autowired
	private CurrentFeeds feeds;

	@LocalServerPort
	private int port;

	private final JsonMapper json = JsonMapper.builder().build();

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) throws IOException {
		TestService.use(registry, dir, NewsFeed.threeSources(sites.getPort(), "Europe/Paris"));
	}

	@BeforeEach
	void pollOnce() {
		if (polled) {
			return;
		}
		NewsFeed.serveThreeSources(sites, NOW);
		TestService.pollEverySource(this.ingestRun, this.feeds);
		polled = true;
	}

	@Test
	void tickerPageListsStoriesNewestFirstWithTimeSourceAndCategory() throws Exception {
		HttpResponse<String> response = get("/", null);
		org.jsoup.nodes.Document page = Jsoup.parse(response.body());
		Elements lines = page.select("#fil > li");

		assertThat(response.headers().firstValue("Content-Type")).hasValue("text/html;charset=UTF-8");
		assertThat(page.select("html").attr("lang")).isEqualTo("fr");
		assertThat(lines).extracting((line) -> line.selectFirst(".titre").text())
			.containsExactly("Le Parlement adopte la loi de finances", "L’Étoile de Casablanca remporte le derby",
					NewsFeed.HOSTILE_TITLE, "Ounahi élu joueur de l’année", "Le Wydad et l’Étoile du Sahel en finale");
		Element first = lines.get(0);
		assertThat(first.selectFirst("a.titre").attr("href")).isEqualTo("https://quotidien.example/loi.html");
		assertThat(first.selectFirst("time").text()).matches("\\d\\d:\\d\\d|\\d\\d/\\d\\d \\d\\d:\\d\\d");
		assertThat(first.selectFirst(".source").text()).isEqualTo("Le Quotidien");
		assertThat(first.selectFirst(".categorie").text()).isEqualTo("politique");
		assertThat(lines.get(4).selectFirst("time").text()).matches("\\d\\d/\\d\\d \\d\\d:\\d\\d");
		assertThat(lines.get(4).select("time .jour")).hasSize(1);
	}

	@Test
	void tickerPageShowsWhatFeedsSendAsTextNeverAsMarkup() throws Exception {
		String body = get("/", null).body();
		org.jsoup.nodes.Document page = Jsoup.parse(body);

		assertThat(body).contains("&lt;&lt;Le Monde&gt;&gt; Prix &lt; 5 dirhams &amp; « guillemets &quot;doubles&quot; »")
			.doesNotContain("<Le Monde>");
		assertThat(page.select("script")).hasSize(1)
			.allSatisfy((script) -> assertThat(script.attr("src")).startsWith("/assets/ticker-"));
		assertThat(get("/?q=" + encode("\"><script>x</script>"), null).body()).doesNotContain("<script>x")
			.contains("value=\"&quot;&gt;&lt;script&gt;x&lt;/script&gt;\"");
	}

	@Test
	void tickerPageFiltersAndAnnouncesItsFeedsWithTheSameFilters() throws Exception {
		org.jsoup.nodes.Document page = Jsoup.parse(get("/?category=sport&q=etoile", null).body());
		String base = "http://localhost:" + this.port + "/";

		assertThat(page.select("#fil > li .titre")).extracting(Element::text)
			.containsExactly("L’Étoile de Casablanca remporte le derby");
		assertThat(page.select("link[rel=alternate]")).extracting((link) -> link.attr("type") + " " + link.attr("href"))
			.containsExactly("application/atom+xml " + base + "feed.atom?category=sport&q=etoile",
					"application/rss+xml " + base + "feed.rss?category=sport&q=etoile",
					"application/feed+json " + base + "feed.json?category=sport&q=etoile");
		assertThat(page.selectFirst("select[name=category] option[selected]").val()).isEqualTo("sport");
		assertThat(page.selectFirst("input[name=q]").val()).isEqualTo("etoile");
		assertThat(page.selectFirst("#fil").attr("data-api")).isEqualTo("/api/headlines?category=sport&q=etoile");
		assertThat(Jsoup.parse(get("/?source=sport-matin", null).body()).select("#fil > li")).hasSize(2);
		// What a form sends when "all sources" is chosen and the search box is left empty.
		assertThat(Jsoup.parse(get("/?source=&category=sport&q=", null).body()).select("#fil > li")).hasSize(2);
		assertThat(Jsoup.parse(get("/?q=introuvable", null).body()).selectFirst("#vide").hasAttr("hidden")).isFalse();
	}

	/**
	 * Every filter of the page's address, those its form does not show too ({@code lang}, {@code since},
	 * {@code limit}): the script's requests list what the page lists, and the feed links, the tabs and the form keep
	 * them.
	 */
	@Test
	void tickerPageCarriesEveryFilterOfItsAddress() throws Exception {
		String query = "lang=fr&since=" + encode(NOW.minusSeconds(45 * 60).truncatedTo(ChronoUnit.SECONDS).toString())
				+ "&limit=2";
		org.jsoup.nodes.Document page = Jsoup.parse(get("/?" + query, null).body());
		List<String> lines = page.select("#fil > li").eachAttr("data-key");
		String base = "http://localhost:" + this.port + "/";

		assertThat(lines).hasSize(2);
		List<String> refreshed = new ArrayList<>();
		this.json.readTree(get(page.selectFirst("#fil").attr("data-api"), null).body())
			.get("headlines")
			.forEach((headline) -> refreshed.add(headline.get("source").asString() + "|"
					+ headline.get("published").asString() + "|" + headline.get("title").asString()));
		assertThat(refreshed).isEqualTo(lines);
		assertThat(page.select("link[rel=alternate]")).extracting((link) -> link.attr("href"))
			.containsExactly(base + "feed.atom?" + query, base + "feed.rss?" + query, base + "feed.json?" + query);
		assertThat(page.select("nav.onglets a")).extracting((tab) -> tab.attr("href"))
			.containsExactly("/?" + query, "/?" + query + "&order=une");
		assertThat(page.select("#filtres input[type=hidden]")).extracting((input) -> input.attr("name") + "=" + encode(input.val()))
			.containsExactly(query.split("&"));
	}

	@Test
	void pagesLoadNothingFromElsewhereAndAssetsAreKeptAYear() throws Exception {
		for (String path : List.of("/", "/sources")) {
			HttpResponse<String> response = get(path, null);
			org.jsoup.nodes.Document page = Jsoup.parse(response.body());
			List<String> assets = new ArrayList<>();
			page.select("link[rel~=stylesheet|icon]").forEach((link) -> assets.add(link.attr("href")));
			page.select("script[src], img[src]").forEach((element) -> assets.add(element.attr("src")));

			// No site may frame a page unless manchette.page.frame-ancestors names it (clickjacking).
			assertThat(response.headers().firstValue("Content-Security-Policy")).as(path)
				.hasValueSatisfying((policy) -> assertThat(policy).contains("default-src 'self'")
					.contains("frame-ancestors 'none'"));
			assertThat(assets).as(path).isNotEmpty().allSatisfy((asset) -> assertThat(asset).startsWith("/assets/"));
			for (String asset : assets) {
				HttpResponse<String> answer = get(asset, null);
				assertThat(answer.statusCode()).as(asset).isEqualTo(200);
				assertThat(answer.headers().firstValue("Cache-Control")).as(asset)
					.hasValueSatisfying((cache) -> assertThat(cache).contains("max-age=31536000"));
			}
		}
		org.jsoup.nodes.Document page = Jsoup.parse(get("/", null).body());
		assertThat(get(page.selectFirst("link[rel=stylesheet]").attr("href"), null).headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("text/css"));
		assertThat(get(page.selectFirst("script").attr("src"), null).headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).contains("javascript"));
	}

	@Test
	void pagesAnswerConditionalRequestsAndAreRevalidatedEachTime() throws Exception {
		for (String path : List.of("/", "/?category=sport", "/sources", "/opml")) {
			HttpResponse<String> first = get(path, null);
			String etag = first.headers().firstValue("ETag").orElseThrow();

			HttpResponse<String> second = get(path, etag);

			assertThat(first.headers().firstValue("Cache-Control")).as(path).hasValue("no-cache");
			assertThat(second.statusCode()).as(path).isEqualTo(304);
			assertThat(second.headers().firstValue("Cache-Control")).as(path).hasValue("no-cache");
			// Every form RFC 9110 §13.1.2 gives, as the feeds take them: a list, the weak form, "*" (any current copy).
			for (String ifNoneMatch : List.of("\"other\", " + etag, "W/" + etag, "*")) {
				assertThat(get(path, ifNoneMatch).statusCode()).as(path + " " + ifNoneMatch).isEqualTo(304);
			}
			assertThat(get(path, "\"other\"").statusCode()).as(path).isEqualTo(200);
		}
	}

	/**
	 * The README's Admin actions: with no {@code manchette.admin.token} set they are off, a 403 whatever the request
	 * shows (a 401 would invite a retry with a token), and nothing is done: no copy written, no poll asked for.
	 */
	@Test
	void withoutATokenSetAdminActionsAnswer403AndDoNothing() throws Exception {
		for (String path : new String[] { "/admin/backup", "/admin/sources/quotidien/poll" }) {
			HttpResponse<String> refused = HttpClient.newHttpClient()
				.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
					.header("Authorization", "Bearer 0123456789abcdef0123")
					.POST(HttpRequest.BodyPublishers.noBody())
					.build(), HttpResponse.BodyHandlers.ofString());

			assertThat(refused.statusCode()).as(path).isEqualTo(403);
			assertThat(refused.body()).as(path).contains("manchette.admin.token");
		}
		try (var files = Files.walk(dir)) {
			assertThat(files.map(Path::getFileName).map(Path::toString)).noneMatch((name) -> name.endsWith(".zip"));
		}
	}

	@Test
	void sourcesPageShowsEachSourcesHealthInFrench() throws Exception {
		HttpResponse<String> response = get("/sources", null);
		org.jsoup.nodes.Document page = Jsoup.parse(response.body());

		assertThat(response.headers().firstValue("Content-Type")).hasValue("text/html;charset=UTF-8");
		assertThat(page.select("tbody tr")).hasSize(3);
		Element quotidien = page.getElementById("source-quotidien");
		assertThat(quotidien.selectFirst("[data-label=Résultat]").text()).isEqualTo("OK");
		assertThat(quotidien.selectFirst("[data-label=Articles]").text()).isEqualTo("3");
		assertThat(quotidien.selectFirst("[data-label=Dernier relevé] time")).isNotNull();
		assertThat(quotidien.selectFirst("[data-label=Prochain relevé] time")).isNotNull();
		Element panne = page.getElementById("source-panne");
		assertThat(panne.selectFirst("[data-label=Résultat]").text()).contains("Erreur HTTP", "HTTP 500");
		assertThat(panne.selectFirst("[data-label=Articles]").text()).isEqualTo("0");
		assertThat(page.selectFirst(".etat").text()).startsWith("3 sources · 1 en échec");
	}

	@Test
	void opmlListsTheSourcesForAFeedReader() throws Exception {
		HttpResponse<String> response = get("/opml", null);
		Document opml = dom(response.body());
		NodeList outlines = opml.getElementsByTagName("outline");
		List<String> feeds = new ArrayList<>();
		for (int i = 0; i < outlines.getLength(); i++) {
			org.w3c.dom.Element outline = (org.w3c.dom.Element) outlines.item(i);
			if (outline.hasAttribute("xmlUrl")) {
				feeds.add(outline.getAttribute("type") + " " + outline.getAttribute("text") + " "
						+ outline.getAttribute("xmlUrl") + " " + outline.getAttribute("category") + " in "
						+ ((org.w3c.dom.Element) outline.getParentNode()).getAttribute("text"));
			}
		}

		assertThat(response.headers().firstValue("Content-Type")).hasValue("text/x-opml;charset=UTF-8");
		assertThat(opml.getDocumentElement().getAttribute("version")).isEqualTo("2.0");
		assertThat(opml.getElementsByTagName("title").item(0).getTextContent()).isNotBlank();
		String base = "http://localhost:" + sites.getPort();
		assertThat(feeds).containsExactly("rss Le Quotidien " + base + "/quotidien/rss /politique in politique",
				"rss Sport Matin " + base + "/sport/rss /sport in sport", "rss Source en panne " + base + "/panne/rss  in ");
	}

	@Test
	void liveAtomIsValidAgainstTheRfc4287Schema() throws Exception {
		String atom = get("/feed.atom?category=politique", null).body();

		assertThat(AtomSchema.errors(atom)).isEmpty();
		Document document = dom(atom);
		NodeList links = document.getElementsByTagNameNS("http://www.w3.org/2005/Atom", "link");
		assertThat(((org.w3c.dom.Element) links.item(1)).getAttribute("rel")).isEqualTo("self");
		assertThat(((org.w3c.dom.Element) links.item(1)).getAttribute("href"))
			.isEqualTo("http://localhost:" + this.port + "/feed.atom?category=politique");
		// Subscribed beside the whole list, the reader tells this one by its title.
		assertThat(document.getElementsByTagNameNS("http://www.w3.org/2005/Atom", "title").item(0).getTextContent())
			.isEqualTo("Manchette — politique");
	}

	/** Every filter gives a valid document: a search, a language, à la une, a time, none found, several sources. */
	@Test
	void liveAtomIsValidAgainstTheRfc4287SchemaWhateverTheFilters() throws Exception {
		for (String query : List.of("", "?q=etoile", "?lang=fr", "?lang=en", "?order=une", "?order=une&category=sport",
				"?since=2000-01-01&limit=2", "?q=zyzzyva", "?source=quotidien,sport-matin")) {
			HttpResponse<String> response = get("/feed.atom" + query, null);
			String atom = response.body();

			assertThat(response.statusCode()).as(query + " " + atom).isEqualTo(200);
			assertThat(AtomSchema.errors(atom)).as(query).isEmpty();
			assertThat(dom(atom).getElementsByTagNameNS("http://www.w3.org/2005/Atom", "entry").getLength()).as(query)
				.isEqualTo(switch (query) {
					case "?lang=en", "?q=zyzzyva" -> 0;
					case "?q=etoile", "?since=2000-01-01&limit=2", "?order=une&category=sport" -> 2;
					case "?order=une" -> 4; // one story is two days old, out of the window
					default -> 5;
				});
		}
	}

	@Test
	void liveRssReadsBackWithAPlainXmlParser() throws Exception {
		Document rss = dom(get("/feed.rss?source=quotidien", null).body());
		org.w3c.dom.Element channel = (org.w3c.dom.Element) rss.getElementsByTagName("channel").item(0);
		org.w3c.dom.Element self = (org.w3c.dom.Element) channel
			.getElementsByTagNameNS("http://www.w3.org/2005/Atom", "link")
			.item(0);
		NodeList items = rss.getElementsByTagName("item");

		assertThat(rss.getDocumentElement().getAttribute("version")).isEqualTo("2.0");
		for (String required : List.of("title", "link", "description")) {
			assertThat(channel.getElementsByTagName(required).item(0).getTextContent()).as(required).isNotBlank();
		}
		assertThat(self.getAttribute("rel")).isEqualTo("self");
		assertThat(self.getAttribute("href")).isEqualTo("http://localhost:" + this.port + "/feed.rss?source=quotidien");
		assertThat(items.getLength()).isEqualTo(3);
		for (int i = 0; i < items.getLength(); i++) {
			org.w3c.dom.Element item = (org.w3c.dom.Element) items.item(i);
			assertThat(item.getElementsByTagName("title").item(0).getTextContent()).isNotBlank();
			assertThat(item.getElementsByTagName("guid").item(0).getTextContent()).isNotBlank();
			String date = item.getElementsByTagName("pubDate").item(0).getTextContent();
			assertThat(ZonedDateTime.parse(date, DateTimeFormatter.RFC_1123_DATE_TIME)).isNotNull();
		}
		assertThat(((org.w3c.dom.Element) items.item(1)).getElementsByTagName("title").item(0).getTextContent())
			.isEqualTo(NewsFeed.HOSTILE_TITLE);
	}

	@Test
	void liveJsonFeedReadsBackWithJackson() throws Exception {
		HttpResponse<String> response = get("/feed.json?q=etoile", null);
		JsonNode feed = this.json.readTree(response.body());

		assertThat(response.headers().firstValue("Content-Type")).hasValue("application/feed+json;charset=UTF-8");
		assertThat(feed.get("version").asString()).isEqualTo("https://jsonfeed.org/version/1.1");
		assertThat(feed.get("title").asString()).isNotBlank();
		assertThat(feed.get("feed_url").asString()).isEqualTo("http://localhost:" + this.port + "/feed.json?q=etoile");
		assertThat(feed.get("items")).hasSize(2).allSatisfy((item) -> {
			assertThat(item.get("id").asString()).isNotBlank();
			assertThat(item.has("content_html") || item.has("content_text")).isTrue();
			assertThat(DateTimeFormatter.ISO_OFFSET_DATE_TIME.parse(item.get("date_published").asString())).isNotNull();
		});
	}

	/** Stored, then republished: in each of the three feeds, what a reader gets of a hostile summary is safe. */
	@Test
	void hostileSummaryComesOutSafeInEveryFeed() throws Exception {
		String rss = get("/feed.rss?source=quotidien", null).body();
		String atom = get("/feed.atom?source=quotidien", null).body();
		JsonNode json = this.json.readTree(get("/feed.json?source=quotidien", null).body());
		String fromRss = childText(entryTitled(dom(rss), "item"), "description");
		String fromAtom = childText(entryTitled(dom(atom), "entry"), "summary");
		JsonNode fromJson = json.get("items")
			.valueStream()
			.filter((item) -> item.get("title").asString().equals(NewsFeed.HOSTILE_TITLE))
			.findFirst()
			.orElseThrow();

		assertThat(AtomSchema.errors(atom)).isEmpty();
		String detail = "<a href=\"http://localhost:" + sites.getPort() + "/prix/detail.html\" rel=\"nofollow noopener\">";
		for (String html : List.of(fromRss, fromAtom, fromJson.get("content_html").asString())) {
			assertThat(RepublishedHtml.problems(html)).as(html).isEmpty();
			assertThat(html).contains("Le prix <b>baisse</b>", detail, "<td>5 dirhams</td>",
					"<img src=\"https://quotidien.example/graphique.png\" alt=\"graphique\">");
		}
		assertThat(fromJson.get("summary").asString()).isEqualTo("Le prix baisse lien détail Pain 5 dirhams");
	}

	/** The first item or entry of an RSS or Atom document whose title is {@link NewsFeed#HOSTILE_TITLE}. */
	private static org.w3c.dom.Element entryTitled(Document feed, String tag) {
		NodeList entries = feed.getElementsByTagNameNS("*", tag);
		for (int i = 0; i < entries.getLength(); i++) {
			org.w3c.dom.Element entry = (org.w3c.dom.Element) entries.item(i);
			if (childText(entry, "title").equals(NewsFeed.HOSTILE_TITLE)) {
				return entry;
			}
		}
		throw new AssertionError("no " + tag + " titled " + NewsFeed.HOSTILE_TITLE);
	}

	private static String childText(org.w3c.dom.Element entry, String name) {
		return entry.getElementsByTagNameNS("*", name).item(0).getTextContent();
	}

	private static String encode(String value) {
		return java.net.URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

	private static Document dom(String xml) throws Exception {
		DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
		factory.setNamespaceAware(true);
		factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
		return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
	}

	private HttpResponse<String> get(String path, String ifNoneMatch) throws Exception {
		return LocalHttp.get(this.port, path, ifNoneMatch);
	}

}
