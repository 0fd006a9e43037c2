package fr.manchette.pipeline;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import fr.manchette.ManchetteApplication;
import fr.manchette.config.CurrentFeeds;
import fr.manchette.config.Source;
import fr.manchette.store.ItemRepository;
import fr.manchette.store.PollOutcome;
import fr.manchette.support.FeedsYml;
import fr.manchette.support.LocalPostgres;
import fr.manchette.support.OtherInstance;
import fr.manchette.support.Sites;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two instances on one PostgreSQL polling 200 WireMock sources every 4 s for several intervals: each source is
 * fetched once per interval, never twice within one, no row is doubled; when one instance stops, the other takes
 * all its sources over; the leases of an instance that is gone are given back, a live one's kept.
 */
class SeveralInstancesOnPostgresTests {

	private static final int SOURCES = 200;

	private static final Duration INTERVAL = Duration.ofSeconds(4);

	private static final Duration TIMEOUT = Duration.ofSeconds(2);

	/** {@code manchette.polling.concurrency}, by default: the polls an instance has in flight at most. */
	private static final int IN_FLIGHT = 8;

	@TempDir
	Path dir;

	private final WireMockServer server = Sites.server((options) -> options.containerThreads(40));

	@AfterEach
	void stop() {
		this.server.stop();
	}

	@Test
	void twoInstancesSplitThePollingAndOneTakesOverWhenTheOtherStops() throws Exception {
		String database = LocalPostgres.get().newDatabase("several_instances");
		this.server.start();
		Path feeds = writeFeeds();
		try (ConfigurableApplicationContext a = start(feeds, database);
				ConfigurableApplicationContext b = start(feeds, database)) {
			ItemRepository items = a.getBean(ItemRepository.class);
			await().atMost(Duration.ofSeconds(60)).until(() -> everySourcePolled(3));

			Map<String, Long> counts = items.countBySource();
			assertThat(counts).hasSize(SOURCES);
			assertThat(counts.values()).allMatch((count) -> count == 5L);
			JdbcClient jdbc = a.getBean(JdbcClient.class);
			assertThat(jdbc.sql("SELECT COUNT(*) FROM item").query(Long.class).single()).isEqualTo(SOURCES * 5L);
			assertThat(fetchedTwiceWithinAnInterval()).isEmpty();
			// Both took their share, and together they made exactly the fetches the sources saw. Polls go on while the
			// counters are read, so the fetches are counted before and after them: WireMock records a fetch before it
			// answers, so every poll counted was seen, and at most two instances' polls in flight are seen and not
			// counted yet.
			int servedBefore = this.server.getAllServeEvents().size();
			double byA = polls(a);
			double byB = polls(b);
			int servedAfter = this.server.getAllServeEvents().size();
			assertThat(byA).isPositive();
			assertThat(byB).isPositive();
			assertThat(byA + byB).isBetween(servedBefore - 2.0 * IN_FLIGHT, (double) servedAfter);

			Instant stopping = Instant.now();
			b.close();
			Instant stopped = Instant.now();
			// The survivor polls every source again, b's included, within an interval and a lease.
			await().atMost(Duration.ofSeconds(40)).until(() -> everySourcePolledAfter(stopped));
			// A poll that b's stop interrupts in its fetch records nothing and gives its source back, which a polls at
			// once, though b's request may have reached the source (a loaded machine makes it likely). Those sources
			// alone are fetched twice within an interval: at most the polls b had in flight, each fetched by b within
			// a poll's timeout before its stop.
			assertThat(fetchedTwiceWithinAnInterval()).hasSizeLessThanOrEqualTo(IN_FLIGHT)
				.allSatisfy((twice) -> assertThat(twice.first()).isBetween(stopping.minus(TIMEOUT), stopped));
		}
	}

	/**
	 * On a shared store a start gives back the leases of an instance that is gone (its session with PostgreSQL ended,
	 * as a killed process's does), and so does a running instance within seconds of another's end, long before the
	 * leases run out; a live instance's leases are never taken.
	 */
	@Test
	void theLeasesOfInstancesGoneAreGivenBackAtAStartAndThenWithinSecondsNeverThoseOfALiveOne() throws Exception {
		String database = LocalPostgres.get().newDatabase("leases_of_others");
		this.server.start();
		Path feeds = feeds(3);
		try (OtherInstance live = OtherInstance.on(database)) {
			OtherInstance goneBeforeTheStart = OtherInstance.on(database);
			OtherInstance goneAfterIt = OtherInstance.on(database);
			try (ConfigurableApplicationContext first = new SpringApplicationBuilder(ManchetteApplication.class).run(
					"--server.port=0", "--manchette.feeds=" + feeds, "--manchette.polling.enabled=false",
					"--spring.datasource.url=" + database, "--logging.level.fr.manchette=WARN")) {
				JdbcClient jdbc = first.getBean(JdbcClient.class);
				List<String> owners = List.of(live.name(), goneBeforeTheStart.name(), goneAfterIt.name());
				for (int s = 0; s < 3; s++) {
					Source source = first.getBean(CurrentFeeds.class).get().source("source-" + s).orElseThrow();
					assertThat(first.getBean(IngestRun.class).run(source).outcome()).isEqualTo(PollOutcome.OK);
					// Another instance's poll of the source, due and claimed for ten minutes.
					Instant now = Instant.now();
					jdbc.sql("""
							UPDATE source_status SET lease_owner = :owner, lease_until = :until, next_attempt_at = :due
							WHERE source_id = :source""")
						.param("owner", owners.get(s))
						.param("until", now.plus(Duration.ofMinutes(10)).atOffset(ZoneOffset.UTC))
						.param("due", now.minus(Duration.ofMinutes(1)).atOffset(ZoneOffset.UTC))
						.param("source", source.id())
						.update();
				}
			}
			goneBeforeTheStart.close();
			this.server.resetRequests();

			try (ConfigurableApplicationContext second = start(feeds, database)) {
				await().atMost(Duration.ofSeconds(30)).until(() -> polled(1));
				assertThat(polled(2)).isFalse();

				goneAfterIt.close();

				await().atMost(Duration.ofSeconds(30)).until(() -> polled(2));
				assertThat(polled(0)).isFalse();
				assertThat(second.getBean(JdbcClient.class)
					.sql("SELECT lease_owner FROM source_status WHERE source_id = 'source-0'")
					.query(String.class)
					.list()).containsExactly(live.name());
			}
		}
	}

	/**
	 * feeds.yml edited on one machine first: a source due that this instance's file lacks is another instance's, whose
	 * file has it, and stays in the timetable for it. This one took it out, and then no instance polled it.
	 */
	@Test
	void aSourceThatOnlyAnotherInstancesFeedsYmlHasIsLeftInTheTimetable() throws Exception {
		String database = LocalPostgres.get().newDatabase("feeds_of_others");
		this.server.start();
		Path feeds = feeds(1);
		try (ConfigurableApplicationContext instance = start(feeds, database)) {
			JdbcClient jdbc = instance.getBean(JdbcClient.class);
			await().atMost(Duration.ofSeconds(30))
				.until(() -> count(jdbc, "last_outcome = 'OK' AND lease_owner IS NULL") == 1);
			this.server.resetRequests();
			// As another instance's start schedules source-1, due at once; then source-0 due, later than it.
			Instant now = Instant.now();
			jdbc.sql("""
					INSERT INTO source_status (source_id, url, consecutive_failures, next_attempt_at)
					VALUES ('source-1', 'http://127.0.0.1:1/feed/1', 0, :due)""")
				.param("due", now.minus(Duration.ofMinutes(1)).atOffset(ZoneOffset.UTC))
				.update();
			jdbc.sql("UPDATE source_status SET next_attempt_at = :due WHERE source_id = 'source-0'")
				.param("due", now.atOffset(ZoneOffset.UTC))
				.update();

			// The tick that claims source-0 read source-1 before it.
			await().atMost(Duration.ofSeconds(30)).until(() -> polled(0));
			assertThat(count(jdbc, "source_id = 'source-1' AND next_attempt_at IS NOT NULL")).isEqualTo(1);
		}
	}

	private static long count(JdbcClient jdbc, String where) {
		return jdbc.sql("SELECT COUNT(*) FROM source_status WHERE " + where).query(Long.class).single();
	}

	private boolean polled(int source) {
		return !this.server.findAll(getRequestedFor(urlEqualTo("/feed/" + source))).isEmpty();
	}

	private static double polls(ConfigurableApplicationContext context) {
		return context.getBean(MeterRegistry.class).find("manchette.polls").counters().stream()
			.mapToDouble(Counter::count)
			.sum();
	}

	private boolean everySourcePolled(int times) {
		for (int s = 0; s < SOURCES; s++) {
			if (this.server.findAll(getRequestedFor(urlEqualTo("/feed/" + s))).size() < times) {
				return false;
			}
		}
		return true;
	}

	private boolean everySourcePolledAfter(Instant instant) {
		for (int s = 0; s < SOURCES; s++) {
			boolean after = this.server.findAll(getRequestedFor(urlEqualTo("/feed/" + s)))
				.stream()
				.anyMatch((request) -> request.getLoggedDate().toInstant().isAfter(instant));
			if (!after) {
				return false;
			}
		}
		return true;
	}

	/**
	 * Two fetches of one source closer than its interval, less a quarter: a poll's next time counts from its start, and
	 * on a loaded machine one request may leave (or be logged by WireMock) some hundreds of milliseconds later than the
	 * next one, after the same start. Two instances polling one source come within milliseconds.
	 */
	private List<TwoFetches> fetchedTwiceWithinAnInterval() {
		List<TwoFetches> twice = new ArrayList<>();
		for (int s = 0; s < SOURCES; s++) {
			List<LoggedRequest> polls = new ArrayList<>(this.server.findAll(getRequestedFor(urlEqualTo("/feed/" + s))));
			polls.sort(Comparator.comparing(LoggedRequest::getLoggedDate));
			for (int i = 1; i < polls.size(); i++) {
				Instant first = polls.get(i - 1).getLoggedDate().toInstant();
				long gap = Duration.between(first, polls.get(i).getLoggedDate().toInstant()).toMillis();
				if (gap < INTERVAL.toMillis() * 3 / 4) {
					twice.add(new TwoFetches(s, first, gap));
				}
			}
		}
		return twice;
	}

	/** Two fetches of a source, {@code millis} apart, the first at {@code first}. */
	private record TwoFetches(int source, Instant first, long millis) {
	}

	/** {@code count} sources, with the settings' defaults. */
	private Path feeds(int count) throws IOException {
		return Sites.numberedSources(this.server, FeedsYml.inZone("Africa/Casablanca"), count,
				SeveralInstancesOnPostgresTests::feed)
			.writeTo(this.dir.resolve("feeds.yml"));
	}

	private Path writeFeeds() throws IOException {
		FeedsYml yaml = FeedsYml.inZone("Africa/Casablanca")
			.settings("poll:\n  interval: %ds\n  timeout: %ds".formatted(INTERVAL.toSeconds(), TIMEOUT.toSeconds()));
		return Sites.numberedSources(this.server, yaml, SOURCES, SeveralInstancesOnPostgresTests::feed)
			.writeTo(this.dir.resolve("feeds.yml"));
	}

	private static String feed(int source) {
		StringBuilder xml = new StringBuilder("<rss version=\"2.0\"><channel><title>Source " + source + "</title>");
		for (int i = 0; i < 5; i++) {
			xml.append("<item><title>Dépêche %d de la source %d</title><guid>s%d-%d</guid><link>https://s%d.example/%d</link></item>"
				.formatted(i, source, source, i, source, i));
		}
		return xml.append("</channel></rss>").toString();
	}

	private static ConfigurableApplicationContext start(Path feeds, String database) {
		return new SpringApplicationBuilder(ManchetteApplication.class).run("--server.port=0",
				"--manchette.feeds=" + feeds, "--manchette.polling.min-interval=1s",
				"--manchette.polling.start-jitter=2s", "--manchette.polling.tick=200ms",
				"--manchette.polling.lease=10s", "--manchette.polling.per-host=8", "--manchette.reload-interval=1h",
				"--spring.datasource.url=" + database, "--logging.level.fr.manchette=WARN");
	}

}
