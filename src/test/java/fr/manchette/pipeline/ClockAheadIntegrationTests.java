package fr.manchette.pipeline;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import fr.manchette.store.SourceStatusRepository;
import fr.manchette.support.FeedsYml;
import fr.manchette.support.LocalHttp;
import fr.manchette.support.SettableClock;
import fr.manchette.support.Sites;
import fr.manchette.support.TestService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The machine's clock a year ahead of the world's (no battery-backed clock, a wrong NTP server): the sources' servers
 * say the real time in their {@code Date} header, and retention counts from it. Before, every poll refused what the
 * sources publish as older than the 30 days of retention, and the hourly prune deleted the whole store. The service
 * polls on its own scheduler, on a clock the test sets.
 */
class ClockAheadIntegrationTests {

	private static final Instant REAL = Instant.parse("2026-12-06T12:00:00Z");

	@RegisterExtension
	static WireMockExtension sites = Sites.forEachTest();

	@TempDir
	Path dir;

	@Test
	void whatTheSourcesPublishIsStoredWhenTheClockRunsAYearAhead() throws IOException {
		serve(REAL);
		SettableClock ahead = new SettableClock(REAL.plus(Duration.ofDays(365)));
		try (ConfigurableApplicationContext service = TestService.startOn(ahead, feeds())) {
			JdbcClient jdbc = service.getBean(JdbcClient.class);
			await().atMost(Duration.ofSeconds(20)).until(() -> requests() == 1);
			await().atMost(Duration.ofSeconds(20)).until(() -> items(jdbc) > 0);
		}
	}

	@Test
	void theStoreOutlivesAJumpOfTheClockAndAgesWhenTheSourcesAgree() throws Exception {
		serve(REAL);
		SettableClock clock = new SettableClock(REAL);
		try (ConfigurableApplicationContext service = TestService.startOn(clock, feeds())) {
			JdbcClient jdbc = service.getBean(JdbcClient.class);
			RetentionPruner prune = service.getBean(RetentionPruner.class);
			SourceStatusRepository statuses = service.getBean(SourceStatusRepository.class);
			await().atMost(Duration.ofSeconds(20)).until(() -> requests() == 1);
			await().atMost(Duration.ofSeconds(20)).until(() -> items(jdbc) > 0);
			long stored = items(jdbc);

			// The clock jumps a year ahead; the source, polled at once, still says the real time.
			clock.advance(Duration.ofDays(365));
			await().atMost(Duration.ofSeconds(20)).until(() -> requests() == 2);
			// Recorded once fetched, and with it what the source's Date said.
			await().atMost(Duration.ofSeconds(20))
				.until(() -> statuses.find("fil").orElseThrow().lastAttemptAt(), clock.instant()::equals);
			prune.prune();
			assertThat(items(jdbc)).isEqualTo(stored);
			// For an alert to fire on.
			String port = service.getEnvironment().getProperty("local.server.port");
			assertThat(LocalHttp.get(Integer.parseInt(port), "/actuator/prometheus", null).body())
				.contains("manchette_clock_ahead_seconds " + (double) Duration.ofDays(365).toSeconds());

			// The source agrees with the clock after all: its items are a year old, and the prune deletes them.
			serve(clock.instant());
			clock.advance(Duration.ofMinutes(20));
			await().atMost(Duration.ofSeconds(20)).until(() -> requests() == 3);
			await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
				prune.prune();
				assertThat(items(jdbc)).isZero();
			});
		}
	}

	@Test
	void itemsSeenWhileTheClockReads1970AreDatedByTheSourcesTime() throws Exception {
		serve(REAL);
		// A board without a battery-backed clock, polling before NTP answers.
		SettableClock clock = new SettableClock(Instant.parse("1970-01-01T00:01:00Z"));
		try (ConfigurableApplicationContext service = TestService.startOn(clock, feeds())) {
			JdbcClient jdbc = service.getBean(JdbcClient.class);
			RetentionPruner prune = service.getBean(RetentionPruner.class);
			await().atMost(Duration.ofSeconds(20)).until(() -> requests() == 1);
			await().atMost(Duration.ofSeconds(20)).until(() -> items(jdbc) > 0);
			long stored = items(jdbc);
			// Every item sorts by the source's time (its own date, or the source's time when seen), none by 1970.
			assertThat(jdbc.sql("SELECT MIN(sort_at) FROM item").query(Instant.class).single())
				.isAfter(REAL.minus(Duration.ofDays(3)));

			// NTP answers: the items are as recent as they were, and retention keeps them.
			clock.set(REAL.plus(Duration.ofMinutes(5)));
			prune.prune();
			assertThat(items(jdbc)).isEqualTo(stored);
		}
	}

	private Path feeds() throws IOException {
		return FeedsYml.inZone("Africa/Casablanca")
			.source("fil", "Fil", "http://localhost:" + sites.getPort() + "/fil", "interval: 15m")
			.writeTo(this.dir.resolve("feeds.yml"));
	}

	private static void serve(Instant serversTime) {
		sites.stubFor(WireMock.get("/fil")
			.willReturn(aResponse().withHeader("Date", httpDate(serversTime))
				.withBody(FixtureFeed.render("hespress-rss2.xml", REAL))));
	}

	private static String httpDate(Instant time) {
		return DateTimeFormatter.RFC_1123_DATE_TIME.format(time.atOffset(ZoneOffset.UTC));
	}

	private static long items(JdbcClient jdbc) {
		return jdbc.sql("SELECT COUNT(*) FROM item").query(Long.class).single();
	}

	private static int requests() {
		return sites.findAll(getRequestedFor(urlEqualTo("/fil"))).size();
	}

}
