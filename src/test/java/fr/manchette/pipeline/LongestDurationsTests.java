package fr.manchette.pipeline;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import fr.manchette.config.CurrentFeeds;
import fr.manchette.config.Source;
import fr.manchette.dedup.StoryWindow;
import fr.manchette.fetch.SourcesTime;
import fr.manchette.store.DroppedItems;
import fr.manchette.store.HeadlineEdits;
import fr.manchette.store.ItemPruner;
import fr.manchette.store.PollOutcome;
import fr.manchette.store.PrunedItems;
import fr.manchette.store.SourceStatus;
import fr.manchette.store.SourceStatusRepository;
import fr.manchette.store.StoreOutage;
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
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A feeds.yml at its longest durations (interval 7d, timeout 10m, retention 36500d) through the real pipeline and
 * store: a poll stores its items and its next attempt a week away, a failure backs off no further than that, and the
 * prune runs with its cut-off a century back (an exception fails the test). Before feeds.yml had longest values, an
 * {@code interval: 999999999d} made every poll on PostgreSQL {@code UNEXPECTED}, nothing stored ("timestamp out of
 * range": the next attempt is written with the items), and a {@code retention: 999999999999d} every poll and prune on
 * H2 too ({@code DateTimeException}: now minus the retention is no Instant).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE, properties = "manchette.polling.enabled=false")
class LongestDurationsTests {

	private static final Instant NOW = Instant.now();

	@RegisterExtension
	static WireMockExtension server = Sites.forTheClass();

	@TempDir
	static Path dir;

	@Autowired
	private IngestRun ingestRun;

	@Autowired
	private CurrentFeeds feeds;

	@Autowired
	private SourceStatusRepository statuses;

	@Autowired
	private ItemPruner items;

	@Autowired
	private StoryWindow window;

	@Autowired
	private DroppedItems dropped;

	@Autowired
	private PrunedItems pruned;

	@Autowired
	private HeadlineEdits edits;

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) throws IOException {
		// An H2 file in dir, where the PostgreSQL variant names a database of its own.
		registry.add("manchette.data-dir", () -> dir.resolve("data").toString());
		TestService.useFeeds(registry, dir, FeedsYml.inZone("Africa/Casablanca").settings("""
				poll:
				  interval: 7d
				  timeout: 10m
				retention: 36500d
				""").sources(List.of("hebdo"), (id) -> "http://localhost:" + server.getPort() + "/" + id));
	}

	@Test
	void aPollAtTheLongestDurationsIsStoredAndPlannedAWeekAway() {
		server.stubFor(WireMock.get("/hebdo")
			.willReturn(aResponse().withBody(FixtureFeed.render("hespress-rss2.xml", NOW))));
		Source source = this.feeds.get().source("hebdo").orElseThrow();
		Instant before = Instant.now();

		PollReport stored = this.ingestRun.run(source);
		SourceStatus succeeded = this.statuses.find("hebdo").orElseThrow();
		server.stubFor(WireMock.get("/hebdo").willReturn(aResponse().withStatus(500)));
		PollReport failed = this.ingestRun.run(source);
		SourceStatus failing = this.statuses.find("hebdo").orElseThrow();
		// The hourly prune, off with the scheduler: its cut-off and those of the rules' memories.
		new RetentionPruner(this.feeds, this.items, this.window, Clock.systemUTC(), this.dropped, this.pruned,
				this.edits, new SourcesTime(Clock.systemUTC()), new StoreOutage(Clock.systemUTC())).prune();

		assertThat(stored.outcome()).isEqualTo(PollOutcome.OK);
		assertThat(stored.inserted()).isEqualTo(4);
		// The interval and its jitter of up to 10 %.
		assertThat(succeeded.nextAttemptAt()).isBetween(before.plus(Duration.ofDays(7)),
				Instant.now().plus(Duration.ofDays(7).multipliedBy(11).dividedBy(10)));
		assertThat(failed.outcome()).isEqualTo(PollOutcome.HTTP_STATUS);
		assertThat(failing.consecutiveFailures()).isEqualTo(1);
		assertThat(failing.nextAttemptAt()).isBetween(before.plus(Duration.ofDays(7)),
				Instant.now().plus(Duration.ofDays(7).multipliedBy(11).dividedBy(10)));
		assertThat(this.statuses.find("hebdo").orElseThrow().lastSuccessAt()).isEqualTo(succeeded.lastSuccessAt());
	}

}
