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
import fr.manchette.support.SettableClock;
import fr.manchette.support.Sites;
import fr.manchette.support.TestService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The clock set back, by NTP while the service runs or at a boot on a machine whose clock lost time while it was
 * off: the timetable the later clock wrote moves back by as much, so a source polled every 15 minutes is polled 15
 * minutes after its last poll, not an hour or two later. The service polls on its own scheduler, on a clock the test
 * sets.
 */
class ClockSetBackIntegrationTests {

	private static final Instant NOON = Instant.parse("2026-12-06T12:00:00Z");

	@RegisterExtension
	static WireMockExtension sites = Sites.forEachTest();

	@TempDir
	Path dir;

	@Test
	void theTimetableMovesBackWithTheClockAtAStartAndWhileRunning() throws IOException {
		sites.stubFor(WireMock.get("/fil").willReturn(aResponse().withBody(FixtureFeed.render("hespress-rss2.xml", NOON))));
		Path feeds = FeedsYml.inZone("Africa/Casablanca")
			.source("fil", "Fil", "http://localhost:" + sites.getPort() + "/fil", "interval: 15m")
			.writeTo(this.dir.resolve("feeds.yml"));
		SourceStatus polledAtNoon;
		try (ConfigurableApplicationContext service = TestService.startOn(new SettableClock(NOON), feeds)) {
			polledAtNoon = polled(service, 1, NOON);
		}

		// The machine starts again with its clock two hours behind: the next poll is still 15 minutes (and its jitter)
		// after the last one, on the clock as it now reads.
		SettableClock behind = new SettableClock(NOON.minus(Duration.ofHours(2)));
		try (ConfigurableApplicationContext service = TestService.startOn(behind, feeds)) {
			SourceStatusRepository statuses = service.getBean(SourceStatusRepository.class);
			await().atMost(Duration.ofSeconds(20))
				.until(() -> statuses.find("fil").orElseThrow().nextAttemptAt(),
						(next) -> next.equals(polledAtNoon.nextAttemptAt().minus(Duration.ofHours(2))));
			assertThat(requests()).isEqualTo(1);

			behind.advance(Duration.between(polledAtNoon.lastAttemptAt(), polledAtNoon.nextAttemptAt()));
			SourceStatus polledAgain = polled(service, 2, behind.instant());

			// NTP sets it back an hour while it runs.
			behind.advance(Duration.ofHours(-1));
			await().atMost(Duration.ofSeconds(20))
				.until(() -> statuses.find("fil").orElseThrow().nextAttemptAt(),
						(next) -> next.equals(polledAgain.nextAttemptAt().minus(Duration.ofHours(1))));
			behind.advance(Duration.between(polledAgain.lastAttemptAt(), polledAgain.nextAttemptAt()));
			polled(service, 3, behind.instant());
		}
	}

	/** The source's status once it has been polled this many times in all, the last time at {@code at}. */
	private static SourceStatus polled(ConfigurableApplicationContext service, int times, Instant at) {
		SourceStatusRepository statuses = service.getBean(SourceStatusRepository.class);
		await().atMost(Duration.ofSeconds(20)).until(() -> requests() == times);
		return await().atMost(Duration.ofSeconds(20))
			.until(() -> statuses.find("fil").orElseThrow(), (status) -> at.equals(status.lastAttemptAt()));
	}

	private static int requests() {
		return sites.findAll(getRequestedFor(urlEqualTo("/fil"))).size();
	}

}
