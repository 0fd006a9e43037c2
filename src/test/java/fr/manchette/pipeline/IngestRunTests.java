package fr.manchette.pipeline;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;

import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import fr.manchette.config.CurrentFeeds;
import fr.manchette.config.Source;
import fr.manchette.fetch.RawServer;
import fr.manchette.store.ItemQuery;
import fr.manchette.store.ItemRepository;
import fr.manchette.store.PollOutcome;
import fr.manchette.store.SourceStatus;
import fr.manchette.store.SourceStatusRepository;
import fr.manchette.store.StoreChanges;
import fr.manchette.store.Story;
import fr.manchette.store.StoryQueries;
import fr.manchette.support.FeedsYml;
import fr.manchette.support.Sites;
import fr.manchette.support.TestService;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * One source at a time through the real pipeline and store, scheduler off: what a broken, slow, huge or hostile
 * source leaves behind is a recorded outcome, never a change to what was stored before.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE, properties = "manchette.polling.enabled=false")
@ExtendWith(OutputCaptureExtension.class)
class IngestRunTests {

	private static final Instant NOW = Instant.now();

	private static final String ENDS_EARLY = """
			<rss version="2.0"><channel><title>Sans fin</title><link>https://fin.example/</link>
			<item><title>Le tramway prolongé jusqu'à la gare</title><guid>end-1</guid></item>
			<item><title>La médiathèque rouvre ses portes</title><guid>end-2</guid></item>
			<item><title>Le marché de Noël s'installe</title><guid>end-3</guid></item>
			</channel></rss>""";

	private static RawServer endsEarly;

	@RegisterExtension
	static WireMockExtension server = Sites.forEachTest((options) -> options.gzipDisabled(true));

	@TempDir
	static Path dir;

	@Autowired
	private IngestRun ingestRun;

	@Autowired
	private CurrentFeeds feeds;

	@Autowired
	private ItemRepository items;

	@Autowired
	private StoryQueries queries;

	@Autowired
	private SourceStatusRepository statuses;

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private StoreChanges changes;

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) throws IOException {
		TestService.use(registry, dir, FeedsYml.inZone("Africa/Casablanca").settings("""
				poll:
				  timeout: 2s
				  max-size: 512KB
				""").sources(List.of("hostile", "slow", "big", "boom", "html", "moved", "gone", "limited",
				"undated", "live", "cut", "cut-early", "revalidated", "labelled", "twice", "dated", "years", "churn",
				"json-cut", "json-ends-early", "broken-whole", "broken", "emptied", "ahead"),
				(id) -> "http://localhost:" + server.getPort() + "/" + id)
			.source("cut-page", "Fil coupé", "http://localhost:" + server.getPort() + "/cut-page", "type: html", """
					select:
					  item: ul.fil > li
					  title: a
					""")
			.source("ends-early", endsEarly().url().toString()));
	}

	/**
	 * The source whose first answer has neither Content-Length nor chunks and is closed in its third item, which
	 * HTTP cannot tell from a whole body; its second answer is the whole document.
	 */
	private static RawServer endsEarly() throws IOException {
		if (endsEarly == null) {
			byte[] whole = ENDS_EARLY.getBytes(StandardCharsets.UTF_8);
			byte[] start = ENDS_EARLY.substring(0, ENDS_EARLY.indexOf("s'installe")).getBytes(StandardCharsets.UTF_8);
			endsEarly = RawServer.closing(
					RawServer.answer("HTTP/1.1 200 OK\r\nETag: \"v1\"\r\nConnection: close\r\n\r\n", start),
					RawServer.answer("HTTP/1.1 200 OK\r\nETag: \"v2\"\r\nContent-Length: " + whole.length
							+ "\r\nConnection: close\r\n\r\n", whole));
		}
		return endsEarly;
	}

	@AfterAll
	static void closeRawServer() throws IOException {
		endsEarly.close();
	}

	@Test
	void hostileDocumentsAreRecordedParseErrorsAndLeaveStoredItemsAlone() {
		serve("hostile", FixtureFeed.render("hespress-rss2.xml", NOW));
		assertThat(poll("hostile").inserted()).isEqualTo(4);
		List<Story> before = stories("hostile");

		serve("hostile", """
				<?xml version="1.0"?>
				<!DOCTYPE rss [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
				<rss version="2.0"><channel><title>&xxe;</title><item><title>&xxe;</title></item></channel></rss>""");
		PollReport xxe = poll("hostile");
		serve("hostile", """
				<?xml version="1.0"?>
				<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
				<!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
				<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>
				<rss version="2.0"><channel><title>&lol3;</title></channel></rss>""");
		PollReport bomb = poll("hostile");

		assertThat(xxe.outcome()).isEqualTo(PollOutcome.PARSE_ERROR);
		assertThat(bomb.outcome()).isEqualTo(PollOutcome.PARSE_ERROR);
		SourceStatus status = this.statuses.find("hostile").orElseThrow();
		assertThat(status.lastError()).contains("DOCTYPE").doesNotContain("root:");
		assertThat(status.consecutiveFailures()).isEqualTo(2);
		assertThat(stories("hostile")).isEqualTo(before);
	}

	@Test
	void aSlowSourceTimesOutAndASuccessResetsItsFailures() {
		server.stubFor(WireMock.get("/slow").willReturn(aResponse().withFixedDelay(3_000).withBody("<rss/>")));
		PollReport first = poll("slow");
		PollReport second = poll("slow");
		SourceStatus failing = this.statuses.find("slow").orElseThrow();

		serve("slow", FixtureFeed.render("hespress-rss2.xml", NOW));
		PollReport recovered = poll("slow");
		SourceStatus healthy = this.statuses.find("slow").orElseThrow();

		assertThat(first.outcome()).isEqualTo(PollOutcome.TIMEOUT);
		assertThat(second.outcome()).isEqualTo(PollOutcome.TIMEOUT);
		assertThat(failing.consecutiveFailures()).isEqualTo(2);
		// Backoff: the second failure waits longer than the first.
		assertThat(second.nextAttemptAt()).isAfter(first.nextAttemptAt().plusSeconds(600));
		assertThat(recovered.outcome()).isEqualTo(PollOutcome.OK);
		assertThat(healthy.consecutiveFailures()).isZero();
		assertThat(healthy.lastError()).isNull();
		assertThat(healthy.lastSuccessAt()).isNotNull();
	}

	@Test
	void aBodyOverTheCapIsTooLarge() {
		serve("big", "<rss version=\"2.0\"><channel>" + "<item><title>x</title></item>".repeat(40_000)
				+ "</channel></rss>");

		PollReport report = poll("big");

		assertThat(report.outcome()).isEqualTo(PollOutcome.TOO_LARGE);
		assertThat(this.items.countBySource()).doesNotContainKey("big");
	}

	@Test
	void anHtmlPageIsNotAFeed() {
		serve("html", "<!DOCTYPE html><html><head><title>Attention Required! | Cloudflare</title></head></html>");

		assertThat(poll("html").outcome()).isEqualTo(PollOutcome.NOT_A_FEED);
		assertThat(this.statuses.find("html").orElseThrow().lastError()).isEqualTo("an HTML page, not a feed");
	}

	@Test
	void aPollThatFailsHalfwayStoresNothingOfIt() {
		// A real constraint of the real database refuses the second item: the first must not stay behind.
		this.jdbc.sql("ALTER TABLE item ADD CONSTRAINT no_boom CHECK (title <> 'BOOM')").update();
		try {
			server.stubFor(WireMock.get("/boom").willReturn(aResponse().withHeader("ETag", "\"b1\"").withBody("""
					<rss version="2.0"><channel><title>Boom</title>
					<item><title>Premier article</title><guid>b-1</guid></item>
					<item><title>BOOM</title><guid>b-2</guid></item>
					</channel></rss>""")));

			PollReport report = poll("boom");

			assertThat(report.outcome()).isEqualTo(PollOutcome.UNEXPECTED);
			assertThat(this.items.countBySource()).doesNotContainKey("boom");
			SourceStatus status = this.statuses.find("boom").orElseThrow();
			assertThat(status.etag()).isNull();
			assertThat(status.lastOutcome()).isEqualTo(PollOutcome.UNEXPECTED);
		}
		finally {
			this.jdbc.sql("ALTER TABLE item DROP CONSTRAINT no_boom").update();
		}
	}

	@Test
	void aFailureLogsOneWarnLineAndNoTrace(CapturedOutput output) {
		server.stubFor(WireMock.get("/broken").willReturn(aResponse().withStatus(500)));

		assertThat(poll("broken").outcome()).isEqualTo(PollOutcome.HTTP_STATUS);

		assertThat(output.toString().lines().filter((line) -> line.contains("source=broken ")))
			.singleElement(InstanceOfAssertFactories.STRING)
			.contains(" WARN ", "Poll failed source=broken url=http://localhost:" + server.getPort()
					+ "/broken kind=HTTP_STATUS detail=HTTP 500");
		assertThat(output.toString()).doesNotContain("\tat ");
	}

	@Test
	void aPermanentRedirectIsFollowedFromThenOnAndShown(CapturedOutput output) {
		server.stubFor(WireMock.get("/moved").willReturn(aResponse().withStatus(301).withHeader("Location", "/moved-here")));
		serve("moved-here", FixtureFeed.render("hespress-rss2.xml", NOW));

		PollReport first = poll("moved");
		PollReport second = poll("moved");

		assertThat(first.outcome()).isEqualTo(PollOutcome.OK);
		assertThat(second.outcome()).isEqualTo(PollOutcome.OK);
		assertThat(this.statuses.find("moved").orElseThrow().movedTo())
			.isEqualTo("http://localhost:" + server.getPort() + "/moved-here");
		server.verify(1, WireMock.getRequestedFor(WireMock.urlEqualTo("/moved")));
		server.verify(2, WireMock.getRequestedFor(WireMock.urlEqualTo("/moved-here")));
		// The operator is told, once, to update feeds.yml.
		assertThat(output.toString().lines().filter((line) -> line.contains("Source moved permanently source=moved")))
			.singleElement(InstanceOfAssertFactories.STRING)
			.contains(" WARN ", "update its url in feeds.yml");
	}

	@Test
	void aGoneSourceIsNoLongerPolled() {
		server.stubFor(WireMock.get("/gone").willReturn(aResponse().withStatus(410)));

		PollReport first = poll("gone");
		PollReport second = poll("gone");

		assertThat(first.outcome()).isEqualTo(PollOutcome.GONE);
		assertThat(first.nextAttemptAt()).isNull();
		assertThat(second.outcome()).isEqualTo(PollOutcome.GONE);
		server.verify(1, WireMock.getRequestedFor(WireMock.urlEqualTo("/gone")));
	}

	@Test
	void retryAfterIsObeyed() {
		server.stubFor(WireMock.get("/limited")
			.willReturn(aResponse().withStatus(429).withHeader("Retry-After", "7200")));

		PollReport report = poll("limited");

		assertThat(report.outcome()).isEqualTo(PollOutcome.RATE_LIMITED);
		assertThat(report.nextAttemptAt()).isAfterOrEqualTo(Instant.now().plusSeconds(7100));
	}

	@Test
	void aNewETagOnTheSameBodyStoresAndRendersNothingAgain() {
		String feed = FixtureFeed.render("hespress-rss2.xml", NOW);
		server.stubFor(WireMock.get("/churn").willReturn(aResponse().withHeader("ETag", "\"e1\"").withBody(feed)));
		poll("churn");
		StoreChanges.Change before = this.changes.current();
		List<Story> stored = stories("churn");
		server.stubFor(WireMock.get("/churn").willReturn(aResponse().withHeader("ETag", "\"e2\"").withBody(feed)));

		PollReport again = poll("churn");

		assertThat(again.outcome()).isEqualTo(PollOutcome.OK);
		assertThat(again.inserted()).isZero();
		assertThat(again.updated()).isZero();
		// No change of the store: the published feeds and pages are not rendered again.
		assertThat(this.changes.current()).isEqualTo(before);
		assertThat(stories("churn")).isEqualTo(stored);
		assertThat(this.statuses.find("churn").orElseThrow().etag()).isEqualTo("\"e2\"");
	}

	@Test
	void aRetryAfterOfYearsWaitsSixHoursAtMost() {
		server.stubFor(WireMock.get("/years")
			.willReturn(aResponse().withStatus(503).withHeader("Retry-After", "99999999999")));
		PollReport seconds = poll("years");
		server.stubFor(WireMock.get("/years")
			.willReturn(aResponse().withStatus(429).withHeader("Retry-After", "Fri, 31 Dec 9999 23:59:59 GMT")));
		PollReport date = poll("years");

		for (PollReport report : List.of(seconds, date)) {
			assertThat(report.outcome()).isEqualTo(PollOutcome.RATE_LIMITED);
			assertThat(report.nextAttemptAt()).isBetween(Instant.now().plusSeconds(6 * 3600 - 120),
					Instant.now().plusSeconds(6 * 3600));
		}
	}

	@Test
	void anUndatedItemServedAgainUnchangedIsNoEdit() {
		// Dated when first seen: the time standing in for its date is no change of the item at the next poll.
		serve("undated", """
				<rss version="2.0"><channel><title>Sans dates</title><link>https://undated.example/</link>
				<item><title>Le conseil municipal vote le budget</title><link>https://undated.example/budget</link></item>
				<item><title>La rentrée scolaire avancée d'une semaine</title><link>https://undated.example/rentree</link></item>
				</channel></rss>""");

		assertASecondPollChangesNothing("undated", 2);
	}

	@Test
	void anItemDatedInTheFutureServedAgainIsNoEditAndNoNewItem() {
		// Capped to its fetch, a date in the future moved with every poll: each poll was an edit of the item, and one
		// known by its title and date alone (no guid, no link) was a new item every time.
		serve("ahead", """
				<rss version="2.0"><channel><title>En avance</title><link>https://ahead.example/</link>
				<item><title>Le programme de l'an 2099</title><link>https://ahead.example/2099</link>
				<pubDate>Thu, 01 Jan 2099 00:00:00 +0000</pubDate></item>
				<item><title>Un titre sans lien ni guid</title><pubDate>Thu, 01 Jan 2099 00:00:00 +0000</pubDate></item>
				</channel></rss>""");

		assertASecondPollChangesNothing("ahead", 2);
	}

	@Test
	void itemsOfOneFetchUnderOneLinkWithTheirOwnGuidsStaySeveral() {
		// A live blog, each entry linked to the live page; and a dispatch the feed lists twice under two guids.
		String feed = """
				<rss version="2.0"><channel><title>Direct</title><link>https://live.example/</link>
				<item><title>En direct : coup d'envoi</title><link>https://live.example/direct</link><guid>entry-1</guid>
				<pubDate>%1$s</pubDate></item>
				<item><title>En direct : le Maroc mène 1-0</title><link>https://live.example/direct</link><guid>entry-2</guid>
				<pubDate>%2$s</pubDate></item>
				<item><title>Le budget voté</title><link>https://live.example/budget</link><guid>politique-7</guid>
				<pubDate>%3$s</pubDate></item>
				<item><title>Le budget voté</title><link>https://live.example/budget</link><guid>economie-7</guid>
				<pubDate>%3$s</pubDate></item>
				%4$s</channel></rss>""";
		serve("live", feed.formatted(minutesAgo(50), minutesAgo(40), minutesAgo(110), ""));
		PollReport first = poll("live");
		PollReport again = poll("live");
		serve("live", feed.formatted(minutesAgo(50), minutesAgo(40), minutesAgo(110), """
				<item><title>En direct : le Maroc mène 2-0</title><link>https://live.example/direct</link>
				<guid>entry-3</guid><pubDate>%s</pubDate></item>""".formatted(minutesAgo(25))));
		PollReport next = poll("live");

		assertThat(first.inserted()).isEqualTo(4);
		assertThat(again.inserted()).isZero();
		assertThat(again.updated()).isZero();
		assertThat(next.inserted()).isOne();
		assertThat(this.items.countBySource()).containsEntry("live", 5L);
		// One story per link.
		assertThat(stories("live")).hasSize(2);
	}

	@Test
	void aBodyCutShortStoresItsWholeItemsAndAsksForAllOfItNextTime() throws IOException {
		String feed = """
				<rss version="2.0"><channel><title>Coupé</title><link>https://cut.example/</link>
				<item><title>Le tramway prolongé jusqu'à la gare</title><guid>cut-1</guid></item>
				<item><title>La médiathèque rouvre ses portes</title><guid>cut-2</guid></item>
				<item><title>Le marché de Noël s'installe</title><guid>cut-3</guid></item>
				</channel></rss>""";
		// A gzip stream that stops in the third item, as a connection closed there leaves it.
		serveGzip("cut", cutIn(feed, "s'installe"));
		PollReport cut = poll("cut");
		SourceStatus afterCut = this.statuses.find("cut").orElseThrow();

		server.stubFor(WireMock.get("/cut").willReturn(aResponse().withHeader("ETag", "\"v1\"").withBody(feed)));
		PollReport whole = poll("cut");
		SourceStatus afterWhole = this.statuses.find("cut").orElseThrow();

		serveGzip("cut", cutIn(feed, "s'installe"));
		PollReport cutAgain = poll("cut");

		assertThat(cut.outcome()).isEqualTo(PollOutcome.OK);
		assertThat(cut.inserted()).isEqualTo(2);
		// The validators vouch for a body not received: none is kept, so the next poll asks for all of it.
		assertThat(afterCut.etag()).isNull();
		assertThat(afterCut.consecutiveFailures()).isZero();
		assertThat(afterCut.lastError()).matches(
				"answer cut after \\d+ bytes: its 2 whole items read, all of it asked for again next time");
		server.verify(WireMock.getRequestedFor(WireMock.urlEqualTo("/cut")).withHeader("If-None-Match", WireMock.absent()));
		assertThat(whole.inserted()).isOne();
		assertThat(afterWhole.etag()).isEqualTo("\"v1\"");
		assertThat(afterWhole.lastError()).isNull();
		// The item the cut hides is not missing from the store: a cut removes and changes nothing.
		assertThat(cutAgain.outcome()).isEqualTo(PollOutcome.OK);
		assertThat(cutAgain.inserted()).isZero();
		assertThat(cutAgain.updated()).isZero();
		assertThat(this.items.countBySource()).containsEntry("cut", 3L);
	}

	@Test
	void aPageCutShortLeavesOutItsLastHeadlineWhichTheCutMayHaveGoneThrough() throws IOException {
		String page = """
				<html><body><ul class="fil">
				<li><a href="https://page.example/tramway">Le tramway prolongé jusqu'à la gare</a></li>
				<li><a href="https://page.example/mediatheque">La médiathèque rouvre ses portes</a></li>
				<li><a href="https://page.example/marche-de-noel">Le marché de Noël s'installe place Kléber</a></li>
				</ul></body></html>""";
		// Cut inside the third headline: an HTML parser closes what is open, and would read « Le marché de No ».
		serveGzip("cut-page", cutIn(page, "ël s'installe"));
		PollReport cut = poll("cut-page");
		server.stubFor(WireMock.get("/cut-page").willReturn(aResponse().withBody(page)));
		PollReport whole = poll("cut-page");

		assertThat(cut.outcome()).isEqualTo(PollOutcome.OK);
		assertThat(cut.inserted()).isEqualTo(2);
		assertThat(whole.inserted()).isOne();
		assertThat(whole.updated()).isZero();
		assertThat(stories("cut-page")).extracting((story) -> story.lead().title())
			.containsExactlyInAnyOrder("Le tramway prolongé jusqu'à la gare", "La médiathèque rouvre ses portes",
					"Le marché de Noël s'installe place Kléber");
	}

	@Test
	void aBodyCutBeforeItsFirstWholeItemIsANetworkFailure() throws IOException {
		serveGzip("cut-early", cutIn("""
				<rss version="2.0"><channel><title>Coupé tôt</title>
				<item><title>Le tramway prolongé jusqu'à la gare</title><guid>early-1</guid></item>
				</channel></rss>""", "jusqu"));

		PollReport report = poll("cut-early");

		assertThat(report.outcome()).isEqualTo(PollOutcome.NETWORK);
		assertThat(this.statuses.find("cut-early").orElseThrow().lastError())
			.matches("answer cut after \\d+ bytes, before its first whole item");
		assertThat(this.items.countBySource()).doesNotContainKey("cut-early");
	}

	@Test
	void aDocumentThatEndsEarlyWhereHttpCannotTellStoresItsWholeItemsAndAsksForAllOfItNextTime() {
		PollReport cut = poll("ends-early");
		SourceStatus afterCut = this.statuses.find("ends-early").orElseThrow();
		PollReport whole = poll("ends-early");
		SourceStatus afterWhole = this.statuses.find("ends-early").orElseThrow();

		// The ETag of a document whose root never closed vouches for a whole not received.
		assertTwoWholeItemsStoredAndNoValidatorKept(cut, afterCut, "document ends early, after");
		assertThat(endsEarly.requests()).hasSize(2);
		assertThat(endsEarly.requests().get(1)).doesNotContainIgnoringCase("If-None-Match");
		assertThat(whole.inserted()).isOne();
		assertThat(afterWhole.etag()).isEqualTo("\"v2\"");
		assertThat(afterWhole.lastError()).isNull();
	}

	@Test
	void aJsonFeedFileCutAtAFixedSizeGivesItsWholeItemsAndKeepsNoValidators() {
		String feed = """
				{"version": "https://jsonfeed.org/version/1.1", "title": "Fil JSON", "items": [
				  {"id": "json-1", "url": "https://json.example/1", "title": "Le tramway prolongé jusqu'à la gare"},
				  {"id": "json-2", "url": "https://json.example/2", "title": "La médiathèque rouvre ses portes"},
				  {"id": "json-3", "url": "https://json.example/3", "title": "Le marché de Noël s'installe"}
				]}""";
		// Whole as far as HTTP goes: the file itself stops in the third item.
		server.stubFor(WireMock.get("/json-ends-early")
			.willReturn(aResponse().withHeader("ETag", "\"j1\"").withBody(feed.substring(0, feed.indexOf("s'installe")))));

		PollReport report = poll("json-ends-early");

		assertTwoWholeItemsStoredAndNoValidatorKept(report, this.statuses.find("json-ends-early").orElseThrow(),
				"document ends early, after");
		assertThat(stories("json-ends-early")).extracting((story) -> story.lead().title())
			.containsExactlyInAnyOrder("Le tramway prolongé jusqu'à la gare", "La médiathèque rouvre ses portes");
	}

	@Test
	void aJsonFeedCutShortBeforeTheVersionItsKeysPutAfterItsItemsStoresItsWholeItems() throws IOException {
		// Keys in alphabetical order, as some generators write them: the version comes last.
		String feed = """
				{"items": [
				  {"id": "jcut-1", "title": "Le tramway prolongé jusqu'à la gare", "url": "https://json.example/c1"},
				  {"id": "jcut-2", "title": "La médiathèque rouvre ses portes", "url": "https://json.example/c2"},
				  {"id": "jcut-3", "title": "Le marché de Noël s'installe", "url": "https://json.example/c3"}
				],
				"title": "Fil JSON", "version": "https://jsonfeed.org/version/1.1"}""";
		serveGzip("json-cut", cutIn(feed, "s'installe"));

		PollReport report = poll("json-cut");

		assertTwoWholeItemsStoredAndNoValidatorKept(report, this.statuses.find("json-cut").orElseThrow(),
				"answer cut after");
	}

	@Test
	void aWholeDocumentBrokenElsewhereKeepsItsValidators() {
		// An item left open, closed by the channel's end: what can be read is read, and the document is whole.
		server.stubFor(WireMock.get("/broken-whole").willReturn(aResponse().withHeader("ETag", "\"b1\"").withBody("""
				<rss version="2.0"><channel><title>Mal formé</title>
				<item><title>Tom & Jerry au cinéma</title><guid>broken-1</guid></item>
				<item><title>Sans fin</title><guid>broken-2</guid>
				</channel></rss>""")));

		PollReport report = poll("broken-whole");

		SourceStatus status = this.statuses.find("broken-whole").orElseThrow();
		assertThat(report.outcome()).isEqualTo(PollOutcome.OK);
		assertThat(report.inserted()).isOne();
		assertThat(status.etag()).isEqualTo("\"b1\"");
		assertThat(status.lastError()).isNull();
	}

	@Test
	void aNotModifiedAnswerWithNewValidatorsReplacesOurs() {
		server.stubFor(WireMock.get("/revalidated").willReturn(aResponse().withHeader("ETag", "\"a\"")
			.withHeader("Last-Modified", "Sat, 05 Dec 2026 10:00:00 GMT")
			.withBody(FixtureFeed.render("hespress-rss2.xml", NOW))));
		poll("revalidated");
		// RFC 9111 §4.3.4: the 304 gives the validators of the body we hold.
		server.stubFor(WireMock.get("/revalidated").willReturn(aResponse().withStatus(304).withHeader("ETag", "\"b\"")));

		PollReport first = poll("revalidated");
		PollReport second = poll("revalidated");

		assertThat(first.outcome()).isEqualTo(PollOutcome.NOT_MODIFIED);
		assertThat(second.outcome()).isEqualTo(PollOutcome.NOT_MODIFIED);
		SourceStatus status = this.statuses.find("revalidated").orElseThrow();
		assertThat(status.etag()).isEqualTo("\"b\"");
		// One it did not give stays.
		assertThat(status.lastModified()).isEqualTo("Sat, 05 Dec 2026 10:00:00 GMT");
		server.verify(1, WireMock.getRequestedFor(WireMock.urlEqualTo("/revalidated"))
			.withHeader("If-None-Match", WireMock.equalTo("\"b\"")));
	}

	/**
	 * The README's table: a server that answers a conditional request with an empty 200 rather than a 304 has sent no
	 * feed: NOT_A_FEED, and what the source stored stays.
	 */
	@Test
	void anEmptyAnswerToAConditionalRequestIsNotAFeedAndRemovesNothing() {
		server.stubFor(WireMock.get("/emptied").willReturn(aResponse().withHeader("ETag", "\"e1\"")
			.withBody(FixtureFeed.render("hespress-rss2.xml", NOW))));
		assertThat(poll("emptied").inserted()).isEqualTo(4);
		server.stubFor(WireMock.get("/emptied").willReturn(aResponse().withHeader("ETag", "\"e2\"").withBody("")));

		PollReport emptied = poll("emptied");

		server.verify(WireMock.getRequestedFor(WireMock.urlEqualTo("/emptied"))
			.withHeader("If-None-Match", WireMock.equalTo("\"e1\"")));
		assertThat(emptied.outcome()).isEqualTo(PollOutcome.NOT_A_FEED);
		assertThat(this.statuses.find("emptied").orElseThrow().lastError()).isEqualTo("empty body");
		assertThat(this.items.countBySource()).containsEntry("emptied", 4L);
	}

	@Test
	void aFeedUnderAnotherContentTypeIsAFeedAndAPageUnderAFeedsIsNot() {
		serveAs("labelled", "text/html; charset=utf-8", """
				<rss version="2.0"><channel><title>Étiquetée</title>
				<item><title>Le musée des Confluences agrandi</title><guid>l-1</guid></item></channel></rss>""");
		PollReport asHtml = poll("labelled");
		serveAs("labelled", "application/octet-stream", """
				<rss version="2.0"><channel><title>Étiquetée</title>
				<item><title>Le pont Lafayette fermé une nuit</title><guid>l-2</guid></item></channel></rss>""");
		PollReport asBytes = poll("labelled");
		serveAs("labelled", "application/rss+xml", "<!DOCTYPE html><html><head><title>Maintenance</title></head></html>");
		PollReport pageAsFeed = poll("labelled");

		assertThat(asHtml.inserted()).isOne();
		assertThat(asBytes.inserted()).isOne();
		assertThat(pageAsFeed.outcome()).isEqualTo(PollOutcome.NOT_A_FEED);
		assertThat(this.items.countBySource()).containsEntry("labelled", 2L);
	}

	@Test
	void aGuidListedTwiceIsStoredOnceAsListedFirst() {
		serve("twice", """
				<rss version="2.0"><channel><title>Deux fois</title>
				<item><title>Le budget 2027 adopté</title><guid>t-1</guid></item>
				<item><title>Le budget 2027 adopté de justesse</title><guid>t-1</guid></item>
				</channel></rss>""");

		PollReport report = poll("twice");

		assertThat(report.inserted()).isOne();
		assertThat(stories("twice")).singleElement()
			.satisfies((story) -> assertThat(story.lead().title()).isEqualTo("Le budget 2027 adopté"));
	}

	@Test
	void datesWithoutAZoneInFrenchInIsoFormOrByDcDateAloneAreRead() {
		serve("dated", """
				<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel><title>Dates</title>
				<item><title>Sans fuseau</title><guid>d-1</guid><pubDate>Sat, 05 Dec 2026 10:00:00</pubDate></item>
				<item><title>En français</title><guid>d-2</guid><pubDate>sam., 5 déc. 2026 10:00:00 +0100</pubDate></item>
				<item><title>En ISO</title><guid>d-3</guid><pubDate>2026-12-05T10:00:00+01:00</pubDate></item>
				<item><title>Par dc:date</title><guid>d-4</guid><dc:date>2026-12-05T10:00:00+01:00</dc:date></item>
				</channel></rss>""");

		poll("dated");

		Instant paris = Instant.parse("2026-12-05T09:00:00Z");
		// A date without a zone is in feeds.yml's timezone.
		Instant casablanca = LocalDateTime.parse("2026-12-05T10:00:00")
			.atZone(ZoneId.of("Africa/Casablanca"))
			.toInstant();
		assertThat(stories("dated")).extracting((story) -> story.lead().title(), (story) -> story.lead().publishedAt())
			.containsExactlyInAnyOrder(tuple("Sans fuseau", casablanca),
					tuple("En français", paris),
					tuple("En ISO", paris),
					tuple("Par dc:date", paris));
	}

	/**
	 * A poll of a body that stops in its third item: its two whole items stored, no validator kept, and lastError
	 * saying so in the words that begin with {@code said}.
	 */
	private static void assertTwoWholeItemsStoredAndNoValidatorKept(PollReport report, SourceStatus status,
			String said) {
		assertThat(report.outcome()).isEqualTo(PollOutcome.OK);
		assertThat(report.inserted()).isEqualTo(2);
		assertThat(status.etag()).isNull();
		assertThat(status.lastError())
			.matches(said + " \\d+ bytes: its 2 whole items read, all of it asked for again next time");
	}

	/** Polls {@code id} twice: the first stores its items, the second neither stores nor edits any. */
	private void assertASecondPollChangesNothing(String id, int items) {
		assertThat(poll(id).inserted()).isEqualTo(items);
		List<Story> before = stories(id);

		PollReport again = poll(id);

		assertThat(again.outcome()).isEqualTo(PollOutcome.OK);
		assertThat(again.inserted()).isZero();
		assertThat(again.updated()).isZero();
		assertThat(stories(id)).isEqualTo(before);
	}

	private void serveAs(String id, String contentType, String body) {
		server.stubFor(WireMock.get("/" + id).willReturn(aResponse().withHeader("Content-Type", contentType).withBody(body)));
	}

	/**
	 * A gzip stream of {@code feed} that stops where {@code text} begins. Stored uncompressed (deflate's level 0), so
	 * that what it inflates to ends there, to the byte.
	 */
	private static byte[] cutIn(String feed, String text) throws IOException {
		byte[] bytes = feed.getBytes(StandardCharsets.UTF_8);
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (GZIPOutputStream gzip = new GZIPOutputStream(out) {
			{
				this.def.setLevel(Deflater.NO_COMPRESSION);
			}
		}) {
			gzip.write(bytes);
		}
		// A 10-byte gzip header, then one stored block's 5-byte header and the bytes as they are.
		int cut = 10 + 5 + feed.substring(0, feed.indexOf(text)).getBytes(StandardCharsets.UTF_8).length;
		return Arrays.copyOf(out.toByteArray(), cut);
	}

	private void serveGzip(String id, byte[] body) {
		server.stubFor(WireMock.get("/" + id)
			.willReturn(aResponse().withHeader("Content-Encoding", "gzip").withHeader("ETag", "\"v1\"").withBody(body)));
	}

	private static String minutesAgo(int minutes) {
		return DateTimeFormatter.RFC_1123_DATE_TIME.format(NOW.minusSeconds(60L * minutes).atOffset(ZoneOffset.UTC));
	}

	private void serve(String id, String body) {
		server.stubFor(WireMock.get("/" + id).willReturn(aResponse().withBody(body)));
	}

	private PollReport poll(String id) {
		Source source = this.feeds.get().source(id).orElseThrow();
		return this.ingestRun.run(source);
	}

	private List<Story> stories(String id) {
		return this.queries.latestStories(new ItemQuery(java.util.Set.of(id), null, null, 50));
	}

}
