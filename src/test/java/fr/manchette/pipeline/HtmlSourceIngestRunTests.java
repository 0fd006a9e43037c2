package fr.manchette.pipeline;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;

import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import fr.manchette.config.CurrentFeeds;
import fr.manchette.config.Source;
import fr.manchette.parse.ArticlePageReader;
import fr.manchette.store.PollOutcome;
import fr.manchette.store.SourceStatus;
import fr.manchette.store.SourceStatusRepository;
import fr.manchette.support.FeedsYml;
import fr.manchette.support.Sites;
import fr.manchette.support.TestService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code type: html} sources through the real pipeline and store, scheduler off, pages served by WireMock: times read
 * in the source's zone and kept once read, a redesigned page recorded as a failure with its items kept, conditional
 * GET, and enrichment that fetches each new item's article once.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE, properties = "manchette.polling.enabled=false")
class HtmlSourceIngestRunTests {

	private static final Instant NOW = Instant.now();

	private static final ZoneId CASABLANCA = ZoneId.of("Africa/Casablanca");

	@RegisterExtension
	static WireMockExtension server = Sites.forEachTest((options) -> options.gzipDisabled(true));

	@TempDir
	static Path dir;

	@Autowired
	private IngestRun ingestRun;

	@Autowired
	private CurrentFeeds feeds;

	@Autowired
	private SourceStatusRepository statuses;

	@Autowired
	private JdbcClient jdbc;

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) throws IOException {
		// The articles' pages are fixtures dated May 2025: a retention that keeps them.
		FeedsYml yaml = FeedsYml.inZone("Europe/Paris").settings("""
				retention: 3650d
				poll:
				  timeout: 5s
				""");
		for (String id : List.of("times", "seen-again", "redesign", "etag", "enriched", "unreachable-articles",
				"large-articles", "many-articles", "no-links", "relative")) {
			yaml.source(id, "Le Fil (%s)".formatted(id), "http://localhost:%d/%s/fil-info".formatted(server.getPort(), id),
					"""
					type: html
					enrich: %s
					select:
					  item: ul.fil-info > li
					  title: a
					  time: span.heure
					  timezone: Africa/Casablanca
					""".formatted(id.contains("articles") || id.equals("enriched")));
		}
		TestService.use(registry, dir, yaml);
	}

	@Test
	void headlinesAreStoredWithTheirTimesInTheSourceZoneAndCanonicalLinks() {
		servePage("times", "fil-info-ticker.html");

		PollReport report = poll("times");

		assertThat(report.outcome()).isEqualTo(PollOutcome.OK);
		assertThat(report.inserted()).isEqualTo(3);
		List<Row> rows = rows("times");
		assertThat(rows).extracting(Row::title).containsExactly(
				"Azzedine Ounahi sacré joueur de l’année au Panathinaïkos après une saison étincelante",
				"Marchica Med investit 1,4\u00a0milliard pour Atalayoun à Nador", "Une dépêche sans heure");
		assertThat(rows).extracting(Row::link).containsExactly(url("/sport/ounahi-joueur-annee.html"),
				url("/economie/marchica-atalayoun.html"), url("/culture/sans-heure.html"));
		assertThat(rows.get(0).published()).isEqualTo(FixturePage.at(NOW, "MINUS_20M"));
		assertThat(rows.get(1).published()).isEqualTo(FixturePage.at(NOW, "MINUS_45M"));
		assertThat(rows.get(2).publishedKnown()).isFalse();
	}

	@Test
	void anItemSeenAgainKeepsTheTimeFirstReadAndAnItemWithoutOneTheTimeFirstSeen() {
		servePage("seen-again", "fil-info-ticker.html");
		poll("seen-again");
		List<Row> first = rows("seen-again");

		PollReport again = poll("seen-again");

		assertThat(again.outcome()).isEqualTo(PollOutcome.OK);
		assertThat(again.inserted()).isZero();
		assertThat(again.updated()).isZero();
		assertThat(rows("seen-again")).isEqualTo(first);
	}

	@Test
	void aRedesignedPageIsAParseErrorNamingTheSelectorAndStoredItemsStay() {
		servePage("redesign", "fil-info-ticker.html");
		assertThat(poll("redesign").inserted()).isEqualTo(3);
		List<Row> before = rows("redesign");

		servePage("redesign", "fil-info-ticker-redesigned.html");
		PollReport broken = poll("redesign");

		assertThat(broken.outcome()).isEqualTo(PollOutcome.PARSE_ERROR);
		SourceStatus status = this.statuses.find("redesign").orElseThrow();
		assertThat(status.lastError()).isEqualTo("selector `ul.fil-info > li` matched nothing");
		assertThat(status.consecutiveFailures()).isEqualTo(1);
		assertThat(rows("redesign")).isEqualTo(before);
	}

	@Test
	void pageIsFetchedAsAWebPageWithConditionalGet() {
		String page = FixturePage.render("fil-info-ticker.html", NOW, CASABLANCA);
		server.stubFor(WireMock.get("/etag/fil-info")
			.withHeader("If-None-Match", absent())
			.willReturn(aResponse().withHeader("Content-Type", "text/html; charset=utf-8")
				.withHeader("ETag", "\"v1\"")
				.withBody(page)));
		server.stubFor(WireMock.get("/etag/fil-info")
			.withHeader("If-None-Match", equalTo("\"v1\""))
			.willReturn(aResponse().withStatus(304)));

		assertThat(poll("etag").outcome()).isEqualTo(PollOutcome.OK);
		assertThat(poll("etag").outcome()).isEqualTo(PollOutcome.NOT_MODIFIED);

		server.verify(getRequestedFor(urlEqualTo("/etag/fil-info")).withHeader("Accept",
				WireMock.containing("text/html")));
		assertThat(rows("etag")).hasSize(3);
	}

	@Test
	void enrichmentFetchesEachNewItemsArticleOnceAndKeepsWhatItGave() throws IOException {
		servePage("enriched", "fil-info-ticker.html");
		serveArticles();

		poll("enriched");
		List<Row> first = rows("enriched");
		poll("enriched");

		for (String path : List.of("/sport/ounahi-joueur-annee.html", "/economie/marchica-atalayoun.html",
				"/culture/sans-heure.html")) {
			server.verify(1, getRequestedFor(urlPathEqualTo(path)));
		}
		assertThat(rows("enriched")).isEqualTo(first);
		assertThat(first).allSatisfy((row) -> assertThat(row.summaryHtml())
			.contains("Ce que l’article dit de lui-même, pour les aperçus de liens.")
			.contains("<img src=\"" + url("/images/article.jpg") + "\"")
			.doesNotContain("Suivez-nous", "Commentaires"));
		Row withoutTime = first.stream().filter((row) -> row.title().contains("sans heure")).findFirst().orElseThrow();
		assertThat(withoutTime.published()).isEqualTo(Instant.parse("2025-05-16T18:35:00Z"));
		assertThat(withoutTime.publishedKnown()).isTrue();
		Row ounahi = first.get(0);
		assertThat(ounahi.published()).as("the ticker's time wins").isEqualTo(FixturePage.at(NOW, "MINUS_20M"));
	}

	@Test
	void anArticleThatCannotBeReadLeavesItsItemAsTheTickerShowsIt() {
		servePage("unreachable-articles", "fil-info-ticker.html");
		server.stubFor(WireMock.get(WireMock.urlPathMatching("/(sport|economie|culture)/.*"))
			.willReturn(aResponse().withStatus(404)));

		PollReport report = poll("unreachable-articles");

		assertThat(report.outcome()).isEqualTo(PollOutcome.OK);
		assertThat(rows("unreachable-articles")).hasSize(3)
			.allSatisfy((row) -> assertThat(row.summaryHtml()).isEmpty());
	}

	@Test
	void anArticlePageOfALargeBodysSizeIsNotReadAndLeavesItsItemAsTheTickerShowsIt() throws IOException {
		servePage("large-articles", "fil-info-ticker.html");
		byte[] article = new ClassPathResource("fil-info-article.html", getClass()).getContentAsByteArray();
		String html = new String(article, StandardCharsets.UTF_8);
		// The same page, its meta tags first, made as large as a large feed by a script at its end (a site's inline
		// data): under the shipped max-size, over what is read beside the other polls' bodies.
		byte[] large = html.replace("</body>", "<script>" + "x".repeat(WorkingPermits.LARGE_BODY) + "</script></body>")
			.getBytes(StandardCharsets.UTF_8);
		assertThat((long) large.length).isLessThan(this.feeds.get().poll().maxSize().toBytes());
		assertThat(ArticlePageReader.LARGEST_PAGE).as("under what polls count as a large body")
			.isLessThan(WorkingPermits.LARGE_BODY);
		server.stubFor(WireMock.get(WireMock.urlPathMatching("/(sport|economie)/.*"))
			.willReturn(aResponse().withHeader("Content-Type", "text/html; charset=utf-8").withBody(large)));
		server.stubFor(WireMock.get(WireMock.urlPathMatching("/culture/.*"))
			.willReturn(aResponse().withHeader("Content-Type", "text/html; charset=utf-8").withBody(article)));

		PollReport report = poll("large-articles");

		assertThat(report.outcome()).isEqualTo(PollOutcome.OK);
		List<Row> rows = rows("large-articles");
		assertThat(rows).hasSize(3);
		assertThat(rows).filteredOn((row) -> row.title().contains("sans heure"))
			.singleElement()
			.satisfies((row) -> assertThat(row.summaryHtml()).contains("Ce que l’article dit de lui-même"));
		assertThat(rows).filteredOn((row) -> !row.title().contains("sans heure"))
			.hasSize(2)
			.allSatisfy((row) -> assertThat(row.summaryHtml()).isEmpty());
	}

	@Test
	void atMostTwentyArticlePagesAreReadInAPollAndTheOtherItemsAreStoredAsTheTickerShowsThem() throws IOException {
		StringBuilder page = new StringBuilder("<html><body><ul class=\"fil-info\">\n");
		for (int i = 1; i <= 25; i++) {
			page.append("<li><a href=\"/many/depeche-%d.html\">Dépêche numéro %d du fil</a></li>\n".formatted(i, i));
		}
		page.append("</ul></body></html>");
		server.stubFor(WireMock.get("/many-articles/fil-info")
			.willReturn(aResponse().withHeader("Content-Type", "text/html; charset=utf-8").withBody(page.toString())));
		byte[] article = new ClassPathResource("fil-info-article.html", getClass()).getContentAsByteArray();
		server.stubFor(WireMock.get(WireMock.urlPathMatching("/many/.*"))
			.willReturn(aResponse().withHeader("Content-Type", "text/html; charset=utf-8").withBody(article)));

		PollReport report = poll("many-articles");

		assertThat(report.outcome()).isEqualTo(PollOutcome.OK);
		server.verify(20, getRequestedFor(urlPathMatching("/many/.*")));
		List<Row> rows = rows("many-articles");
		assertThat(rows).hasSize(25);
		assertThat(rows).filteredOn((row) -> !row.summaryHtml().isEmpty()).hasSize(20);
	}

	@Test
	void anItemWithoutALinkIsKnownByItsTitleWhenItsTimeIsReadAgainstTheFetch() {
		// "Urgent" bands link nowhere; their "il y a 5 min" reads differently at each poll, as "19:35" does tomorrow.
		String page = """
				<ul class="fil-info">
				  <li><span class="heure">il y a %d min</span> <a>Urgent : séisme ressenti à Al Hoceima</a></li>
				  <li><span class="heure">il y a %d heures</span> <a>Urgent : la CAN reportée d’une semaine</a></li>
				</ul>""";
		serveHtml("/no-links/fil-info", page.formatted(5, 2));
		assertThat(poll("no-links").inserted()).isEqualTo(2);
		List<Row> first = rows("no-links");

		serveHtml("/no-links/fil-info", page.formatted(20, 3));
		PollReport again = poll("no-links");

		assertThat(again.outcome()).isEqualTo(PollOutcome.OK);
		assertThat(again.inserted()).isZero();
		assertThat(rows("no-links")).isEqualTo(first);
	}

	@Test
	void anItemWhoseTimeIsReadAgainstTheFetchIsNotRewrittenAtEachPoll() {
		String page = """
				<ul class="fil-info">
				  <li><span class="heure">il y a %d min</span> <a href="/societe/seisme.html">Séisme à Al Hoceima</a></li>
				</ul>""";
		serveHtml("/relative/fil-info", page.formatted(5));
		assertThat(poll("relative").inserted()).isOne();
		List<Row> first = rows("relative");

		serveHtml("/relative/fil-info", page.formatted(20));
		PollReport again = poll("relative");

		assertThat(again.updated()).as("nothing changed: the time first read is kept").isZero();
		assertThat(rows("relative")).isEqualTo(first);
	}

	private void serveHtml(String path, String html) {
		server.stubFor(WireMock.get(path)
			.willReturn(aResponse().withHeader("Content-Type", "text/html; charset=utf-8").withBody(html)));
	}

	private void servePage(String id, String fixture) {
		server.stubFor(WireMock.get("/" + id + "/fil-info")
			.willReturn(aResponse().withHeader("Content-Type", "text/html; charset=utf-8")
				.withBody(FixturePage.render(fixture, NOW, CASABLANCA))));
	}

	private void serveArticles() throws IOException {
		byte[] article = new ClassPathResource("fil-info-article.html", getClass()).getContentAsByteArray();
		server.stubFor(WireMock.get(WireMock.urlPathMatching("/(sport|economie|culture)/.*"))
			.willReturn(aResponse().withHeader("Content-Type", "text/html; charset=utf-8").withBody(article)));
	}

	private PollReport poll(String id) {
		Source source = this.feeds.get().source(id).orElseThrow();
		return this.ingestRun.run(source);
	}

	private static String url(String path) {
		return "http://localhost:" + server.getPort() + path;
	}

	/** A stored item, read with SQL so that this test does not depend on how the outputs group stories. */
	record Row(String title, String link, String summaryHtml, Instant published, boolean publishedKnown) {

		static Row of(ResultSet row, int number) throws SQLException {
			return new Row(row.getString("title"), row.getString("link"), row.getString("summary_html"),
					row.getObject("published_at", OffsetDateTime.class).toInstant(), row.getBoolean("published_known"));
		}

	}

	private List<Row> rows(String sourceId) {
		return this.jdbc.sql("""
				SELECT title, link, summary_html, published_at, published_known FROM item
				 WHERE source_id = :source ORDER BY id""").param("source", sourceId).query(Row::of).list();
	}

}
