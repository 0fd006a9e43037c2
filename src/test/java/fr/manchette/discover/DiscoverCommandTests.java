package fr.manchette.discover;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;

import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import com.github.tomakehurst.wiremock.junit5.WireMockTest;
import fr.manchette.ManchetteApplication;
import fr.manchette.config.FeedsFile;
import fr.manchette.config.FeedsFileLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.stubFor;
import static org.assertj.core.api.Assertions.assertThat;

/** The command as an operator runs it: its output, its exit status, and entries that feeds.yml accepts. */
@WireMockTest
class DiscoverCommandTests {

	@TempDir
	java.nio.file.Path dir;

	@Test
	void printsTheFeedsAndTheEntriesToAdd(WireMockRuntimeInfo site) throws Exception {
		stubFor(get("/").willReturn(FeedDiscoveryTests.html("""
				<html><head><link rel="alternate" type="application/rss+xml" href="/rss/une.xml"></head></html>""")));
		stubFor(get("/rss/une.xml").willReturn(aResponse().withBody(FeedDiscoveryTests.RSS)));

		Map.Entry<Integer, String> run = run(site.getHttpBaseUrl() + "/");

		assertThat(run.getKey()).isZero();
		assertThat(run.getValue()).startsWith("Looking for the feeds of " + site.getHttpBaseUrl() + "/ …\n\nFound 1 feed:\n");
		assertThat(run.getValue()).contains("Found 1 feed:", site.getHttpBaseUrl() + "/rss/une.xml",
				"RSS 2.0, « Le Site — À la une », 2 items", """
						  - id: localhost
						    name: "Le Site — À la une"
						    url: "%s/rss/une.xml"
						""".formatted(site.getHttpBaseUrl()));
		FeedsFile file = load(run.getValue().substring(run.getValue().indexOf("  - id:")));
		assertThat(file.feeds()).singleElement().satisfies((source) -> {
			assertThat(source.name()).isEqualTo("Le Site — À la une");
			assertThat(source.url().toString()).isEqualTo(site.getHttpBaseUrl() + "/rss/une.xml");
		});
	}

	@Test
	void printsInUtf8WhereNoLocaleIsSetAsInAContainer(WireMockRuntimeInfo site) throws Exception {
		stubFor(get("/").willReturn(FeedDiscoveryTests.html("""
				<html><head><link rel="alternate" type="application/rss+xml" href="/rss/une.xml"></head></html>""")));
		stubFor(get("/rss/une.xml").willReturn(aResponse().withBody(FeedDiscoveryTests.RSS)));
		ProcessBuilder command = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
				"-cp", System.getProperty("java.class.path"), ManchetteApplication.class.getName(), "discover",
				site.getHttpBaseUrl() + "/");
		// What a container without a locale runs with: Java's charset is then ASCII.
		command.environment().keySet().removeIf((name) -> name.equals("LANG") || name.startsWith("LC_"));

		Process process = command.redirectErrorStream(true).start();
		byte[] output = process.getInputStream().readAllBytes();

		assertThat(process.waitFor()).isZero();
		assertThat(new String(output, StandardCharsets.UTF_8)).contains("name: \"Le Site — À la une\"");
	}

	@Test
	void suggestsTheTextOfATitleThatHoldsMarkup(WireMockRuntimeInfo site) throws Exception {
		stubFor(get("/").willReturn(FeedDiscoveryTests.html("""
				<html><head><link rel="alternate" type="application/rss+xml" href="/rss.xml"></head></html>""")));
		stubFor(get("/rss.xml").willReturn(aResponse().withBody("""
				<?xml version="1.0" encoding="UTF-8"?>
				<rss version="2.0"><channel><title><![CDATA[Le <b>Monde</b> &amp; co : l’essentiel]]></title>
				<link>https://le-monde-et-co.example/</link></channel></rss>""")));

		Map.Entry<Integer, String> run = run(site.getHttpBaseUrl() + "/");

		assertThat(run.getKey()).isZero();
		assertThat(run.getValue()).contains("RSS 2.0, « Le Monde & co\u00a0: l’essentiel », 0 items",
				"name: \"Le Monde & co\u00a0: l’essentiel\"");
		FeedsFile file = load(run.getValue().substring(run.getValue().indexOf("  - id:")));
		assertThat(file.feeds()).singleElement()
			.satisfies((source) -> assertThat(source.name()).isEqualTo("Le Monde & co\u00a0: l’essentiel"));
	}

	@Test
	void findsTheFeedOfASiteWithOnlyAUsualPath(WireMockRuntimeInfo site) {
		stubFor(get("/").willReturn(FeedDiscoveryTests.html("<html><body>Accueil</body></html>")));
		stubFor(get("/feed").willReturn(aResponse().withBody(FeedDiscoveryTests.ATOM)));

		Map.Entry<Integer, String> run = run(site.getHttpBaseUrl());

		assertThat(run.getKey()).isZero();
		assertThat(run.getValue()).contains("Atom 1.0, « Le Site : sport », 1 item, found by usual path",
				"url: \"" + site.getHttpBaseUrl() + "/feed\"");
	}

	@Test
	void proposesAJsonFeed(WireMockRuntimeInfo site) throws Exception {
		stubFor(get("/").willReturn(FeedDiscoveryTests.html("""
				<html><head><link rel="alternate" type="application/feed+json" href="/feed.json"></head></html>""")));
		stubFor(get("/feed.json").willReturn(aResponse().withHeader("Content-Type", "application/feed+json")
			.withBody(FeedDiscoveryTests.JSON_FEED)));

		Map.Entry<Integer, String> run = run(site.getHttpBaseUrl() + "/");

		assertThat(run.getKey()).isZero();
		assertThat(run.getValue()).contains("Found 1 feed:",
				"JSON Feed 1.1, « Le Site en JSON », 2 items, found by <link rel=\"alternate\"> in the page",
				"url: \"" + site.getHttpBaseUrl() + "/feed.json\"");
		FeedsFile file = load(run.getValue().substring(run.getValue().indexOf("  - id:")));
		assertThat(file.feeds()).singleElement()
			.satisfies((source) -> assertThat(source.url().toString()).isEqualTo(site.getHttpBaseUrl() + "/feed.json"));
	}

	@Test
	void saysSoWhenThereIsNoFeed(WireMockRuntimeInfo site) {
		stubFor(get("/").willReturn(FeedDiscoveryTests.html("<html><body>Accueil</body></html>")));

		Map.Entry<Integer, String> run = run(site.getHttpBaseUrl() + "/");

		assertThat(run.getKey()).isEqualTo(1);
		assertThat(run.getValue()).contains("No feed found", "/feed, /rss, /rss.xml");
	}

	@Test
	void saysWhatItLeftOutOfWhatThePageAnnounces(WireMockRuntimeInfo site) {
		stubFor(get("/").willReturn(FeedDiscoveryTests.html("""
				<html><head>
				<link rel="alternate" type="application/xml" href="/sitemap.xml">
				<link rel="alternate" type="application/rss+xml" href="/ancien flux.xml">
				</head></html>""")));
		stubFor(get("/sitemap.xml").willReturn(aResponse().withBody("<urlset><url><loc>x</loc></url></urlset>")));
		stubFor(get("/ancien%20flux.xml").willReturn(aResponse().withStatus(410)));

		Map.Entry<Integer, String> run = run(site.getHttpBaseUrl() + "/");

		assertThat(run.getKey()).isEqualTo(1);
		assertThat(run.getValue()).contains("""
				Left out of what the page announces:
				  %1$s/sitemap.xml (application/xml)
				    not a feed: XML whose root is <urlset>, not RSS or Atom
				  %1$s/ancien%%20flux.xml (application/rss+xml)
				    could not be fetched: GONE (HTTP 410 Gone)
				""".formatted(site.getHttpBaseUrl()),
				"No feed found: none of the feeds the page links to with <link rel=\"alternate\"> can be polled "
						+ "(above), and none of the usual paths");
	}

	@Test
	void takesAFeedSchemeAddressAsTheHttpAddressItNames(WireMockRuntimeInfo site) {
		stubFor(get("/rss/une.xml").willReturn(aResponse().withBody(FeedDiscoveryTests.RSS)));

		Map.Entry<Integer, String> run = run("feed://localhost:" + site.getHttpPort() + "/rss/une.xml");

		assertThat(run.getKey()).isZero();
		assertThat(run.getValue()).contains("Looking for the feeds of " + site.getHttpBaseUrl() + "/rss/une.xml",
				"url: \"" + site.getHttpBaseUrl() + "/rss/une.xml\"");
	}

	@Test
	void takesAnAddressWithoutASchemeAsAnHttpsOne(WireMockRuntimeInfo site) {
		// WireMock answers plain HTTP on that port: the https:// address asked for cannot be fetched.
		Map.Entry<Integer, String> run = run("localhost:" + site.getHttpPort() + "/");

		assertThat(run.getKey()).isEqualTo(1);
		assertThat(run.getValue()).contains("Looking for the feeds of https://localhost:" + site.getHttpPort() + "/",
				"could not be fetched");
	}

	@Test
	void asksForAnAddressWhoseHostIsNotInLatinLettersByItsAsciiName(WireMockRuntimeInfo site) {
		// An internationalized host name, as a browser's address bar shows it: asked for under its ASCII (IDN) name,
		// which does not resolve here.
		Map.Entry<Integer, String> run = run("http://exémple.localhost:" + site.getHttpPort() + "/");

		assertThat(run.getKey()).isEqualTo(1);
		assertThat(run.getValue()).contains(
				"Looking for the feeds of http://xn--exmple-cva.localhost:" + site.getHttpPort() + "/",
				"could not be fetched: NETWORK (unknown host xn--exmple-cva.localhost)");
	}

	@Test
	void aPageThatCannotBeFetchedFindsNothing(WireMockRuntimeInfo site) {
		stubFor(get("/nothing/").willReturn(aResponse().withStatus(404)));

		Map.Entry<Integer, String> run = run(site.getHttpBaseUrl() + "/nothing/");

		assertThat(run.getKey()).isEqualTo(1);
		assertThat(run.getValue()).contains(site.getHttpBaseUrl() + "/nothing/ could not be fetched: HTTP_STATUS (HTTP 404)");
	}

	@Test
	void refusesWhatIsNotAnHttpAddress() {
		assertThat(run("ftp://site.example/").getKey()).isEqualTo(2);
		assertThat(run("mailto:redaction@site.example").getKey()).isEqualTo(2);
		assertThat(run().getKey()).isEqualTo(2);
		assertThat(run("--help").getKey()).isZero();
	}

	@Test
	void leavesOutAFeedThatFeedsYmlFollowsAndProposesNoneOfItsIds(WireMockRuntimeInfo site) throws Exception {
		stubFor(get("/").willReturn(FeedDiscoveryTests.html("""
				<html><head><link rel="alternate" type="application/rss+xml" href="/rss/une.xml">
				<link rel="alternate" type="application/rss+xml" href="/rss/sport.xml"></head></html>""")));
		stubFor(get("/rss/une.xml").willReturn(aResponse().withBody(FeedDiscoveryTests.RSS)));
		stubFor(get("/rss/sport.xml").willReturn(aResponse().withBody(FeedDiscoveryTests.RSS)));
		java.nio.file.Files.writeString(existing(), """
				feeds:
				  - id: localhost
				    name: Le Site
				    url: %s/rss/une.xml
				""".formatted(site.getHttpBaseUrl()));

		Map.Entry<Integer, String> run = run(site.getHttpBaseUrl() + "/");

		assertThat(run.getKey()).isZero();
		assertThat(run.getValue()).contains(site.getHttpBaseUrl() + "/rss/une.xml (RSS 2.0)",
				"already in feeds.yml as localhost", "Found 1 feed:", "  - id: localhost-sport\n");

		java.nio.file.Files.writeString(existing(), """
				feeds:
				  - id: une
				    name: Le Site
				    url: %1$s/rss/une.xml
				  - id: sport
				    name: Le Site, sport
				    url: %1$s/rss/sport.xml
				""".formatted(site.getHttpBaseUrl()));
		Map.Entry<Integer, String> all = run(site.getHttpBaseUrl() + "/");
		assertThat(all.getKey()).isEqualTo(1);
		assertThat(all.getValue()).contains("No feed to add: feeds.yml follows every feed found (above).");
	}

	/** The service's feeds.yml, absent unless a test writes it. */
	private java.nio.file.Path existing() {
		return this.dir.resolve("existing-feeds.yml");
	}

	private FeedsFile load(String entries) throws Exception {
		java.nio.file.Path feeds = this.dir.resolve("feeds.yml");
		java.nio.file.Files.writeString(feeds, "feeds:\n" + entries);
		return new FeedsFileLoader().load(feeds);
	}

	/** The command, with the service's feeds.yml at {@link #existing()}. */
	private Map.Entry<Integer, String> run(String... args) {
		ByteArrayOutputStream output = new ByteArrayOutputStream();
		PrintStream out = new PrintStream(output, true, StandardCharsets.UTF_8);
		int status = DiscoverCommand.run(args, out, out, Map.of("MANCHETTE_FEEDS", existing().toString()));
		return Map.entry(status, output.toString(StandardCharsets.UTF_8));
	}

}
