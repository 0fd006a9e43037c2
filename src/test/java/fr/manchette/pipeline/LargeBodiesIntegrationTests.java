package fr.manchette.pipeline;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.zip.GZIPOutputStream;

import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import fr.manchette.config.CurrentFeeds;
import fr.manchette.config.Source;
import fr.manchette.store.ItemRepository;
import fr.manchette.store.PollOutcome;
import fr.manchette.support.FeedsYml;
import fr.manchette.support.Sites;
import fr.manchette.support.TestService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bodies over {@link WorkingPermits#LARGE_BODY} through the real pipeline and store: a poll fetches a small body's
 * worth first, and a larger body again whole in its turn ({@link LargeBodies}), so that it is stored whole however
 * its size comes (declared, chunked, gzipped), and a source known to be large is fetched once.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE, properties = "manchette.polling.enabled=false")
class LargeBodiesIntegrationTests {

	private static final Instant NOW = Instant.now();

	/** Some 1.6 MB: over a small body's size, under max-size. */
	private static final int ITEMS = 600;

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

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) throws IOException {
		TestService.use(registry, dir, FeedsYml.inZone("Europe/Paris").settings("""
				poll:
				  timeout: 10s
				  max-size: 3MB
				""").sources(List.of("declared", "chunked", "gzipped", "small", "oversize"),
				(id) -> "http://localhost:" + server.getPort() + "/" + id));
	}

	@Test
	void aLargeBodyIsStoredWholeAndItsSourceIsFetchedOnceFromThenOn() {
		String feed = feed("declared", ITEMS);
		assertThat(feed.getBytes(StandardCharsets.UTF_8).length).isGreaterThan(WorkingPermits.LARGE_BODY);
		server.stubFor(WireMock.get("/declared").willReturn(aResponse().withBody(feed)));

		PollReport first = poll("declared");
		int firstRequests = requests("declared");
		PollReport second = poll("declared");

		assertThat(first.outcome()).isEqualTo(PollOutcome.OK);
		assertThat(first.inserted()).isEqualTo(ITEMS);
		// Refused on its Content-Length at first, then fetched whole in its turn.
		assertThat(firstRequests).isEqualTo(2);
		// Known to be large: it waits for its turn, then is fetched once.
		assertThat(second.outcome()).isEqualTo(PollOutcome.OK);
		assertThat(requests("declared")).isEqualTo(3);
		assertThat(this.items.countBySource()).containsEntry("declared", (long) ITEMS);
	}

	@Test
	void aLargeBodyOfNoDeclaredLengthIsStoredWhole() {
		server.stubFor(WireMock.get("/chunked")
			.willReturn(aResponse().withBody(feed("chunked", ITEMS)).withChunkedDribbleDelay(4, 40)));

		PollReport report = poll("chunked");

		assertThat(report.outcome()).isEqualTo(PollOutcome.OK);
		assertThat(report.inserted()).isEqualTo(ITEMS);
		assertThat(requests("chunked")).isEqualTo(2);
	}

	@Test
	void aSmallGzippedBodyThatInflatesLargeIsStoredWhole() throws IOException {
		byte[] gzipped = gzip(feed("gzipped", ITEMS));
		assertThat(gzipped.length).isLessThan(WorkingPermits.LARGE_BODY);
		server.stubFor(WireMock.get("/gzipped")
			.willReturn(aResponse().withHeader("Content-Encoding", "gzip").withBody(gzipped)));

		PollReport report = poll("gzipped");

		assertThat(report.outcome()).isEqualTo(PollOutcome.OK);
		assertThat(report.inserted()).isEqualTo(ITEMS);
		assertThat(requests("gzipped")).isEqualTo(2);
	}

	@Test
	void aSmallBodyIsFetchedOnce() {
		server.stubFor(WireMock.get("/small").willReturn(aResponse().withBody(feed("small", 20))));

		assertThat(poll("small").inserted()).isEqualTo(20);
		assertThat(requests("small")).isEqualTo(1);
	}

	@Test
	void aBodyOverMaxSizeIsStillTooLargeAndStoresNothing() {
		server.stubFor(WireMock.get("/oversize").willReturn(aResponse().withBody(feed("oversize", 1_300))));

		PollReport report = poll("oversize");

		assertThat(report.outcome()).isEqualTo(PollOutcome.TOO_LARGE);
		assertThat(this.items.countBySource()).doesNotContainKey("oversize");
	}

	private PollReport poll(String id) {
		Source source = this.feeds.get().source(id).orElseThrow();
		return this.ingestRun.run(source);
	}

	private static int requests(String id) {
		return server.findAll(getRequestedFor(urlEqualTo("/" + id))).size();
	}

	/** An RSS feed of {@code count} items with some 2.6 kB of French text each (UTF-8, « » and ’). */
	private static String feed(String id, int count) {
		String date = DateTimeFormatter.RFC_1123_DATE_TIME.format(NOW.atZone(java.time.ZoneOffset.UTC));
		StringBuilder feed = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?><rss version=\"2.0\"><channel>"
				+ "<title>Gros flux</title><link>http://localhost/</link><description>d</description>");
		String summary = "L’assemblée régionale « débat » du budget, des écoles et des hôpitaux. ".repeat(36);
		for (int i = 0; i < count; i++) {
			feed.append("<item><title>Article ").append(id).append(' ').append(i)
				.append(" : l’élection du conseil n°").append(i * 7919 % 10007).append("</title><link>http://localhost/")
				.append(id).append('/').append(i).append("</link><guid>").append(id).append('-').append(i)
				.append("</guid><pubDate>").append(date).append("</pubDate><description>").append(summary)
				.append("</description></item>");
		}
		return feed.append("</channel></rss>").toString();
	}

	private static byte[] gzip(String text) throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
			gzip.write(text.getBytes(StandardCharsets.UTF_8));
		}
		return out.toByteArray();
	}

}
