package fr.manchette.notify;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import fr.manchette.config.CurrentFeeds;
import fr.manchette.config.Source;
import fr.manchette.pipeline.IngestRun;
import fr.manchette.support.FeedsYml;
import fr.manchette.support.HmacSignature;
import fr.manchette.support.LocalHttp;
import fr.manchette.support.Sites;
import fr.manchette.support.TestService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Webhooks end to end: sources on WireMock polled by the pipeline, and two receivers on another WireMock, one of
 * which answers 500 once. Each new story is POSTed to each receiver, signed with its own secret (the signature is
 * checked here with the JDK's HMAC, not ours); the failed delivery is retried with the same bytes and shows on
 * {@code /api/webhooks}; a story that gains its third source is posted again as such. Loopback receivers need
 * internal addresses allowed, as an operator would for a receiver on their own network.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "manchette.polling.enabled=false", "manchette.fetch.allow-internal-redirects=true",
				"manchette.webhook-delivery.tick=100ms", "manchette.webhook-delivery.retry=2s",
				"manchette.webhook-delivery.max-attempts=3", "manchette.webhook-delivery.timeout=2s" })
abstract class WebhooksTests {

	private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.SECONDS);

	static final String SECRET_A = "un secret de la rédaction";

	static final String SECRET_B = "another-secret";

	@RegisterExtension
	static WireMockExtension sites = Sites.forEachTest();

	@RegisterExtension
	static WireMockExtension receiver = Sites.forEachTest();

	@TempDir
	static Path dir;

	@Autowired
	private IngestRun ingestRun;

	@Autowired
	private CurrentFeeds feeds;

	@Autowired
	private JdbcClient jdbc;

	@LocalServerPort
	private int port;

	private final JsonMapper json = JsonMapper.builder().build();

	@DynamicPropertySource
	static void feedsAndHooks(DynamicPropertyRegistry registry) throws IOException {
		// The database is the subclass's.
		String site = "http://localhost:" + sites.getPort();
		TestService.useFeeds(registry, dir, FeedsYml.inZone("Africa/Casablanca")
			.source("alpha", "Alpha", site + "/alpha")
			.source("beta", "Beta", site + "/beta")
			.source("gamma", "Gamma", site + "/gamma"));
		registry.add("manchette.webhooks[0].url", () -> "http://127.0.0.1:" + receiver.getPort() + "/hook/a?token=t");
		registry.add("manchette.webhooks[0].secret", () -> SECRET_A);
		registry.add("manchette.webhooks[1].url", () -> "http://localhost:" + receiver.getPort() + "/hook/b");
		registry.add("manchette.webhooks[1].secret", () -> SECRET_B);
	}

	static Path dir() {
		return dir;
	}

	@BeforeEach
	void clean() {
		// Each test tells its own stories: the outbox and the items start empty.
		this.jdbc.sql("DELETE FROM webhook_outbox").update();
		this.jdbc.sql("DELETE FROM webhook_status").update();
		this.jdbc.sql("DELETE FROM item_word").update();
		this.jdbc.sql("DELETE FROM item_word_block").update();
		this.jdbc.sql("DELETE FROM item").update();
		receiver.stubFor(post("/hook/a?token=t").willReturn(aResponse().withStatus(204)));
		receiver.stubFor(post("/hook/b").willReturn(aResponse().withStatus(200)));
	}

	@Test
	void aNewStoryIsPostedToEveryWebhookSignedWithItsSecret() throws Exception {
		serve("alpha", story("a1", "Séisme de magnitude 5 au large d’Agadir", "quake", 5));
		poll("alpha");

		LoggedRequest toA = awaitOne("/hook/a?token=t");
		LoggedRequest toB = awaitOne("/hook/b");
		assertThat(toA.getHeader("X-Manchette-Signature"))
			.isEqualTo(HmacSignature.of("sha256", toA.getBody(), SECRET_A));
		assertThat(toB.getHeader("X-Manchette-Signature"))
			.isEqualTo(HmacSignature.of("sha256", toB.getBody(), SECRET_B));
		assertThat(toA.getHeader("Content-Type")).startsWith("application/json");
		assertThat(toA.getHeader("X-Manchette-Event")).isEqualTo("story.new");
		JsonNode body = this.json.readTree(toA.getBodyAsString());
		assertThat(body.get("event").asString()).isEqualTo("story.new");
		assertThat(body.get("title").asString()).isEqualTo("Séisme de magnitude 5 au large d’Agadir");
		assertThat(body.get("link").asString()).isEqualTo("https://actu.example/quake.html");
		assertThat(body.get("sources").valueStream().map(JsonNode::asString)).containsExactly("alpha");
		assertThat(Instant.parse(body.get("time").asString())).isEqualTo(NOW.minus(Duration.ofMinutes(5)));
		String story = body.get("id").asString();
		assertThat(story).matches("[0-9a-f]{64}");
		assertThat(LocalHttp.get(this.port, "/api/stories/" + story, null).statusCode()).isEqualTo(200);
		assertThat(toA.getHeader("X-Manchette-Delivery")).isEqualTo(body.get("delivery").asString());
	}

	@Test
	void aDeliveryThatFailsIsRetriedWithTheSameBytesAndTheFailureShows() throws Exception {
		receiver.stubFor(post("/hook/b").inScenario("flaky")
			.whenScenarioStateIs(Scenario.STARTED)
			.willReturn(aResponse().withStatus(500))
			.willSetStateTo("up"));
		receiver.stubFor(post("/hook/b").inScenario("flaky").whenScenarioStateIs("up").willReturn(aResponse().withStatus(200)));
		serve("alpha", story("a2", "Le Parlement adopte la loi de finances", "budget", 3));
		poll("alpha");

		await().atMost(Duration.ofSeconds(30)).until(() -> receiver.findAll(postRequestedFor(urlEqualTo("/hook/b"))).size() >= 2);
		List<LoggedRequest> attempts = receiver.findAll(postRequestedFor(urlEqualTo("/hook/b")));
		assertThat(attempts).hasSize(2);
		assertThat(attempts.get(1).getBody()).isEqualTo(attempts.get(0).getBody());
		assertThat(attempts.get(1).getHeader("X-Manchette-Signature"))
			.isEqualTo(attempts.get(0).getHeader("X-Manchette-Signature"))
			.isEqualTo(HmacSignature.of("sha256", attempts.get(1).getBody(), SECRET_B));

		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
			JsonNode hooks = this.json.readTree(LocalHttp.get(this.port, "/api/webhooks", null).body()).get("webhooks");
			assertThat(hooks).hasSize(2);
			// Shown without its query, which may hold a token.
			assertThat(hooks.get(0).get("url").asString()).isEqualTo("http://127.0.0.1:" + receiver.getPort() + "/hook/a");
			JsonNode b = hooks.get(1);
			assertThat(b.get("lastError").asString()).isEqualTo("HTTP 500");
			assertThat(b.get("lastFailure").isNull()).isFalse();
			assertThat(b.get("lastSuccess").isNull()).isFalse();
			assertThat(b.get("pending").asLong()).isZero();
			assertThat(b.get("givenUp").asLong()).isZero();
			assertThat(hooks.get(0).get("lastFailure").isNull()).isTrue();
		});
	}

	@Test
	void aReceiverThatRedirectsFailsAndIsGivenUpAfterItsAttempts() throws Exception {
		receiver.stubFor(post("/hook/b").willReturn(aResponse().withStatus(302).withHeader("Location", "/hook/moved")));
		serve("alpha", story("a5", "La Banque centrale maintient son taux directeur", "rate", 4));
		poll("alpha");

		await().atMost(Duration.ofSeconds(30)).until(() -> pending() == 0);
		// Three attempts (max-attempts here), none followed to where the redirect points.
		assertThat(receiver.findAll(postRequestedFor(urlEqualTo("/hook/b")))).hasSize(3);
		assertThat(receiver.findAll(postRequestedFor(urlEqualTo("/hook/moved")))).isEmpty();
		JsonNode b = this.json.readTree(LocalHttp.get(this.port, "/api/webhooks", null).body()).get("webhooks").get(1);
		assertThat(b.get("lastError").asString()).isEqualTo("HTTP 302");
		assertThat(b.get("lastSuccess").isNull()).isTrue();
		assertThat(b.get("pending").asLong()).isZero();
		assertThat(b.get("givenUp").asLong()).isEqualTo(1);
	}

	@Test
	void aReceiverThatDoesNotAnswerRestsAndTheOtherIsServedMeanwhile() throws Exception {
		receiver.stubFor(post("/hook/b").willReturn(aResponse().withStatus(200).withFixedDelay(10_000)));
		String[] stories = new String[20];
		for (int i = 0; i < stories.length; i++) {
			// Headlines with no word in common: twenty stories, not one told twenty times.
			String word = String.valueOf((char) ('a' + i));
			stories[i] = story("m" + i, word.repeat(4) + " " + word.repeat(5) + " " + word.repeat(6), "matin-" + i, 10 + i);
		}
		serve("alpha", stories);
		poll("alpha");

		await().atMost(Duration.ofSeconds(30))
			.until(() -> receiver.findAll(postRequestedFor(urlEqualTo("/hook/a?token=t"))).size() == 20);
		// The receiver logs a request before the sender marks it delivered: wait for the last of A's to be marked, so
		// that what is left undelivered is B's alone.
		await().atMost(Duration.ofSeconds(30))
			.until(() -> this.jdbc.sql("SELECT COUNT(*) FROM webhook_outbox WHERE delivered_at IS NULL")
				.query(Long.class)
				.single() == 20L);
		// Meanwhile the dead receiver cost one timeout per rest that ended while A's were sent, not one per story: its
		// other deliveries waited, each with every attempt still before it. Two if its first rest (retry, 2 s here)
		// ended while A's were still being sent, as on a loaded machine; a third takes a second rest of 4 s more, and
		// so on, doubling; one per story would be twenty.
		long triedOnB = this.jdbc.sql("SELECT SUM(attempts) FROM webhook_outbox WHERE delivered_at IS NULL")
			.query(Long.class)
			.single();
		assertThat(triedOnB).isBetween(1L, 5L);
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM webhook_outbox WHERE delivered_at IS NULL AND next_attempt_at IS NOT NULL")
			.query(Long.class)
			.single()).isEqualTo(20L);

		// Back up: everything it missed is sent.
		receiver.stubFor(post("/hook/b").willReturn(aResponse().withStatus(200)));
		await().atMost(Duration.ofSeconds(30)).until(() -> pending() == 0);
		assertThat(receiver.findAll(postRequestedFor(urlEqualTo("/hook/b"))).stream()
			.map((request) -> request.getHeader("X-Manchette-Delivery"))
			.distinct()).hasSize(20);
	}

	@Test
	void aStoryThatGainsItsThirdSourceIsPostedAgain() throws Exception {
		String title = "Incendie dans la forêt de la Maâmora";
		serve("alpha", story("a3", title, "fire", 30));
		serve("beta", story("b3", title, "fire", 20));
		serve("gamma", story("g3", title, "fire", 10));
		poll("alpha");
		awaitOne("/hook/a?token=t");
		poll("beta");
		poll("gamma");

		await().atMost(Duration.ofSeconds(30)).until(() -> receiver.findAll(postRequestedFor(urlEqualTo("/hook/a?token=t"))).size() >= 2);
		// Nothing more is coming: the second source was no event, and every delivery is made.
		await().atMost(Duration.ofSeconds(30)).until(() -> pending() == 0);
		List<LoggedRequest> posts = receiver.findAll(postRequestedFor(urlEqualTo("/hook/a?token=t")));
		assertThat(posts).hasSize(2);
		JsonNode first = this.json.readTree(posts.get(0).getBodyAsString());
		JsonNode third = this.json.readTree(posts.get(1).getBodyAsString());
		assertThat(first.get("event").asString()).isEqualTo("story.new");
		assertThat(third.get("event").asString()).isEqualTo("story.third-source");
		assertThat(third.get("id").asString()).isEqualTo(first.get("id").asString());
		assertThat(third.get("title").asString()).isEqualTo(title);
		assertThat(third.get("sources").valueStream().map(JsonNode::asString)).containsExactly("alpha", "beta", "gamma");
		assertThat(posts.get(1).getHeader("X-Manchette-Signature"))
			.isEqualTo(HmacSignature.of("sha256", posts.get(1).getBody(), SECRET_A));
		// Polled again, the same items are no new event.
		poll("gamma");
		assertThat(pending()).isZero();
	}

	@Test
	void aSourcesBackCatalogueIsNotAnnounced() throws Exception {
		serve("beta", story("b4", "Une dépêche de la semaine dernière", "old", 7 * 24 * 60),
				story("b5", "Une dépêche de ce matin", "fresh", 60));
		poll("beta");

		LoggedRequest post = awaitOne("/hook/b");
		assertThat(this.json.readTree(post.getBodyAsString()).get("title").asString()).isEqualTo("Une dépêche de ce matin");
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM webhook_outbox").query(Long.class).single()).isEqualTo(2L);
	}

	private long pending() {
		return this.jdbc.sql("SELECT COUNT(*) FROM webhook_outbox WHERE next_attempt_at IS NOT NULL")
			.query(Long.class)
			.single();
	}

	private LoggedRequest awaitOne(String url) {
		await().atMost(Duration.ofSeconds(30)).until(() -> !receiver.findAll(postRequestedFor(urlEqualTo(url))).isEmpty());
		await().atMost(Duration.ofSeconds(30)).until(() -> pending() == 0);
		List<LoggedRequest> requests = receiver.findAll(postRequestedFor(urlEqualTo(url)));
		assertThat(requests).hasSize(1);
		return requests.get(0);
	}

	private void poll(String id) {
		Source source = this.feeds.get().source(id).orElseThrow();
		this.ingestRun.run(source);
	}

	static void serve(String source, String... items) {
		StringBuilder rss = new StringBuilder("<rss version=\"2.0\"><channel><title>" + source + "</title>");
		for (String item : items) {
			rss.append(item);
		}
		sites.stubFor(WireMock.get("/" + source).willReturn(aResponse().withBody(rss.append("</channel></rss>").toString())));
	}

	static String story(String guid, String title, String page, int minutesAgo) {
		return "<item><guid>%s</guid><title>%s</title><link>https://actu.example/%s.html</link><pubDate>%s</pubDate></item>"
			.formatted(guid, title, page, java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME
				.format(NOW.minus(Duration.ofMinutes(minutesAgo)).atOffset(java.time.ZoneOffset.UTC)));
	}

}
