package fr.manchette.pipeline;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
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
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * An interval shortened in feeds.yml while the service runs applies at once: the source is due at its last poll plus
 * the new interval, not when the old one ends, and so is an adaptive source's shortened {@code max-interval}. A longer
 * one waits for the next poll, and a failing source keeps its backoff.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
class IntervalEditIntegrationTests {

	private static final Instant NOW = Instant.now();

	@RegisterExtension
	static WireMockExtension server = Sites.forTheClass();

	@TempDir
	static Path dir;

	@Autowired
	private SourceStatusRepository statuses;

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) throws IOException {
		server.stubFor(WireMock.get("/hespress")
			.willReturn(aResponse().withBody(FixtureFeed.render("hespress-rss2.xml", NOW))));
		server.stubFor(WireMock.get("/le360").willReturn(aResponse().withBody(FixtureFeed.render("le360-atom.xml", NOW))));
		server.stubFor(WireMock.get("/quiet").willReturn(aResponse().withBody(FixtureFeed.render("le360-atom.xml", NOW))));
		server.stubFor(WireMock.get("/broken").willReturn(aResponse().withStatus(500)));
		TestService.use(registry, dir, yaml("6h", "1h", "6h", "1h"));
		registry.add("manchette.reload-interval", () -> "200ms");
		registry.add("manchette.polling.start-jitter", () -> "0s");
		registry.add("manchette.polling.min-interval", () -> "1s");
	}

	@Test
	void aShortenedIntervalAppliesAtOnceALongerOneAtTheNextPoll() throws IOException {
		await().atMost(Duration.ofSeconds(20))
			.until(() -> polled("/hespress") == 1 && polled("/le360") == 1 && polled("/quiet") == 1
					&& polled("/broken") == 1);
		SourceStatus le360 = polledOnce("le360");
		assertThat(le360.nextAttemptAt()).isAfter(le360.lastAttemptAt().plus(Duration.ofMinutes(59)));
		SourceStatus quiet = polledOnce("quiet");
		assertThat(quiet.nextAttemptAt()).isAfter(quiet.lastAttemptAt().plus(Duration.ofMinutes(59)));
		SourceStatus broken = polledOnce("broken");
		assertThat(broken.consecutiveFailures()).isEqualTo(1);
		assertThat(broken.nextAttemptAt()).isAfter(broken.lastAttemptAt().plus(Duration.ofMinutes(59)));

		yaml("2s", "3h", "2s", "2s").writeTo(TestService.feedsFile(dir));

		// The quiet adaptive source's ceiling went from 6h to 2s: it is polled again at once, as hespress is.
		await().atMost(Duration.ofSeconds(20)).until(() -> polled("/hespress") >= 2 && polled("/quiet") >= 2);
		// Lengthened from 1h to 3h: still due when the 1h after its last poll ends, then at 3h.
		assertThat(polled("/le360")).isEqualTo(1);
		SourceStatus after = this.statuses.find("le360").orElseThrow();
		assertThat(after.nextAttemptAt()).isEqualTo(le360.nextAttemptAt());
		// Shortened from 1h to 2s while failing: it keeps the backoff its failure gave it (it comes first in the file,
		// so the edit had judged it before it polled the others again).
		assertThat(polled("/broken")).isEqualTo(1);
		assertThat(this.statuses.find("broken").orElseThrow().nextAttemptAt()).isEqualTo(broken.nextAttemptAt());
	}

	private SourceStatus polledOnce(String id) {
		return await().atMost(Duration.ofSeconds(20))
			.until(() -> this.statuses.find(id).orElseThrow(), (status) -> status.lastAttemptAt() != null);
	}

	private static long polled(String path) {
		return server.findAll(getRequestedFor(urlEqualTo(path))).size();
	}

	private static FeedsYml yaml(String hespressInterval, String le360Interval, String quietMaxInterval,
			String brokenInterval) {
		String base = "http://localhost:" + server.getPort();
		return FeedsYml.inZone("Africa/Casablanca")
			.source("broken", "Broken", base + "/broken", "interval: " + brokenInterval)
			.source("hespress", "Hespress", base + "/hespress", "interval: " + hespressInterval)
			.source("le360", "Le360", base + "/le360", "interval: " + le360Interval)
			.source("quiet", "Quiet", base + "/quiet", "interval: 1h", "adaptive: true",
					"max-interval: " + quietMaxInterval);
	}

}
