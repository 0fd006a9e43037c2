package fr.manchette.web;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import fr.manchette.config.CurrentFeeds;
import fr.manchette.pipeline.IngestRun;
import fr.manchette.support.FeedsYml;
import fr.manchette.support.LocalHttp;
import fr.manchette.support.SettableClock;
import fr.manchette.support.Sites;
import fr.manchette.support.TestService;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The ticker of a service whose clock the test sets, in one zone of feeds.yml: each test has a source of its own,
 * serves its items with the dates a feed writes, sets the clock, polls it, and reads {@code /api/headlines} for that
 * source.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "manchette.polling.enabled=false")
@Import(ClockedTickerTests.Time.class)
abstract class ClockedTickerTests {

	static final SettableClock CLOCK = new SettableClock(Instant.parse("2026-01-01T00:00:00Z"));

	@RegisterExtension
	static WireMockExtension sites = Sites.forTheClass();

	@TempDir
	static Path dir;

	@Autowired
	private IngestRun ingestRun;

	@Autowired
	private CurrentFeeds feeds;

	@LocalServerPort
	private int port;

	private final JsonMapper json = JsonMapper.builder().build();

	/** feeds.yml in this zone, a source for each id at /id, and an H2 store in the test's directory. */
	static void use(DynamicPropertyRegistry registry, String zone, List<String> sources) throws IOException {
		TestService.use(registry, dir, FeedsYml.inZone(zone)
			.sources(sources, (id) -> "http://localhost:" + sites.getPort() + "/" + id));
	}

	/** Imported, not nested configuration: the service's clock. */
	static class Time {

		@Bean
		SettableClock clock() {
			return CLOCK;
		}

	}

	/**
	 * Serves these items at {@code /source}, each a guid and a {@code pubDate} as the feed writes it, the clock at
	 * {@code polledAt}, and polls the source.
	 */
	void poll(String source, Instant polledAt, String... guidsAndDates) {
		StringBuilder rss = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?><rss version=\"2.0\"><channel>"
				+ "<title>" + source + "</title><link>https://example.org/</link><description>test</description>");
		for (int i = 0; i < guidsAndDates.length; i += 2) {
			String guid = guidsAndDates[i];
			rss.append("<item><guid isPermaLink=\"false\">").append(guid).append("</guid><title>Dépêche ").append(guid)
				.append("</title><link>https://").append(source).append(".example/").append(guid)
				.append(".html</link><pubDate>").append(guidsAndDates[i + 1]).append("</pubDate></item>");
		}
		sites.stubFor(WireMock.get("/" + source)
			.willReturn(WireMock.aResponse().withBody(rss.append("</channel></rss>").toString())));
		CLOCK.set(polledAt);
		this.ingestRun.run(this.feeds.get().source(source).orElseThrow());
	}

	/** The source's headlines: each one's guid (the end of its title), {@code time} and {@code published}. */
	List<String> headlines(String source) throws Exception {
		return ticker("/api/headlines?source=" + source).get("headlines")
			.valueStream()
			.map((headline) -> headline.get("title").asString().substring("Dépêche ".length()) + " "
					+ headline.get("time").asString() + " " + headline.get("published").asString())
			.toList();
	}

	JsonNode ticker(String path) throws Exception {
		HttpResponse<String> response = LocalHttp.get(this.port, path, null);
		assertThat(response.statusCode()).as(path).isEqualTo(200);
		return this.json.readTree(response.body());
	}

}
