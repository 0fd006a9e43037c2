package fr.manchette.pipeline;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import fr.manchette.ManchetteApplication;
import fr.manchette.store.ItemRepository;
import fr.manchette.support.FeedsYml;
import fr.manchette.support.H2Files;
import fr.manchette.support.Sites;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The service stopped while a poll is in flight, then started again on the same H2 file: nothing stored is lost,
 * nothing is stored twice, and the interrupted source is polled again. (The README's crash check does the same
 * with a real {@code kill -9}.)
 */
class StopMidPollIntegrationTests {

	private static final Instant NOW = Instant.now();

	@RegisterExtension
	static WireMockExtension server = Sites.forEachTest((options) -> options.gzipDisabled(true));

	@TempDir
	Path dir;

	@Test
	void restartAfterAStopMidPollLosesNothingAndDoublesNothing() throws IOException {
		server.stubFor(WireMock.get("/hespress")
			.willReturn(aResponse().withBody(FixtureFeed.render("hespress-rss2.xml", NOW))));
		// The le360 poll is still reading its body, thirty seconds of it, when the service stops: its start and the
		// hespress poll take some seconds on a loaded machine, which must not see the body whole (nor time out).
		server.stubFor(WireMock.get("/le360")
			.willReturn(aResponse().withBody(FixtureFeed.render("le360-atom.xml", NOW)).withChunkedDribbleDelay(50, 30_000)));
		String site = "http://localhost:" + server.getPort();
		Path feeds = FeedsYml.inZone("Africa/Casablanca")
			.settings("poll:\n  timeout: 60s")
			.source("hespress", "Hespress FR", site + "/hespress")
			.source("le360", "Le360", site + "/le360")
			.writeTo(this.dir.resolve("feeds.yml"));

		try (ConfigurableApplicationContext first = start(feeds)) {
			ItemRepository items = first.getBean(ItemRepository.class);
			await().atMost(Duration.ofSeconds(20)).until(() -> items.countBySource().containsKey("hespress")
					&& !server.findAll(getRequestedFor(urlEqualTo("/le360"))).isEmpty());
			assertThat(items.countBySource()).doesNotContainKey("le360");
		}

		server.stubFor(WireMock.get("/le360")
			.willReturn(aResponse().withBody(FixtureFeed.render("le360-atom.xml", NOW))));
		try (ConfigurableApplicationContext second = start(feeds)) {
			ItemRepository items = second.getBean(ItemRepository.class);
			// The interrupted poll counted as no failure: le360 is still due and polled at once; hespress keeps
			// its timetable and is not polled again before its interval.
			await().atMost(Duration.ofSeconds(20)).until(() -> items.countBySource().containsKey("le360"));
			assertThat(server.findAll(getRequestedFor(urlEqualTo("/hespress")))).hasSize(1);

			assertThat(items.countBySource()).containsEntry("hespress", 4L).containsEntry("le360", 2L);
			JdbcClient jdbc = second.getBean(JdbcClient.class);
			assertThat(jdbc.sql("SELECT COUNT(DISTINCT source_id || ':' || item_key) FROM item").query(Long.class).single())
				.isEqualTo(6L)
				.isEqualTo(jdbc.sql("SELECT COUNT(*) FROM item").query(Long.class).single());
		}
	}

	private ConfigurableApplicationContext start(Path feeds) {
		return new SpringApplicationBuilder(ManchetteApplication.class).run("--server.port=0",
				"--manchette.feeds=" + feeds, "--manchette.polling.start-jitter=0s",
				"--spring.datasource.url=" + H2Files.url(this.dir));
	}

}
