package fr.manchette.pipeline;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import fr.manchette.ManchetteApplication;
import fr.manchette.config.CurrentFeeds;
import fr.manchette.config.Source;
import fr.manchette.store.ItemQuery;
import fr.manchette.store.ItemRepository;
import fr.manchette.store.PollOutcome;
import fr.manchette.store.SourceStatusRepository;
import fr.manchette.store.StoryQueries;
import fr.manchette.support.FeedsYml;
import fr.manchette.support.H2Files;
import fr.manchette.support.Sites;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Stops the service and starts it again on the same H2 file: the items and the validators survive, and the first
 * poll after the restart is conditional, so the source's 304 stores nothing.
 */
class RestartIntegrationTests {

	private static final Instant NOW = Instant.now();

	@RegisterExtension
	static WireMockExtension source = Sites.forEachTest((options) -> options.gzipDisabled(true));

	/** The lease owner of a run killed with its polls in flight: host, process, key, as LeaseOwner makes them. */
	private static final String KILLED_OWNER = "manchette-host/4242/5eed0badc0de0042";

	@TempDir
	Path dir;

	@Test
	void itemsAndValidatorsSurviveARestartAnd304StoresNothing() throws IOException {
		source.stubFor(WireMock.get("/feed")
			.withHeader("If-None-Match", absent())
			.willReturn(aResponse().withHeader("ETag", "\"rev-7\"")
				.withHeader("Last-Modified", "Fri, 16 May 2025 17:00:00 GMT")
				.withBody(FixtureFeed.render("hespress-rss2.xml", NOW))));
		source.stubFor(WireMock.get("/feed")
			.withHeader("If-None-Match", equalTo("\"rev-7\""))
			.willReturn(aResponse().withStatus(304)));
		Path feeds = FeedsYml.inZone("Africa/Casablanca")
			.source("hespress-fr", "Hespress FR", "http://localhost:" + source.getPort() + "/feed")
			.writeTo(this.dir.resolve("feeds.yml"));

		try (ConfigurableApplicationContext first = start(feeds)) {
			PollReport report = poll(first);
			assertThat(report.outcome()).isEqualTo(PollOutcome.OK);
			assertThat(report.inserted()).isEqualTo(4);
		}

		try (ConfigurableApplicationContext second = start(feeds)) {
			assertThat(second.getBean(StoryQueries.class).latestStories(ItemQuery.latest(50))).hasSize(4);
			assertThat(second.getBean(SourceStatusRepository.class).find("hespress-fr"))
				.hasValueSatisfying((status) -> assertThat(status.etag()).isEqualTo("\"rev-7\""));

			PollReport report = poll(second);

			assertThat(report.outcome()).isEqualTo(PollOutcome.NOT_MODIFIED);
			assertThat(report.inserted()).isZero();
			assertThat(second.getBean(ItemRepository.class).countBySource()).containsEntry("hespress-fr", 4L);
		}
		source.verify(1, getRequestedFor(urlEqualTo("/feed")).withHeader("If-None-Match", equalTo("\"rev-7\""))
			.withHeader("If-Modified-Since", equalTo("Fri, 16 May 2025 17:00:00 GMT")));
	}

	/**
	 * A {@code kill -9} leaves the leases its polls held: here the state it leaves, written into the file of a run that
	 * is then stopped (a JVM cannot kill itself and go on testing). The next start on the file gives them back, and
	 * polls the source at once, not when the lease runs out.
	 */
	@Test
	void aStartGivesBackTheLeasesAKilledRunLeftInTheFileAndPollsTheirSourcesAtOnce() throws IOException {
		source.stubFor(WireMock.get("/feed").willReturn(aResponse().withBody(FixtureFeed.render("hespress-rss2.xml", NOW))));
		Path feeds = FeedsYml.inZone("Africa/Casablanca")
			.source("hespress-fr", "Hespress FR", "http://localhost:" + source.getPort() + "/feed")
			.writeTo(this.dir.resolve("feeds.yml"));
		try (ConfigurableApplicationContext killed = start(feeds)) {
			assertThat(poll(killed).outcome()).isEqualTo(PollOutcome.OK);
			// Due a minute ago, and claimed then by the killed run for ten minutes.
			Instant now = Instant.now();
			killed.getBean(JdbcClient.class)
				.sql("UPDATE source_status SET lease_owner = :owner, lease_until = :until, next_attempt_at = :due")
				.param("owner", KILLED_OWNER)
				.param("until", now.plus(Duration.ofMinutes(10)).atOffset(ZoneOffset.UTC))
				.param("due", now.minus(Duration.ofMinutes(1)).atOffset(ZoneOffset.UTC))
				.update();
		}

		try (ConfigurableApplicationContext restarted = start(feeds, true)) {
			// Given back before the start ends (then maybe claimed by the restarted run).
			assertThat(restarted.getBean(JdbcClient.class)
				.sql("SELECT lease_owner FROM source_status WHERE source_id = 'hespress-fr'")
				.query(String.class)
				.list()).hasSize(1).doesNotContain(KILLED_OWNER);
			await().atMost(Duration.ofSeconds(30))
				.until(() -> source.findAll(getRequestedFor(urlEqualTo("/feed"))).size() >= 2);
		}
	}

	/**
	 * Polling starts before the web server, so that a restart's round of conditional GETs overlaps its start: when the
	 * web server starts, every source of feeds.yml already has its place in the timetable.
	 */
	@Test
	void pollingStartsBeforeTheWebServer() throws IOException {
		source.stubFor(WireMock.get("/feed").willReturn(aResponse().withBody(FixtureFeed.render("hespress-rss2.xml", NOW))));
		source.stubFor(WireMock.get("/le360").willReturn(aResponse().withBody(FixtureFeed.render("hespress-rss2.xml", NOW))));
		Path feeds = FeedsYml.inZone("Africa/Casablanca")
			.source("hespress-fr", "Hespress FR", "http://localhost:" + source.getPort() + "/feed")
			.source("le360", "Le360", "http://localhost:" + source.getPort() + "/le360")
			.writeTo(this.dir.resolve("feeds.yml"));
		List<String> scheduledWhenWebStarted = new CopyOnWriteArrayList<>();
		ApplicationListener<WebServerInitializedEvent> webStarted = (event) -> scheduledWhenWebStarted
			.addAll(event.getApplicationContext()
				.getBean(JdbcClient.class)
				.sql("SELECT source_id FROM source_status WHERE next_attempt_at IS NOT NULL OR lease_owner IS NOT NULL")
				.query(String.class)
				.list());

		try (ConfigurableApplicationContext context = new SpringApplicationBuilder(ManchetteApplication.class)
			.listeners(webStarted)
			.run("--server.port=0", "--manchette.feeds=" + feeds, "--spring.datasource.url=" + H2Files.url(this.dir))) {
			assertThat(scheduledWhenWebStarted).containsExactlyInAnyOrder("hespress-fr", "le360");
			await().atMost(Duration.ofSeconds(30))
				.until(() -> context.getBean(ItemRepository.class).countBySource().getOrDefault("le360", 0L) == 4L);
		}
	}

	private ConfigurableApplicationContext start(Path feeds) {
		return start(feeds, false);
	}

	private ConfigurableApplicationContext start(Path feeds, boolean polling) {
		return new SpringApplicationBuilder(ManchetteApplication.class).run("--server.port=0",
				"--manchette.feeds=" + feeds, "--manchette.polling.enabled=" + polling,
				"--spring.datasource.url=" + H2Files.url(this.dir));
	}

	private static PollReport poll(ConfigurableApplicationContext context) {
		Source hespress = context.getBean(CurrentFeeds.class).get().source("hespress-fr").orElseThrow();
		return context.getBean(IngestRun.class).run(hespress);
	}

}
