package fr.manchette.preview;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import com.github.tomakehurst.wiremock.junit5.WireMockTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.core.io.ClassPathResource;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.stubFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.client.WireMock.verify;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link PreviewCommand} against pages served by WireMock, its output captured. "Now" is pinned to 16 May 2025,
 * 20:45 in Casablanca.
 */
@WireMockTest
class PreviewCommandTests {

	private static final Clock CLOCK = Clock.fixed(Instant.parse("2025-05-16T19:45:00Z"), ZoneOffset.UTC);

	@TempDir
	Path dir;

	private String base;

	private final ByteArrayOutputStream out = new ByteArrayOutputStream();

	private final ByteArrayOutputStream err = new ByteArrayOutputStream();

	@BeforeEach
	void serve(WireMockRuntimeInfo wiremock) throws IOException {
		this.base = wiremock.getHttpBaseUrl();
		stubFor(get("/fil-info").willReturn(aResponse().withHeader("Content-Type", "text/html; charset=utf-8")
			.withBody(fixture("ticker-with-summaries.html"))));
		stubFor(get("/culture/sans-heure.html").willReturn(aResponse().withHeader("Content-Type", "text/html")
			.withBody(fixture("article-with-meta.html"))));
	}

	@Test
	void previewOfASourcePrintsEachItemsTimeAsShownAndAsReadTitleLinkAndSummary() throws IOException {
		Path feeds = feedsFile();

		int status = run(Map.of(), "fil-info", "--manchette.feeds=" + feeds);

		assertThat(status).isEqualTo(PreviewCommand.OK);
		assertThat(this.out.toString(StandardCharsets.UTF_8)).isEqualTo("""
				Le Fil — Actualités
				%1$s/fil-info: 2 items (item `ul.fil-info > li`), times read in Africa/Casablanca

				[1] time "19:35" → 2025-05-16 19:35
				    title:   Azzedine Ounahi sacré joueur de l’année
				    link:    %1$s/sport/ounahi-joueur-annee.html
				    summary: Le milieu marocain a été élu par les supporters.

				[2] no time shown → the time it is first seen
				    title:   Une dépêche sans heure
				    link:    %1$s/culture/sans-heure.html
				""".formatted(this.base));
		assertThat(this.err.toString(StandardCharsets.UTF_8)).isEmpty();
		verify(0, getRequestedFor(urlEqualTo("/culture/sans-heure.html")));
	}

	@Test
	void previewFindsFeedsYmlThroughTheEnvironmentAsTheServiceDoes() throws IOException {
		Path feeds = feedsFile();

		int status = run(Map.of("MANCHETTE_FEEDS", feeds.toString()), "fil-info");

		assertThat(status).isEqualTo(PreviewCommand.OK);
		assertThat(this.out.toString(StandardCharsets.UTF_8)).contains("2 items");
	}

	@Test
	void previewSendsTheServicesUserAgentAsTheServiceReadsIt() throws IOException {
		int status = run(Map.of("MANCHETTE_USER_AGENT", "Manchette-redaction (+https://exemple.ma)"), "fil-info",
				"--manchette.feeds=" + feedsFile());

		assertThat(status).isEqualTo(PreviewCommand.OK);
		verify(getRequestedFor(urlEqualTo("/fil-info")).withHeader("User-Agent", equalTo("Manchette-redaction (+https://exemple.ma)")));
	}

	@Test
	void aServiceSettingTheServiceWouldRefuseStopsThePreview() throws IOException {
		int status = run(Map.of("MANCHETTE_POLLING_CONCURRENCY", "0"), "fil-info", "--manchette.feeds=" + feedsFile());

		assertThat(status).isEqualTo(PreviewCommand.USAGE);
		assertThat(this.err.toString(StandardCharsets.UTF_8)).startsWith("preview: ")
			.contains("manchette.polling.concurrency must be at least 1");
		verify(0, getRequestedFor(urlEqualTo("/fil-info")));
	}

	@Test
	void previewFromTheCommandLineNeedsNoFeedsFile() {
		int status = run(Map.of(), "--url", this.base + "/fil-info", "--item", "ul.fil-info > li", "--title", "a",
				"--time=span.heure", "--timezone", "Europe/Paris");

		assertThat(status).isEqualTo(PreviewCommand.OK);
		assertThat(this.out.toString(StandardCharsets.UTF_8)).contains("times read in Europe/Paris")
			.contains("[1] time \"19:35\" → 2025-05-16 19:35")
			.doesNotContain("summary:");
	}

	@Test
	void previewFromTheCommandLineReadsTimesInEuropeParisUnlessToldOtherwise() {
		int status = run(Map.of(), "--url", this.base + "/fil-info", "--item", "ul.fil-info > li", "--title", "a");

		assertThat(status).isEqualTo(PreviewCommand.OK);
		assertThat(this.out.toString(StandardCharsets.UTF_8)).contains("times read in Europe/Paris");
	}

	@Test
	void enrichReadsTheArticlesMetaTagsOnlyForWhatTheTickerLacks() throws IOException {
		int status = run(Map.of(), "fil-info", "--manchette.feeds=" + feedsFile(), "--enrich");

		assertThat(status).isEqualTo(PreviewCommand.OK);
		assertThat(this.out.toString(StandardCharsets.UTF_8)).contains("""
				[2] no time shown → 2025-05-16 17:05   (with its article's meta tags)
				    title:   Une dépêche sans heure
				    link:    %1$s/culture/sans-heure.html
				    summary: Ce que l’article dit de lui-même.
				    image:   %1$s/images/sans-heure.jpg
				""".formatted(this.base)).doesNotContain("Commentaires");
	}

	@Test
	void enrichLeavesAnArticlePageOfAMegabyteOrMoreUnreadAsTheServiceDoes() throws IOException {
		String page = new String(fixture("article-with-meta.html"), StandardCharsets.UTF_8);
		stubFor(get("/culture/sans-heure.html").willReturn(aResponse().withHeader("Content-Type", "text/html")
			.withBody(page.replace("</body>", "<script>" + "x".repeat(1 << 20) + "</script></body>"))));

		int status = run(Map.of(), "fil-info", "--manchette.feeds=" + feedsFile(), "--enrich");

		assertThat(status).isEqualTo(PreviewCommand.OK);
		assertThat(this.out.toString(StandardCharsets.UTF_8)).contains(
				"[2] no time shown → the time it is first seen   (article not read: decompressed body is larger than "
						+ "1048575 bytes)")
			.doesNotContain("Ce que l’article dit de lui-même.");
	}

	@Test
	void selectorsThatMatchNothingAreAFailureNamingTheSelector() {
		int status = run(Map.of(), "--url", this.base + "/fil-info", "--item", "div.live-feed > div.entry", "--title",
				"a");

		assertThat(status).isEqualTo(PreviewCommand.FAILED);
		assertThat(this.err.toString(StandardCharsets.UTF_8))
			.isEqualTo("preview: PARSE_ERROR: selector `div.live-feed > div.entry` matched nothing\n");
	}

	@Test
	void aPageThatCannotBeFetchedIsAFailureSayingWhy() {
		stubFor(get("/gone").willReturn(aResponse().withStatus(404)));

		int status = run(Map.of(), "--url", this.base + "/gone", "--item", "li", "--title", "a");

		assertThat(status).isEqualTo(PreviewCommand.FAILED);
		assertThat(this.err.toString(StandardCharsets.UTF_8)).isEqualTo("preview: HTTP_STATUS: HTTP 404\n");
		assertThat(this.out.toString(StandardCharsets.UTF_8)).isEmpty();
	}

	@Test
	void aPageWhoseHostIsNotInLatinLettersIsAskedForByItsAsciiName() {
		int status = run(Map.of(), "--url", "http://exémple.localhost:1/fil-info", "--item", "li", "--title", "a");

		assertThat(status).isEqualTo(PreviewCommand.FAILED);
		assertThat(this.err.toString(StandardCharsets.UTF_8))
			.isEqualTo("preview: NETWORK: unknown host xn--exmple-cva.localhost\n");
	}

	@Test
	void anAddressWithoutASchemeIsAnHttpsOneAsInABrowser() {
		int status = run(Map.of(), "--url", "exémple.localhost:1/fil-info", "--item", "li", "--title", "a");

		assertThat(status).isEqualTo(PreviewCommand.FAILED);
		assertThat(this.err.toString(StandardCharsets.UTF_8))
			.isEqualTo("preview: NETWORK: unknown host xn--exmple-cva.localhost\n");
	}

	@Test
	void aWrongFeedsYmlIsAWrongCommandLine() throws IOException {
		Path feeds = Files.writeString(this.dir.resolve("feeds.yml"), "feeds:\n  - id: fil-info\n    name: Le Fil\n");

		int status = run(Map.of(), "fil-info", "--manchette.feeds=" + feeds);

		assertThat(status).isEqualTo(PreviewCommand.USAGE);
		assertThat(this.err.toString(StandardCharsets.UTF_8)).startsWith("preview: ").contains("url is missing");
	}

	@Test
	void enrichReadsTheArticlePagesOfTheFirstFiveItemsOnly() {
		StringBuilder page = new StringBuilder("<html><body><ul class=\"fil-info\">\n");
		for (int i = 1; i <= 7; i++) {
			page.append("<li><a href=\"/depeches/%d.html\">Dépêche numéro %d</a></li>\n".formatted(i, i));
		}
		stubFor(get("/sept").willReturn(aResponse().withHeader("Content-Type", "text/html; charset=utf-8")
			.withBody(page + "</ul></body></html>")));
		stubFor(get(urlPathMatching("/depeches/.*")).willReturn(aResponse().withStatus(404)));

		int status = run(Map.of(), "--url", this.base + "/sept", "--item", "ul.fil-info > li", "--title", "a",
				"--enrich");

		assertThat(status).isEqualTo(PreviewCommand.OK);
		assertThat(this.out.toString(StandardCharsets.UTF_8)).contains("[7] ");
		verify(5, getRequestedFor(urlPathMatching("/depeches/.*")));
	}

	@Test
	void selectorsAreCheckedAsInFeedsYml() {
		int status = run(Map.of(), "--url", this.base + "/fil-info", "--item", "li[data-id", "--title", "h3 >",
				"--time-format", "mm:ss");

		assertThat(status).isEqualTo(PreviewCommand.USAGE);
		assertThat(this.err.toString(StandardCharsets.UTF_8).lines()).containsExactly(
				"preview: --item \"li[data-id\" is not a valid CSS selector (Did not find balanced marker at 'data-id')",
				"preview: --title \"h3 >\" is not a valid CSS selector (Could not parse query 'h3 >': unexpected token "
						+ "at '')",
				"preview: --time-format \"mm:ss\" must contain an hour (H, h, k or K) (put literal text in single "
						+ "quotes, e.g. HH'h'mm)");
		verify(0, getRequestedFor(urlEqualTo("/fil-info")));
	}

	@Test
	void unknownSourceListsTheIds() throws IOException {
		int status = run(Map.of(), "fil", "--manchette.feeds=" + feedsFile());

		assertThat(status).isEqualTo(PreviewCommand.USAGE);
		assertThat(this.err.toString(StandardCharsets.UTF_8)).startsWith("preview: no source \"fil\" in ")
			.contains("(ids: fil-info, le360)");
	}

	@Test
	void aFeedHasNoSelectorsToPreview() throws IOException {
		int status = run(Map.of(), "le360", "--manchette.feeds=" + feedsFile());

		assertThat(status).isEqualTo(PreviewCommand.USAGE);
		assertThat(this.err.toString(StandardCharsets.UTF_8)).contains("source \"le360\" is a feed");
	}

	@Test
	void wrongCommandLineShowsTheUsage() {
		assertThat(run(Map.of())).isEqualTo(PreviewCommand.USAGE);
		assertThat(this.err.toString(StandardCharsets.UTF_8))
			.startsWith("preview: give a SOURCE-ID of feeds.yml, or --url with --item and --title\n")
			.contains("Usage:");
	}

	@Test
	void helpShowsTheUsage() {
		assertThat(run(Map.of(), "--help")).isEqualTo(PreviewCommand.OK);
		assertThat(this.out.toString(StandardCharsets.UTF_8)).startsWith("Usage:")
			.contains("preview SOURCE-ID", "preview --url URL");
	}

	private int run(Map<String, String> environment, String... args) {
		PreviewCommand command = new PreviewCommand(environment, CLOCK,
				new PrintStream(this.out, true, StandardCharsets.UTF_8),
				new PrintStream(this.err, true, StandardCharsets.UTF_8));
		return command.run(List.of(args));
	}

	private Path feedsFile() throws IOException {
		Path feeds = this.dir.resolve("feeds.yml");
		Files.writeString(feeds, """
				timezone: Africa/Casablanca
				feeds:
				  - id: fil-info
				    name: Le Fil
				    url: %1$s/fil-info
				    type: html
				    select:
				      item: ul.fil-info > li
				      title: a
				      time: span.heure
				      summary: p.chapo
				  - id: le360
				    name: Le360
				    url: %1$s/le360/rss
				""".formatted(this.base));
		return feeds;
	}

	private byte[] fixture(String name) throws IOException {
		return new ClassPathResource(name, getClass()).getContentAsByteArray();
	}

}
