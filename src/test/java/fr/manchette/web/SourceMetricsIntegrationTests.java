package fr.manchette.web;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import fr.manchette.config.CurrentFeeds;
import fr.manchette.config.Source;
import fr.manchette.pipeline.IngestRun;
import fr.manchette.support.LocalHttp;
import fr.manchette.support.Sites;
import fr.manchette.support.TestService;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What {@code /actuator/prometheus} tells of the sources: how many are in each state, and the items stored for them,
 * before any poll and after polls that worked, failed, and found a feed gone.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "manchette.polling.enabled=false")
class SourceMetricsIntegrationTests {

	private static final Pattern SOURCES = Pattern.compile("(?m)^manchette_sources\\{state=\"(\\w+)\"} (\\S+)$");

	private static final Pattern ITEMS = Pattern.compile("(?m)^manchette_items (\\S+)$");

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

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) throws IOException {
		String site = "http://localhost:" + sites.getPort();
		TestService.use(registry, dir, NewsFeed.threeSources(sites.getPort(), "Africa/Casablanca")
			.source("disparu", site + "/disparu/rss")
			.source("en-attente", site + "/attente/rss")
			.source("eteint", "Éteint", site + "/eteint/rss", "enabled: false"));
	}

	@BeforeAll
	static void serve() {
		NewsFeed.serveThreeSources(sites, Instant.now());
		sites.stubFor(get("/disparu/rss").willReturn(aResponse().withStatus(410)));
	}

	@Test
	void eachStateCountsItsSourcesAndTheItemsAreThoseStored() throws Exception {
		assertThat(sources()).containsExactlyEntriesOf(
				new TreeMap<>(Map.of("disabled", 1, "failing", 0, "gone", 0, "ok", 0, "pending", 5)));
		assertThat(items()).isZero();

		for (Source source : this.feeds.get().feeds()) {
			if (source.enabled() && !source.id().equals("en-attente")) {
				this.ingestRun.run(source);
			}
		}

		// The figures of a scrape serve the next ones for a second.
		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(sources()).containsExactlyEntriesOf(
					new TreeMap<>(Map.of("disabled", 1, "failing", 1, "gone", 1, "ok", 2, "pending", 1))));
		assertThat(items()).as("quotidien's three, sport-matin's two").isEqualTo(5);
	}

	private Map<String, Integer> sources() throws IOException, InterruptedException {
		Matcher lines = SOURCES.matcher(scrape());
		Map<String, Integer> sources = new TreeMap<>();
		while (lines.find()) {
			sources.put(lines.group(1), (int) Double.parseDouble(lines.group(2)));
		}
		return sources;
	}

	private long items() throws IOException, InterruptedException {
		Matcher line = ITEMS.matcher(scrape());
		assertThat(line.find()).as("manchette_items in the scrape").isTrue();
		return (long) Double.parseDouble(line.group(1));
	}

	private String scrape() throws IOException, InterruptedException {
		var response = LocalHttp.get(this.port, "/actuator/prometheus", null);
		assertThat(response.statusCode()).isEqualTo(200);
		return response.body();
	}

}
