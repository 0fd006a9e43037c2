package fr.manchette.discover;

import java.net.URI;
import java.time.Clock;
import java.util.List;

import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import com.github.tomakehurst.wiremock.junit5.WireMockTest;
import fr.manchette.fetch.FeedFetcher;
import fr.manchette.parse.FeedParser;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.stubFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.verify;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.tuple;

@WireMockTest
class FeedDiscoveryTests {

	static final String RSS = """
			<?xml version="1.0" encoding="UTF-8"?>
			<rss version="2.0"><channel><title>Le Site — À la une</title><link>https://site.example/</link>
			<description>d</description>
			<item><title>Un</title><link>https://site.example/1</link></item>
			<item><title>Deux</title><link>https://site.example/2</link></item>
			</channel></rss>""";

	static final String ATOM = """
			<?xml version="1.0" encoding="UTF-8"?>
			<feed xmlns="http://www.w3.org/2005/Atom"><title>Le Site : sport</title><id>urn:x</id>
			<updated>2025-05-16T18:00:00Z</updated>
			<entry><title>But</title><id>urn:x:1</id><updated>2025-05-16T18:00:00Z</updated></entry></feed>""";

	static final String JSON_FEED = """
			{"version": "https://jsonfeed.org/version/1.1", "title": "Le Site en JSON",
			 "home_page_url": "https://site.example/",
			 "items": [{"id": "1", "url": "https://site.example/1", "title": "Un"},
			           {"id": "2", "url": "https://site.example/2", "title": "Deux"}]}""";

	static final String RDF = """
			<?xml version="1.0" encoding="UTF-8"?>
			<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/">
			<channel rdf:about="https://site.example/"><title>Le Site en RDF</title><link>https://site.example/</link>
			<description>d</description></channel>
			<item rdf:about="https://site.example/1"><title>Un</title><link>https://site.example/1</link></item>
			</rdf:RDF>""";

	private final FeedDiscovery discovery = new FeedDiscovery(new FeedFetcher("Manchette-test", Clock.systemUTC()),
			new FeedParser());

	@Test
	void findsTheFeedsAPageAnnouncesInItsHead(WireMockRuntimeInfo site) {
		stubFor(get("/").willReturn(html("""
				<!DOCTYPE html><html><head><title>Le Site</title>
				<link rel="alternate" type="application/rss+xml" title="À la une" href="/rss/une.xml">
				<link rel="alternate" type="application/atom+xml" href="http://localhost:%d/sport/atom">
				<link rel="alternate" type="application/feed+json" href="feed.json">
				<link rel="alternate" hreflang="en" href="/en/">
				<link rel="stylesheet" type="text/css" href="/style.css">
				</head><body><p>Bonjour</p></body></html>""".formatted(site.getHttpPort()))));
		stubFor(get("/rss/une.xml").willReturn(aResponse().withHeader("Content-Type", "application/rss+xml").withBody(RSS)));
		stubFor(get("/sport/atom").willReturn(aResponse().withBody(ATOM)));
		stubFor(get("/feed.json").willReturn(aResponse().withHeader("Content-Type", "application/feed+json")
			.withBody(JSON_FEED)));

		List<FoundFeed> feeds = this.discovery.discover(URI.create(site.getHttpBaseUrl() + "/")).feeds();

		assertThat(feeds).extracting((feed) -> feed.url().getPath() + " " + feed.format() + " " + feed.title() + " "
				+ feed.items())
			.containsExactly("/rss/une.xml rss_2.0 Le Site — À la une 2", "/sport/atom atom_1.0 Le Site : sport 1",
					"/feed.json json_1.1 Le Site en JSON 2");
		assertThat(feeds.get(0).via()).contains("<link rel=\"alternate\">");
		// Announced feeds found: no usual path is tried.
		verify(0, getRequestedFor(urlEqualTo("/feed")));
	}

	@Test
	void readsAPageWhateverCharsetItsServerNames(WireMockRuntimeInfo site) {
		stubFor(get("/rss/une.xml").willReturn(aResponse().withHeader("Content-Type", "application/rss+xml").withBody(RSS)));
		for (String charset : List.of("utf8mb4", "", "\"\"", "x y")) {
			stubFor(get("/").willReturn(aResponse().withHeader("Content-Type", "text/html; charset=" + charset).withBody("""
					<html><head><title>Éditions</title>
					<link rel="alternate" type="application/rss+xml" href="/rss/une.xml"></head></html>""")));

			assertThat(foundPaths(site)).as(charset).containsExactly("/rss/une.xml");
		}
	}

	@Test
	void readsALinkThatNamesItsRelationTwice(WireMockRuntimeInfo site) {
		stubFor(get("/").willReturn(html("""
				<html><head><link rel="alternate Alternate" type="application/rss+xml" href="/rss/une.xml"></head></html>""")));
		stubFor(get("/rss/une.xml").willReturn(aResponse().withHeader("Content-Type", "application/rss+xml").withBody(RSS)));

		assertThat(foundPaths(site)).containsExactly("/rss/une.xml");
	}

	@Test
	void acceptsAJsonFeedAnnouncedAlone(WireMockRuntimeInfo site) {
		stubFor(get("/").willReturn(html("""
				<html><head><link rel="alternate" type="application/json" href="/feed.json"></head></html>""")));
		// Served with the most generic of types: the body says what it is.
		stubFor(get("/feed.json").willReturn(aResponse().withHeader("Content-Type", "text/plain").withBody(JSON_FEED)));

		List<FoundFeed> feeds = this.discovery.discover(URI.create(site.getHttpBaseUrl() + "/")).feeds();

		assertThat(feeds).singleElement().satisfies((feed) -> {
			assertThat(feed.format()).isEqualTo("json_1.1");
			assertThat(feed.items()).isEqualTo(2);
		});
		// A JSON Feed found is a feed found: no usual path is tried.
		verify(0, getRequestedFor(urlEqualTo("/feed")));
	}

	@Test
	void skipsAnAnnouncedJsonThatIsNoJsonFeed(WireMockRuntimeInfo site) {
		stubFor(get("/").willReturn(html("""
				<html><head><link rel="alternate" type="application/json" href="/api/articles"></head></html>""")));
		stubFor(get("/api/articles").willReturn(aResponse().withHeader("Content-Type", "application/json")
			.withBody("{\"articles\": [{\"id\": 1}]}")));
		stubFor(get("/feed").willReturn(aResponse().withBody(RSS)));

		List<FoundFeed> feeds = this.discovery.discover(URI.create(site.getHttpBaseUrl() + "/")).feeds();

		assertThat(feeds).extracting((feed) -> feed.url().getPath()).containsExactly("/feed");
	}

	@Test
	void takesAFeedSchemeAddressAsTheHttpAddressItNames(WireMockRuntimeInfo site) {
		// The scheme browsers once handed to feed readers: feed://host/path for http, feed:https://… for https.
		stubFor(get("/").willReturn(html("""
				<html><head>
				<link rel="alternate" type="application/rss+xml" href="feed://localhost:%1$d/rss/une.xml">
				<link rel="alternate" type="application/atom+xml" href="FEED:http://localhost:%1$d/sport/atom">
				</head></html>""".formatted(site.getHttpPort()))));
		stubFor(get("/rss/une.xml").willReturn(aResponse().withBody(RSS)));
		stubFor(get("/sport/atom").willReturn(aResponse().withBody(ATOM)));

		Discovered discovered = this.discovery.discover(URI.create(site.getHttpBaseUrl() + "/"));

		assertThat(discovered.feeds()).extracting((feed) -> feed.url().toString())
			.containsExactly(site.getHttpBaseUrl() + "/rss/une.xml", site.getHttpBaseUrl() + "/sport/atom");
		assertThat(discovered.leftOut()).isEmpty();
		assertThat(FeedScheme.httpAddress("feed:https://site.example/rss")).isEqualTo("https://site.example/rss");
		assertThat(FeedScheme.httpAddress(" feed://site.example/rss ")).isEqualTo("http://site.example/rss");
		assertThat(FeedScheme.httpAddress("feed:ftp://site.example/rss")).isNull();
		assertThat(FeedScheme.httpAddress("/feed://x")).isNull();
	}

	@Test
	void asksOnlyForTheJsonThatLooksLikeAJsonFeed(WireMockRuntimeInfo site) {
		// WordPress announces its REST API's view of each page as application/json: no feed, and no feed left out.
		stubFor(get("/").willReturn(html("""
				<html><head>
				<link rel="alternate" type="application/json" href="/wp-json/wp/v2/pages/42">
				<link rel="alternate" type="application/json" title="JSON Feed" href="/flux/tout">
				<link rel="alternate" type="application/json" href="/articles.json">
				<link rel="alternate" type="application/rss+xml" href="/feed/">
				</head></html>""")));
		stubFor(get("/flux/tout").willReturn(aResponse().withBody(JSON_FEED)));
		stubFor(get("/articles.json").willReturn(aResponse().withBody(JSON_FEED)));
		stubFor(get("/feed/").willReturn(aResponse().withBody(RSS)));

		Discovered discovered = this.discovery.discover(URI.create(site.getHttpBaseUrl() + "/"));

		assertThat(discovered.feeds()).extracting((feed) -> feed.url().getPath())
			.containsExactly("/flux/tout", "/articles.json", "/feed/");
		assertThat(discovered.leftOut()).isEmpty();
		verify(0, getRequestedFor(urlPathEqualTo("/wp-json/wp/v2/pages/42")));
	}

	@Test
	void findsFeedsAnnouncedAsPlainXmlOrWithOlderTypes(WireMockRuntimeInfo site) {
		// Older CMSs announce RSS as text/xml or application/xml; RSS 1.0 as application/rdf+xml; RSS and Atom with
		// the x- types of before their registration.
		stubFor(get("/").willReturn(html("""
				<html><head>
				<link rel="alternate" type="text/xml" title="RSS" href="/backend/une.xml">
				<link rel="alternate" type="application/xml" href="/backend/sport.xml">
				<link rel="alternate" type="application/rdf+xml" href="/backend/rdf">
				<link rel="alternate" type="application/x-rss+xml" href="/rss/une.xml">
				<link rel="alternate" type="application/x-atom+xml" href="/sport/atom">
				</head></html>""")));
		stubFor(get("/backend/une.xml").willReturn(aResponse().withHeader("Content-Type", "text/xml").withBody(RSS)));
		stubFor(get("/backend/sport.xml").willReturn(aResponse().withHeader("Content-Type", "application/xml")
			.withBody(ATOM)));
		stubFor(get("/backend/rdf").willReturn(aResponse().withBody(RDF)));
		stubFor(get("/rss/une.xml").willReturn(aResponse().withBody(RSS.replace("À la une", "Tout"))));
		stubFor(get("/sport/atom").willReturn(aResponse().withBody(ATOM.replace("urn:x", "urn:y"))));

		Discovered discovered = this.discovery.discover(URI.create(site.getHttpBaseUrl() + "/"));

		assertThat(discovered.feeds()).extracting((feed) -> feed.url().getPath() + " " + feed.format() + " " + feed.via())
			.containsExactly("/backend/une.xml rss_2.0 <link rel=\"alternate\"> in the page",
					"/backend/sport.xml atom_1.0 <link rel=\"alternate\"> in the page",
					"/backend/rdf rss_1.0 <link rel=\"alternate\"> in the page",
					"/rss/une.xml rss_2.0 <link rel=\"alternate\"> in the page",
					"/sport/atom atom_1.0 <link rel=\"alternate\"> in the page");
		assertThat(discovered.leftOut()).isEmpty();
	}

	@Test
	void leavesOutAnXmlThatIsNoFeedAndSaysWhy(WireMockRuntimeInfo site) {
		stubFor(get("/").willReturn(html("""
				<html><head>
				<link rel="alternate" type="application/xml" href="/sitemap.xml">
				<link rel="alternate" type="text/xml" href="/abonnements.opml">
				<link rel="alternate" type="text/xml" href="/backend/une.xml">
				</head></html>""")));
		stubFor(get("/sitemap.xml").willReturn(aResponse().withHeader("Content-Type", "application/xml").withBody("""
				<?xml version="1.0" encoding="UTF-8"?>
				<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
				<url><loc>https://site.example/1</loc></url></urlset>""")));
		stubFor(get("/abonnements.opml").willReturn(aResponse().withHeader("Content-Type", "text/xml").withBody("""
				<?xml version="1.0"?><opml version="2.0"><head><title>Sources</title></head>
				<body><outline text="Le Site" type="rss" xmlUrl="https://site.example/rss.xml"/></body></opml>""")));
		stubFor(get("/backend/une.xml").willReturn(aResponse().withHeader("Content-Type", "text/xml").withBody(RSS)));

		Discovered discovered = this.discovery.discover(URI.create(site.getHttpBaseUrl() + "/"));

		assertThat(discovered.feeds()).extracting((feed) -> feed.url().getPath()).containsExactly("/backend/une.xml");
		assertThat(discovered.leftOut()).extracting(LeftOut::address, LeftOut::type, LeftOut::why)
			.containsExactly(
					tuple(site.getHttpBaseUrl() + "/sitemap.xml", "application/xml",
							"not a feed: XML whose root is <urlset>, not RSS or Atom"),
					tuple(site.getHttpBaseUrl() + "/abonnements.opml", "text/xml",
							"not a feed: XML whose root is <opml>, not RSS or Atom"));
	}

	@Test
	void asksForAnHrefWithSpacesAndAccentsAsABrowserDoes(WireMockRuntimeInfo site) {
		// Written by hand in a template: a space and accents, in the path and in the query.
		stubFor(get("/").willReturn(html("""
				<html><head>
				<link rel="alternate" type="application/rss+xml" href="/flux rss/à la une.xml?rubrique=économie et social">
				</head></html>""")));
		stubFor(get(urlEqualTo("/flux%20rss/%C3%A0%20la%20une.xml?rubrique=%C3%A9conomie%20et%20social"))
			.willReturn(aResponse().withBody(RSS)));

		Discovered discovered = this.discovery.discover(URI.create(site.getHttpBaseUrl() + "/"));

		assertThat(discovered.feeds()).singleElement()
			.satisfies((feed) -> assertThat(feed.url()).hasToString(site.getHttpBaseUrl()
					+ "/flux%20rss/%C3%A0%20la%20une.xml?rubrique=%C3%A9conomie%20et%20social"));
		assertThat(discovered.leftOut()).isEmpty();
	}

	@Test
	void readsLinksWhereverAndHoweverAPageWritesThem(WireMockRuntimeInfo site) {
		// <base href> for relative hrefs, upper-case attributes, and a <link> in the body (HTML5 allows it there).
		stubFor(get("/").willReturn(html("""
				<html><head><base href="/actualites/">
				<LINK REL="Alternate" TYPE="Application/RSS+XML" HREF="une.xml">
				</head><body><p>Bonjour</p>
				<link rel="alternate" type="application/atom+xml" href="sport/atom">
				</body></html>""")));
		stubFor(get("/actualites/une.xml").willReturn(aResponse().withBody(RSS)));
		stubFor(get("/actualites/sport/atom").willReturn(aResponse().withBody(ATOM)));

		assertThat(foundPaths(site)).containsExactly("/actualites/une.xml", "/actualites/sport/atom");
	}

	@Test
	void saysWhyEachAnnouncedFeedIsLeftOut(WireMockRuntimeInfo site) {
		stubFor(get("/").willReturn(html("""
				<html><head>
				<link rel="alternate" type="application/rss+xml" href="/ancien-flux.xml">
				<link rel="alternate" type="application/rss+xml" href="javascript:void(0)">
				<link rel="alternate" type="application/rss+xml" href="">
				<link rel="alternate" type="application/rss+xml" href="/rss/une.xml">
				<link rel="alternate" type="application/rss+xml" href="/une">
				<link rel="alternate" type="application/rss+xml" href="/rss/une.xml?utm_source=accueil&amp;utm_medium=rss">
				</head></html>""")));
		stubFor(get("/ancien-flux.xml").willReturn(aResponse().withStatus(404)));
		stubFor(get(urlPathEqualTo("/rss/une.xml")).willReturn(aResponse().withBody(RSS)));
		stubFor(get("/une").willReturn(aResponse().withStatus(301).withHeader("Location", "/rss/une.xml")));

		Discovered discovered = this.discovery.discover(URI.create(site.getHttpBaseUrl() + "/"));

		assertThat(discovered.feeds()).extracting((feed) -> feed.url().getPath()).containsExactly("/rss/une.xml");
		assertThat(discovered.leftOut()).extracting(LeftOut::address, LeftOut::why)
			.containsExactly(tuple(site.getHttpBaseUrl() + "/ancien-flux.xml", "could not be fetched: HTTP_STATUS (HTTP 404)"),
					tuple("javascript:void(0)", "not an http(s) address"),
					tuple("(an empty href)", "not an http(s) address"),
					tuple(site.getHttpBaseUrl() + "/une", "the same feed as " + site.getHttpBaseUrl() + "/rss/une.xml"),
					tuple(site.getHttpBaseUrl() + "/rss/une.xml?utm_source=accueil&utm_medium=rss",
							"the same feed as " + site.getHttpBaseUrl() + "/rss/une.xml"));
	}

	@Test
	void triesTheUsualPathsUntilOneIsAFeed(WireMockRuntimeInfo site) {
		stubFor(get("/").willReturn(html("<!DOCTYPE html><html><head><title>Sans lien</title></head><body></body></html>")));
		stubFor(get("/feed").willReturn(aResponse().withBody(RSS)));
		stubFor(get("/rss").willReturn(aResponse().withBody(RSS)));

		List<FoundFeed> feeds = this.discovery.discover(URI.create(site.getHttpBaseUrl() + "/")).feeds();

		assertThat(feeds).singleElement().satisfies((feed) -> {
			assertThat(feed.url()).isEqualTo(URI.create(site.getHttpBaseUrl() + "/feed"));
			assertThat(feed.via()).isEqualTo("usual path");
		});
		verify(0, getRequestedFor(urlEqualTo("/rss")));
	}

	@Test
	void skipsUsualPathsThatAnswerWithAPageOrAnError(WireMockRuntimeInfo site) {
		stubFor(get("/").willReturn(html("<html><body>Accueil</body></html>")));
		stubFor(get("/feed").willReturn(html("<html><body>Page introuvable</body></html>")));
		stubFor(get("/rss").willReturn(aResponse().withStatus(404)));
		stubFor(get(urlPathEqualTo("/")).withQueryParam("feed", com.github.tomakehurst.wiremock.client.WireMock.equalTo("rss2"))
			.willReturn(aResponse().withBody(RSS)));

		List<FoundFeed> feeds = this.discovery.discover(URI.create(site.getHttpBaseUrl() + "/")).feeds();

		assertThat(feeds).extracting((feed) -> feed.url().toString()).containsExactly(site.getHttpBaseUrl() + "/?feed=rss2");
	}

	@Test
	void anAddressThatIsAFeedIsItsOwnAnswer(WireMockRuntimeInfo site) {
		stubFor(get("/rss.xml").willReturn(aResponse().withBody(RSS)));

		List<FoundFeed> feeds = this.discovery.discover(URI.create(site.getHttpBaseUrl() + "/rss.xml")).feeds();

		assertThat(feeds).singleElement().satisfies((feed) -> assertThat(feed.via()).isEqualTo("the address itself"));
	}

	@Test
	void findsNothingOnASiteWithoutFeeds(WireMockRuntimeInfo site) {
		stubFor(get("/").willReturn(html("<html><body>Rien</body></html>")));

		assertThat(this.discovery.discover(URI.create(site.getHttpBaseUrl() + "/")).feeds()).isEmpty();
	}

	@Test
	void aPageThatCannotBeFetchedIsAnError(WireMockRuntimeInfo site) {
		stubFor(get("/").willReturn(aResponse().withStatus(503)));

		assertThatExceptionOfType(DiscoveryException.class)
			.isThrownBy(() -> this.discovery.discover(URI.create(site.getHttpBaseUrl() + "/")))
			.withMessageContaining("RATE_LIMITED");
	}

	@Test
	void usualPathsUnderTheAddressFolderComeFirst() {
		assertThat(FeedDiscovery.usualPaths(URI.create("https://site.example/blog/")))
			.startsWith(URI.create("https://site.example/blog/feed"), URI.create("https://site.example/blog/rss"))
			.contains(URI.create("https://site.example/feed"), URI.create("https://site.example/?feed=rss2"));
	}

	/** The paths of the feeds found from the site's home page. */
	private List<String> foundPaths(WireMockRuntimeInfo site) {
		return this.discovery.discover(URI.create(site.getHttpBaseUrl() + "/")).feeds()
			.stream()
			.map((feed) -> feed.url().getPath())
			.toList();
	}

	static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder html(String body) {
		return aResponse().withHeader("Content-Type", "text/html; charset=utf-8").withBody(body);
	}

}
