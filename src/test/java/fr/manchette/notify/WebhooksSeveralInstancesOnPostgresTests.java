package fr.manchette.notify;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import fr.manchette.ManchetteApplication;
import fr.manchette.support.FeedsYml;
import fr.manchette.support.HmacSignature;
import fr.manchette.support.LocalPostgres;
import fr.manchette.support.Sites;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two instances on one PostgreSQL, both polling 30 WireMock sources every 4 s and both delivering to one slow
 * receiver: every story is posted once as new, and each of the ten stories that three sources tell is posted once
 * more as gaining its third source; nothing twice, however the polls and the claims fall between the instances.
 */
class WebhooksSeveralInstancesOnPostgresTests {

	private static final int SOURCES = 30;

	private static final Instant NOW = Instant.now();

	@TempDir
	Path dir;

	private final WireMockServer server = Sites.server((options) -> options.containerThreads(20));

	private final JsonMapper json = JsonMapper.builder().build();

	@AfterEach
	void stop() {
		this.server.stop();
	}

	@Test
	void twoInstancesSendEachStoryOnce() throws Exception {
		String database = LocalPostgres.get().newDatabase("webhooks_two_instances");
		this.server.start();
		// A slow receiver: the instances' claims overlap in time.
		this.server.stubFor(post("/hook").willReturn(aResponse().withStatus(200).withFixedDelay(20)));
		Path feeds = writeFeeds();
		int expected = SOURCES * 3 + SOURCES / 3 * 2;
		try (ConfigurableApplicationContext a = start(feeds, database);
				ConfigurableApplicationContext b = start(feeds, database)) {
			JdbcClient jdbc = a.getBean(JdbcClient.class);
			await().atMost(Duration.ofSeconds(90)).until(() -> posts().size() >= expected
					&& jdbc.sql("SELECT COUNT(*) FROM webhook_outbox WHERE next_attempt_at IS NOT NULL")
						.query(Long.class)
						.single() == 0);
			// Both keep polling and ticking: once every source has been polled again, and what those polls stored
			// (events in their own transaction, before their outcome) is sent, nothing more is to come.
			OffsetDateTime mark = OffsetDateTime.now(ZoneOffset.UTC);
			await().atMost(Duration.ofSeconds(90)).until(() -> jdbc
				.sql("SELECT COUNT(*) FROM source_status WHERE last_attempt_at IS NULL OR last_attempt_at < :mark")
				.param("mark", mark)
				.query(Long.class)
				.single() == 0
					&& jdbc.sql("SELECT COUNT(*) FROM webhook_outbox WHERE next_attempt_at IS NOT NULL")
						.query(Long.class)
						.single() == 0);

			List<LoggedRequest> posts = posts();
			Map<String, Integer> byEvent = new HashMap<>();
			for (LoggedRequest request : posts) {
				JsonNode body = this.json.readTree(request.getBodyAsString());
				byEvent.merge(body.get("event").asString() + " " + body.get("title").asString(), 1, Integer::sum);
				assertThat(request.getHeader("X-Manchette-Signature"))
					.isEqualTo(HmacSignature.of("sha256", request.getBody(), "s3cret"));
			}
			assertThat(byEvent).hasSize(expected);
			assertThat(byEvent.values()).allMatch((count) -> count == 1);
			assertThat(posts).hasSize(expected);
			assertThat(byEvent.keySet().stream().filter((key) -> key.startsWith("story.third-source "))).hasSize(SOURCES / 3);
		}
	}

	private List<LoggedRequest> posts() {
		return this.server.findAll(postRequestedFor(urlEqualTo("/hook")));
	}

	private Path writeFeeds() throws IOException {
		FeedsYml yaml = FeedsYml.inZone("Africa/Casablanca").settings("poll:\n  interval: 4s\n  timeout: 2s");
		return Sites.numberedSources(this.server, yaml, SOURCES, WebhooksSeveralInstancesOnPostgresTests::feed)
			.writeTo(this.dir.resolve("feeds.yml"));
	}

	/** Three stories of its own, and the story it shares with the two sources next to it (same link). */
	private static String feed(int source) {
		String date = DateTimeFormatter.RFC_1123_DATE_TIME.format(NOW.minusSeconds(600).atOffset(ZoneOffset.UTC));
		StringBuilder xml = new StringBuilder("<rss version=\"2.0\"><channel><title>Source " + source + "</title>");
		for (int i = 0; i < 3; i++) {
			xml.append("<item><title>Dépêche %d de la source %d</title><guid>s%d-%d</guid><link>https://s%d.example/%d</link><pubDate>%s</pubDate></item>"
				.formatted(i, source, source, i, source, i, date));
		}
		int shared = source / 3;
		xml.append("<item><title>Sujet commun numéro %d</title><guid>shared-%d</guid><link>https://commun.example/%d</link><pubDate>%s</pubDate></item>"
			.formatted(shared, shared, shared, date));
		return xml.append("</channel></rss>").toString();
	}

	private ConfigurableApplicationContext start(Path feeds, String database) {
		return new SpringApplicationBuilder(ManchetteApplication.class).run("--server.port=0",
				"--manchette.feeds=" + feeds, "--manchette.polling.min-interval=1s",
				"--manchette.polling.start-jitter=2s", "--manchette.polling.tick=200ms",
				"--manchette.polling.lease=10s", "--manchette.polling.per-host=8", "--manchette.reload-interval=1h",
				"--manchette.fetch.allow-internal-redirects=true", "--manchette.webhook-delivery.tick=50ms",
				"--manchette.webhooks[0].url=http://127.0.0.1:" + this.server.port() + "/hook",
				"--manchette.webhooks[0].secret=s3cret", "--spring.datasource.url=" + database,
				"--logging.level.fr.manchette=WARN");
	}

}
