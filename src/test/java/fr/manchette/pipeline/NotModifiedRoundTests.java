package fr.manchette.pipeline;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import fr.manchette.config.CurrentFeeds;
import fr.manchette.config.Source;
import fr.manchette.store.PollOutcome;
import fr.manchette.store.PollPaceRepository;
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
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * A round of 304s from polls that end together, as after a restart: written together, and yet each poll's outcome,
 * next poll and pace are in the store when its poll returns, and none is lost.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE, properties = "manchette.polling.enabled=false")
class NotModifiedRoundTests {

	private static final Instant NOW = Instant.now();

	private static final List<String> IDS = IntStream.range(0, 24).mapToObj((i) -> "s%02d".formatted(i)).toList();

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
	private PollPaceRepository paces;

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) throws IOException {
		TestService.use(registry, dir, FeedsYml.inZone("Africa/Casablanca")
			.sources(IDS, (id) -> "http://localhost:" + server.getPort() + "/" + id));
	}

	@Test
	void pollsThatEndTogetherEachFindTheir304RecordedWhenTheyReturn() throws Exception {
		for (String id : IDS) {
			server.stubFor(WireMock.get("/" + id)
				.withHeader("If-None-Match", absent())
				.willReturn(aResponse().withHeader("ETag", "\"" + id + "\"")
					.withBody(FixtureFeed.render("hespress-rss2.xml", NOW))));
			server.stubFor(WireMock.get("/" + id)
				.withHeader("If-None-Match", equalTo("\"" + id + "\""))
				.willReturn(aResponse().withStatus(304)));
			assertThat(this.ingestRun.run(source(id)).outcome()).isEqualTo(PollOutcome.OK);
		}

		ExecutorService threads = Executors.newFixedThreadPool(8);
		try {
			CountDownLatch go = new CountDownLatch(1);
			List<Future<SourceStatus>> polled = new ArrayList<>();
			for (String id : IDS) {
				Callable<SourceStatus> poll = () -> {
					go.await();
					Instant before = Instant.now();
					PollReport report = this.ingestRun.run(source(id));
					assertThat(report.outcome()).isEqualTo(PollOutcome.NOT_MODIFIED);
					// Read as soon as the poll returns: its outcome must be there already.
					SourceStatus status = this.statuses.find(id).orElseThrow();
					assertThat(status.lastOutcome()).isEqualTo(PollOutcome.NOT_MODIFIED);
					assertThat(status.lastAttemptAt()).isAfterOrEqualTo(before.minusMillis(1));
					assertThat(status.nextAttemptAt()).isCloseTo(report.nextAttemptAt(), within(1, ChronoUnit.MILLIS));
					return status;
				};
				polled.add(threads.submit(poll));
			}
			go.countDown();
			for (Future<SourceStatus> status : polled) {
				assertThat(status.get().etag()).isEqualTo("\"" + status.get().sourceId() + "\"");
			}
		}
		finally {
			threads.shutdownNow();
		}
		for (String id : IDS) {
			assertThat(this.statuses.find(id).orElseThrow().consecutiveFailures()).isZero();
			assertThat(this.paces.find(id)).hasValueSatisfying((pace) -> assertThat(pace.reason()).isEqualTo("fixed"));
		}
	}

	private Source source(String id) {
		return this.feeds.get().source(id).orElseThrow();
	}

}
