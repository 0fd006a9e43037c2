package fr.manchette.websub;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.GZIPOutputStream;

import com.github.tomakehurst.wiremock.WireMockServer;
import fr.manchette.config.CurrentFeeds;
import fr.manchette.pipeline.IngestRun;
import fr.manchette.pipeline.PollReport;
import fr.manchette.pipeline.PushedSources;
import fr.manchette.store.PollOutcome;
import fr.manchette.store.SourceStatus;
import fr.manchette.store.SourceStatusRepository;
import fr.manchette.store.WebSubSubscription.State;
import fr.manchette.store.WebSubSubscription;
import fr.manchette.store.WebSubSubscriptions;
import fr.manchette.support.FeedsYml;
import fr.manchette.support.FormFields;
import fr.manchette.support.HmacSignature;
import fr.manchette.support.LocalHttp;
import fr.manchette.support.SettableClock;
import fr.manchette.support.Sites;
import fr.manchette.support.TestService;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The WebSub subscriber end to end: WireMock serves the sources' feeds, which announce a hub, and plays the hub's
 * endpoint; the test calls the service back as the hub would. Polls are driven by hand (scheduler off); the
 * subscriber's worker runs on a clock the test moves.
 */
@ExtendWith(OutputCaptureExtension.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "manchette.polling.enabled=false", "manchette.websub.tick=100ms",
				"manchette.websub.lease=1h", "manchette.reload-interval=200ms" })
class WebSubSubscriberIntegrationTests {

	private static final SettableClock CLOCK = new SettableClock(Instant.now().truncatedTo(ChronoUnit.MILLIS));

	private static final WireMockServer server = Sites.server();

	/** The sources of feeds.yml, each with its hub: one or a few for each test. */
	private static final List<String> SOURCES = List.of("pushed", "renewed", "removed", "hub-down", "denied", "brief",
			"replayed", "gzipped", "paused", "duo-a", "duo-b", "duo-c");

	@LocalServerPort
	private int port;

	@TempDir
	static Path dir;

	@Autowired
	private IngestRun ingestRun;

	@Autowired
	private CurrentFeeds feeds;

	@Autowired
	private WebSubSubscriptions subscriptions;

	@Autowired
	private SourceStatusRepository statuses;

	@Autowired
	private PushedSources pushedSources;

	@Autowired
	private MeterRegistry meters;

	@Autowired
	private JdbcClient jdbc;

	@TestConfiguration
	static class ControlledClock {

		@Bean
		@Primary
		Clock movingClock() {
			return CLOCK;
		}

	}

	@BeforeAll
	static void startHub() {
		server.start();
	}

	@AfterAll
	static void stopHub() {
		server.stop();
	}

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) throws IOException {
		server.start();
		registry.add("manchette.public-url", () -> FakeHub.PUBLIC_URL);
		TestService.use(registry, dir, feedsYml(SOURCES));
		for (String id : SOURCES) {
			server.stubFor(post("/hub/" + id).willReturn(aResponse().withStatus(202)));
			server.stubFor(get("/feed/" + id).willReturn(aResponse().withHeader("Content-Type", "application/atom+xml")
				.withBody(FakeHub.atom(hub(id), self(id), "Première dépêche de " + id))));
		}
		server.stubFor(post("/hub/hub-down").willReturn(aResponse().withStatus(503).withBody("en maintenance")));
		// A feed that gives an ETag, and a 304 to a request that brings it back: its hub is read from a 200 only.
		server.stubFor(get("/feed/paused").willReturn(aResponse().withHeader("Content-Type", "application/atom+xml")
			.withHeader("ETag", "\"v1\"")
			.withBody(FakeHub.atom(hub("paused"), self("paused"), "Première dépêche de paused"))));
		server.stubFor(get("/feed/paused").withHeader("If-None-Match", equalTo("\"v1\""))
			.willReturn(aResponse().withStatus(304).withHeader("ETag", "\"v1\"")));
	}

	private static FeedsYml feedsYml(List<String> ids) {
		FeedsYml yaml = FeedsYml.inZone("Europe/Paris").settings("poll:\n  interval: 10m\n  max-size: 64KB");
		ids.forEach((id) -> yaml.source(id, "Fil " + id, "http://localhost:" + server.port() + "/feed/" + id));
		return yaml;
	}

	private static String hub(String id) {
		return "http://localhost:" + server.port() + "/hub/" + id;
	}

	private static String self(String id) {
		return "http://localhost:" + server.port() + "/feed/" + id;
	}

	@Test
	void subscribesToTheAnnouncedHubAndTakesOnlySignedDeliveries(CapturedOutput output) throws Exception {
		FakeHub hub = new FakeHub(server, "/hub/pushed", this.port);
		poll("pushed");
		await().atMost(Duration.ofSeconds(30)).until(() -> !hub.requests("subscribe").isEmpty());
		Map<String, String> request = hub.requests("subscribe").get(0);
		assertThat(request.get("hub.topic")).isEqualTo(self("pushed"));
		// An id of 256 random bits, base64url.
		assertThat(request.get("hub.callback")).matches("http://localhost:" + this.port + "/websub/[A-Za-z0-9_-]{43}");
		// As sent, under the public address, which the hub reaches at the port the server bound.
		assertThat(FormFields.of(server.findAll(postRequestedFor(urlEqualTo("/hub/pushed"))).get(0).getBodyAsString())
			.get("hub.callback")).startsWith(FakeHub.PUBLIC_URL + "websub/");
		assertThat(request.get("hub.lease_seconds")).isEqualTo("3600");
		String secret = request.get("hub.secret");
		assertThat(secret).hasSizeBetween(32, 199);
		String callback = request.get("hub.callback");

		// A verification for a topic we did not ask for, or of a mode we did not ask for, or at a callback we never
		// gave, is refused; only the right one echoes the challenge.
		assertThat(FakeHub.verify(callback, Map.of("hub.mode", "subscribe", "hub.topic", "https://ailleurs.example/feed",
				"hub.challenge", "c1", "hub.lease_seconds", "600")).statusCode()).isEqualTo(404);
		assertThat(FakeHub.verify(callback, Map.of("hub.mode", "unsubscribe", "hub.topic", self("pushed"),
				"hub.challenge", "c2")).statusCode()).isEqualTo(404);
		assertThat(FakeHub.verify("http://localhost:" + port + "/websub/" + "A".repeat(43), Map.of("hub.mode",
				"subscribe", "hub.topic", self("pushed"), "hub.challenge", "c3", "hub.lease_seconds", "600"))
			.statusCode()).isEqualTo(404);
		// Nor is the same address with a slash more, or another query: other resources.
		assertThat(FakeHub.verify(callback, Map.of("hub.mode", "subscribe", "hub.topic", self("pushed") + "/",
				"hub.challenge", "c4", "hub.lease_seconds", "600")).statusCode()).isEqualTo(404);
		assertThat(FakeHub.verify(callback, Map.of("hub.mode", "subscribe", "hub.topic", self("pushed") + "?page=2",
				"hub.challenge", "c5", "hub.lease_seconds", "600")).statusCode()).isEqualTo(404);
		// A challenge past what the server reads (32 KB for the request line and headers) gets a problem document
		// that says so, never Tomcat's page; the subscription waits for a verification it can answer.
		HttpResponse<String> overLong = FakeHub.verify(callback, Map.of("hub.mode", "subscribe", "hub.topic",
				self("pushed"), "hub.challenge", "c".repeat(33_000), "hub.lease_seconds", "600"));
		assertThat(overLong.statusCode()).isEqualTo(400);
		assertThat(overLong.headers().firstValue("Content-Type")).hasValue("application/problem+json;charset=UTF-8");
		assertThat(overLong.body()).contains("request line and headers", "within 32 KB");
		assertThat(this.subscriptions.find("pushed").orElseThrow().state()).isNotEqualTo(State.ACTIVE);
		// The hub's mistake, told to the hub: nothing for whoever runs us to read, least of all a stack trace.
		assertThat(output).doesNotContain("Error parsing HTTP request header", "Request header is too large");
		// A hub that writes the scheme and host in capitals names the same topic (RFC 3986), and a hub's challenge may
		// be long (the spec sets no bound; 20 kB here, past Tomcat's own 8 KB): it is echoed whole.
		String longChallenge = "défi-" + "0123456789".repeat(2_000);
		HttpResponse<String> spelt = FakeHub.verify(callback, Map.of("hub.mode", "subscribe", "hub.topic",
				self("pushed").replace("http://localhost", "HTTP://LocalHost"), "hub.challenge", longChallenge,
				"hub.lease_seconds", "600"));
		assertThat(spelt.statusCode()).isEqualTo(200);
		assertThat(spelt.body()).isEqualTo(longChallenge);
		HttpResponse<String> verified = FakeHub.verifySubscription(request, "défi-4821", 600);
		assertThat(verified.statusCode()).isEqualTo(200);
		assertThat(verified.body()).isEqualTo("défi-4821");
		WebSubSubscription subscription = this.subscriptions.find("pushed").orElseThrow();
		assertThat(subscription.state()).isEqualTo(State.ACTIVE);
		assertThat(subscription.leaseUntil()).isEqualTo(CLOCK.instant().plusSeconds(600));

		// Wrong or missing signatures: acknowledged as a good delivery is (a forger learns nothing), nothing stored.
		byte[] forged = FakeHub.atom(hub("pushed"), self("pushed"), "Dépêche contrefaite").getBytes(StandardCharsets.UTF_8);
		double readBefore = deliveries("OK");
		double unreadableBefore = deliveries("PARSE_ERROR");
		assertThat(FakeHub.deliver(callback, forged, null).statusCode()).isEqualTo(204);
		assertThat(FakeHub.deliver(callback, forged, HmacSignature.of("sha256", forged, "not-the-secret")).statusCode())
			.isEqualTo(204);
		assertThat(FakeHub.deliver(callback, forged, "md5=00ff").statusCode()).isEqualTo(204);
		assertThat(FakeHub.deliver(callback, forged, "sha256=" + "0".repeat(64)).statusCode()).isEqualTo(204);
		assertThat(FakeHub.deliver(callback, forged, "sha256=").statusCode()).isEqualTo(204);
		byte[] other = FakeHub.atom(hub("pushed"), self("pushed"), "Autre dépêche").getBytes(StandardCharsets.UTF_8);
		assertThat(FakeHub.deliver(callback, forged, HmacSignature.of("sha256", other, secret)).statusCode())
			.isEqualTo(204);
		assertThat(this.subscriptions.find("pushed").orElseThrow().lastDeliveryAt()).isNull();
		assertThat(this.statuses.itemCounts().get("pushed")).isEqualTo(1L);

		// Too large: refused before anything else, nothing stored (max-size is 64KB here).
		byte[] huge = FakeHub.atom(hub("pushed"), self("pushed"), "Dépêche géante " + "x".repeat(70_000))
			.getBytes(StandardCharsets.UTF_8);
		assertThat(FakeHub.deliver(callback, huge, HmacSignature.of("sha256", huge, secret)).statusCode())
			.isEqualTo(413);

		// Signed but hostile: received, and refused by the same parser as a poll's content.
		byte[] xxe = """
				<?xml version="1.0"?>
				<!DOCTYPE feed [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
				<feed xmlns="http://www.w3.org/2005/Atom"><title>x</title><id>urn:x</id><updated>2026-01-01T00:00:00Z</updated>
				<entry><title>Dépêche piégée &xxe;</title><id>urn:x:1</id><link href="https://fil.example/x"/>
				<updated>2026-01-01T00:00:00Z</updated></entry></feed>""".getBytes(StandardCharsets.UTF_8);
		assertThat(FakeHub.deliver(callback, xxe, HmacSignature.of("sha1", xxe, secret)).statusCode()).isEqualTo(204);

		String atom = LocalHttp.get(port, "/feed.atom", null).body();
		assertThat(atom).doesNotContain("contrefaite", "géante", "piégée");

		// Signed right, by any of the registered methods: in the merged feed as soon as the hub has its answer.
		byte[] pushed = FakeHub.atom(hub("pushed"), self("pushed"), "Le Parlement adopte la loi de finances")
			.getBytes(StandardCharsets.UTF_8);
		Instant before = CLOCK.instant();
		assertThat(FakeHub.deliver(callback, pushed, HmacSignature.of("sha512", pushed, secret)).statusCode())
			.isEqualTo(204);
		assertThat(LocalHttp.get(port, "/feed.atom", null).body()).contains("Le Parlement adopte la loi de finances");
		SourceStatus status = this.statuses.find("pushed").orElseThrow();
		assertThat(status.lastOutcome()).isEqualTo(PollOutcome.OK);
		assertThat(status.lastSuccessAt()).isAfterOrEqualTo(before);
		assertThat(this.statuses.itemCounts().get("pushed")).isEqualTo(2L);
		assertThat(this.subscriptions.find("pushed").orElseThrow().lastDeliveryAt()).isNotNull();
		// The metric counts the signed deliveries read, by outcome; refused ones are not deliveries.
		assertThat(deliveries("OK") - readBefore).isEqualTo(1);
		assertThat(deliveries("PARSE_ERROR") - unreadableBefore).isEqualTo(1);
	}

	private double deliveries(String outcome) {
		Counter counter = this.meters.find("manchette.websub.deliveries").tag("outcome", outcome).counter();
		return (counter != null) ? counter.count() : 0;
	}

	@Test
	void renewsTheLeaseBeforeItEndsWithTheSameCallbackAndSecret() throws Exception {
		FakeHub hub = new FakeHub(server, "/hub/renewed", this.port);
		Map<String, String> first = firstRequest("renewed");
		assertThat(FakeHub.verifySubscription(first, "premier", 1000).statusCode()).isEqualTo(200);
		Instant leaseEnd = this.subscriptions.find("renewed").orElseThrow().leaseUntil();

		// Not yet: three quarters of the lease.
		CLOCK.advance(Duration.ofSeconds(750));
		await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(10))
			.until(() -> hub.requests("subscribe").size() == 1);
		// Four fifths: renewed, before the lease ends.
		CLOCK.advance(Duration.ofSeconds(60));
		await().atMost(Duration.ofSeconds(30)).until(() -> hub.requests("subscribe").size() == 2);
		Map<String, String> renewal = hub.requests("subscribe").get(1);
		assertThat(renewal.get("hub.callback")).isEqualTo(first.get("hub.callback"));
		assertThat(renewal.get("hub.secret")).isEqualTo(first.get("hub.secret"));
		assertThat(this.subscriptions.find("renewed").orElseThrow().state()).isEqualTo(State.RENEWING);
		assertThat(this.subscriptions.find("renewed").orElseThrow().pushing(CLOCK.instant())).isTrue();

		assertThat(FakeHub.verifySubscription(renewal, "second", 1000).statusCode()).isEqualTo(200);
		WebSubSubscription renewed = this.subscriptions.find("renewed").orElseThrow();
		assertThat(renewed.state()).isEqualTo(State.ACTIVE);
		assertThat(renewed.leaseUntil()).isAfter(leaseEnd);
	}

	@Test
	void unsubscribesWhenTheSourceLeavesFeedsYml() throws Exception {
		FakeHub hub = new FakeHub(server, "/hub/removed", this.port);
		Map<String, String> request = firstRequest("removed");
		assertThat(FakeHub.verifySubscription(request, "ok", 3600).statusCode()).isEqualTo(200);

		feedsYml(SOURCES.stream().filter((id) -> !id.equals("removed")).toList()).writeTo(TestService.feedsFile(dir));
		await().atMost(Duration.ofSeconds(30)).until(() -> hub.requests("unsubscribe").size() == 1);
		Map<String, String> unsubscribe = hub.requests("unsubscribe").get(0);
		assertThat(unsubscribe.get("hub.topic")).isEqualTo(self("removed"));
		assertThat(unsubscribe.get("hub.callback")).isEqualTo(request.get("hub.callback"));
		// The subscription is no longer wanted: a delivery is gone, a re-verification of the subscription refused.
		byte[] body = FakeHub.atom(null, null, "Trop tard").getBytes(StandardCharsets.UTF_8);
		String signature = HmacSignature.of("sha256", body, request.get("hub.secret"));
		assertThat(FakeHub.deliver(request.get("hub.callback"), body, signature).statusCode()).isEqualTo(410);
		assertThat(FakeHub.verifySubscription(request, "encore", 3600).statusCode()).isEqualTo(404);

		HttpResponse<String> verified = FakeHub.verify(request.get("hub.callback"),
				Map.of("hub.mode", "unsubscribe", "hub.topic", self("removed"), "hub.challenge", "adieu"));
		assertThat(verified.statusCode()).isEqualTo(200);
		assertThat(verified.body()).isEqualTo("adieu");
		assertThat(this.subscriptions.find("removed")).isEmpty();
	}

	@Test
	void unsubscribesWhenTheSourceIsDisabledAndSaysSo(CapturedOutput output) throws Exception {
		FakeHub hub = new FakeHub(server, "/hub/paused", this.port);
		Map<String, String> request = firstRequest("paused");
		assertThat(FakeHub.verifySubscription(request, "ok", 3600).statusCode()).isEqualTo(200);
		// Polled again while pushed: at its ceiling, and /api/sources says why.
		poll("paused");
		assertThat(sourceInApi("paused").get("intervalReason").asString()).isEqualTo("pushed");

		// The file as it stands (other tests edit it too), the source kept in it but disabled.
		FeedsYml yaml = FeedsYml.inZone("Europe/Paris").settings("poll:\n  interval: 10m\n  max-size: 64KB");
		this.feeds.get().feeds().forEach((source) -> yaml.source(source.id(), "Fil " + source.id(), self(source.id()),
				source.id().equals("paused") ? "enabled: false" : "enabled: true"));
		yaml.writeTo(TestService.feedsFile(dir));
		await().atMost(Duration.ofSeconds(30)).until(() -> hub.requests("unsubscribe").size() == 1);
		assertThat(hub.requests("unsubscribe").get(0).get("hub.callback")).isEqualTo(request.get("hub.callback"));
		// The log says which edit ended the push: the source is still in feeds.yml.
		assertThat(output).contains("WebSub unsubscribe source=paused url=" + hub("paused") + ": it was disabled");
		// Neither pushed nor polled any more: no interval in force, and the reason says so, in the API and on the page.
		JsonNode paused = sourceInApi("paused");
		assertThat(paused.get("intervalSeconds").isNull()).as(paused.toString()).isTrue();
		assertThat(paused.get("intervalReason").asString()).isEqualTo("disabled");
		assertThat(paused.get("nextPoll").isNull()).isTrue();
		Document page = Jsoup.parse(LocalHttp.get(this.port, "/sources", null).body());
		assertThat(page.getElementById("source-paused").selectFirst("[data-label=Intervalle]").text())
			.isEqualTo("— source désactivée");

		// Enabled again, the feed unchanged: its next poll reads the feed whole, finds its hub and subscribes again.
		FeedsYml enabled = FeedsYml.inZone("Europe/Paris").settings("poll:\n  interval: 10m\n  max-size: 64KB");
		this.feeds.get().feeds().forEach((source) -> enabled.source(source.id(), "Fil " + source.id(), self(source.id())));
		enabled.writeTo(TestService.feedsFile(dir));
		await().atMost(Duration.ofSeconds(30)).until(() -> this.feeds.get().source("paused").orElseThrow().enabled());
		// No longer pushed until its next poll subscribes again: its own interval is in force, and shown, at once.
		JsonNode enabledAgain = sourceInApi("paused");
		assertThat(enabledAgain.get("intervalReason").asString()).as(enabledAgain.toString()).isEqualTo("fixed");
		assertThat(enabledAgain.get("intervalSeconds").asLong()).isEqualTo(600);
		assertThat(poll("paused").outcome()).isEqualTo(PollOutcome.OK);
		await().atMost(Duration.ofSeconds(30)).until(() -> hub.requests("subscribe").size() == 2);
		assertThat(hub.requests("subscribe").get(1).get("hub.callback")).isNotEqualTo(request.get("hub.callback"));
	}

	/**
	 * Several sources pushed at once are each shown pushed, in the API and on the page, read in one go; one whose push
	 * ended since its last poll (denied) is shown at its own pace, though that poll said pushed.
	 */
	@Test
	void severalPushedSourcesAreEachShownPushedAndOneWhosePushEndedAtItsOwnPace() throws Exception {
		for (String id : List.of("duo-a", "duo-b", "duo-c")) {
			Map<String, String> request = firstRequest(id);
			assertThat(FakeHub.verifySubscription(request, "ok-" + id, 3600).statusCode()).isEqualTo(200);
			// Polled again while pushed: its last poll says pushed.
			poll(id);
			if (id.equals("duo-c")) {
				assertThat(FakeHub.verify(request.get("hub.callback"),
						Map.of("hub.mode", "denied", "hub.topic", self(id), "hub.reason", "fin")).statusCode())
					.isEqualTo(200);
			}
		}
		assertThat(this.pushedSources.pushedNow()).contains("duo-a", "duo-b").doesNotContain("duo-c");

		// H2 counts each statement's runs: the answer asks no subscription by its source, but reads them all once.
		this.jdbc.sql("SET QUERY_STATISTICS_MAX_ENTRIES 100000").update();
		this.jdbc.sql("SET QUERY_STATISTICS TRUE").update();
		long findsBefore = runs("SELECT * FROM websub_subscription WHERE source_id = ?");
		long readsBefore = runs("SELECT * FROM websub_subscription ORDER BY source_id");
		JsonNode all = JsonMapper.builder().build().readTree(LocalHttp.get(this.port, "/api/sources", null).body())
			.get("sources");
		assertThat(runs("SELECT * FROM websub_subscription WHERE source_id = ?")).isEqualTo(findsBefore);
		assertThat(runs("SELECT * FROM websub_subscription ORDER BY source_id")).isEqualTo(readsBefore + 1);
		this.jdbc.sql("SET QUERY_STATISTICS FALSE").update();
		Map<String, JsonNode> byId = new HashMap<>();
		all.forEach((source) -> byId.put(source.get("id").asString(), source));
		for (String id : List.of("duo-a", "duo-b")) {
			assertThat(byId.get(id).get("intervalReason").asString()).as(id).isEqualTo("pushed");
			assertThat(byId.get(id).get("intervalSeconds").asLong()).as(id).isEqualTo(Duration.ofHours(6).toSeconds());
		}
		assertThat(byId.get("duo-c").get("intervalReason").asString()).isEqualTo("fixed");
		assertThat(byId.get("duo-c").get("intervalSeconds").asLong()).isEqualTo(600);
		Document page = Jsoup.parse(LocalHttp.get(this.port, "/sources", null).body());
		for (String id : List.of("duo-a", "duo-b")) {
			assertThat(page.getElementById("source-" + id).selectFirst("[data-label=Intervalle]").text()).as(id)
				.isEqualTo("6 h poussé (WebSub)");
		}
		assertThat(page.getElementById("source-duo-c").selectFirst("[data-label=Intervalle]").text())
			.isEqualTo("10 min fixe");
	}

	/** How many times H2 ran the statement since its statistics were turned on. */
	private long runs(String statement) {
		return this.jdbc.sql("SELECT COALESCE(SUM(EXECUTION_COUNT), 0) FROM INFORMATION_SCHEMA.QUERY_STATISTICS "
				+ "WHERE SQL_STATEMENT = :statement").param("statement", statement).query(Long.class).single();
	}

	private JsonNode sourceInApi(String id) throws Exception {
		JsonNode sources = JsonMapper.builder().build()
			.readTree(LocalHttp.get(this.port, "/api/sources?source=" + id, null).body())
			.get("sources");
		assertThat(sources).hasSize(1);
		return sources.get(0);
	}

	@Test
	void aHubThatRefusesLeavesTheSourceToPolling() throws Exception {
		FakeHub hub = new FakeHub(server, "/hub/hub-down", this.port);
		PollReport report = poll("hub-down");
		await().atMost(Duration.ofSeconds(30))
			.until(() -> this.subscriptions.find("hub-down").map(WebSubSubscription::failures).orElse(0) == 1);
		WebSubSubscription failed = this.subscriptions.find("hub-down").orElseThrow();
		assertThat(failed.state()).isEqualTo(State.REQUESTING);
		assertThat(failed.lastError()).contains("503", "en maintenance");
		assertThat(failed.dueAt()).isAfter(CLOCK.instant());
		assertThat(failed.pushing(CLOCK.instant())).isFalse();
		assertThat(hub.requests("subscribe")).hasSize(1);

		// The poll stored its items and keeps the source's own interval; the next one does the same.
		assertThat(report.outcome()).isEqualTo(PollOutcome.OK);
		assertThat(report.inserted()).isEqualTo(1);
		assertThat(report.nextAttemptAt()).isBetween(CLOCK.instant().plus(Duration.ofMinutes(10)),
				CLOCK.instant().plus(Duration.ofMinutes(11)));
		server.stubFor(get("/feed/hub-down").willReturn(aResponse().withHeader("Content-Type", "application/atom+xml")
			.withBody(FakeHub.atom(hub("hub-down"), self("hub-down"), "Première dépêche de hub-down",
					"Le hub est en panne, le fil continue"))));
		assertThat(poll("hub-down").inserted()).isEqualTo(1);
		assertThat(LocalHttp.get(port, "/feed.atom", null).body()).contains("Le hub est en panne, le fil continue");
	}

	@Test
	void aDenialFromTheHubEndsThePushAndPollingTakesOverAtOnce() throws Exception {
		Map<String, String> request = firstRequest("denied");
		assertThat(FakeHub.verifySubscription(request, "oui", 3600).statusCode()).isEqualTo(200);
		assertThat(this.subscriptions.find("denied").orElseThrow().pushing(CLOCK.instant())).isTrue();
		assertThat(this.pushedSources.pushed("denied")).isTrue();
		Instant nextPoll = this.statuses.find("denied").orElseThrow().nextAttemptAt();
		assertThat(nextPoll).isAfter(CLOCK.instant());

		HttpResponse<String> denial = FakeHub.verify(request.get("hub.callback"),
				Map.of("hub.mode", "denied", "hub.topic", self("denied"), "hub.reason", "quota dépassé"));
		assertThat(denial.statusCode()).isEqualTo(200);
		WebSubSubscription denied = this.subscriptions.find("denied").orElseThrow();
		assertThat(denied.pushing(CLOCK.instant())).isFalse();
		assertThat(this.pushedSources.pushed("denied")).isFalse();
		assertThat(denied.lastError()).contains("quota dépassé");
		assertThat(this.statuses.find("denied").orElseThrow().nextAttemptAt()).isEqualTo(CLOCK.instant());

		// Polled, then denied again and again: nothing was pushed, so the source keeps its own pace.
		poll("denied");
		Instant ownPace = this.statuses.find("denied").orElseThrow().nextAttemptAt();
		assertThat(ownPace).isAfter(CLOCK.instant());
		for (int i = 0; i < 3; i++) {
			assertThat(FakeHub.verify(request.get("hub.callback"), Map.of("hub.mode", "denied", "hub.topic",
					self("denied"), "hub.reason", "encore non")).statusCode()).isEqualTo(200);
		}
		assertThat(this.statuses.find("denied").orElseThrow().nextAttemptAt()).isEqualTo(ownPace);
		assertThat(this.subscriptions.find("denied").orElseThrow().failures()).isEqualTo(4);
	}

	@Test
	void aHubThatSendsTheSamePushTwiceOrAnotherFormatOrNothingStoresEachItemOnce() throws Exception {
		Map<String, String> request = firstRequest("replayed");
		assertThat(FakeHub.verifySubscription(request, "ok", 3600).statusCode()).isEqualTo(200);
		String callback = request.get("hub.callback");
		String secret = request.get("hub.secret");

		// The same push twice, the second signed in capitals: one item.
		byte[] pushed = FakeHub.atom(hub("replayed"), self("replayed"), "Le barrage est rempli à 80 %")
			.getBytes(StandardCharsets.UTF_8);
		assertThat(FakeHub.deliver(callback, pushed, HmacSignature.of("sha256", pushed, secret)).statusCode())
			.isEqualTo(204);
		assertThat(FakeHub.deliver(callback, pushed, HmacSignature.of("sha256", pushed, secret).toUpperCase(Locale.ROOT))
			.statusCode()).isEqualTo(204);
		assertThat(this.statuses.itemCounts().get("replayed")).isEqualTo(2L);

		// A JSON Feed where an Atom feed was polled: read for what it is. An empty body: received, nothing stored.
		byte[] json = """
				{"version":"https://jsonfeed.org/version/1.1","title":"Fil","items":[{"id":"urn:fil:json",
				"url":"https://fil.example/json.html","title":"La pluie revient sur le Rif","date_published":"%s"}]}"""
			.formatted(CLOCK.instant().minusSeconds(60)).getBytes(StandardCharsets.UTF_8);
		assertThat(FakeHub.deliver(callback, json, HmacSignature.of("sha1", json, secret)).statusCode()).isEqualTo(204);
		byte[] empty = new byte[0];
		assertThat(FakeHub.deliver(callback, empty, HmacSignature.of("sha256", empty, secret)).statusCode())
			.isEqualTo(204);
		assertThat(this.statuses.itemCounts().get("replayed")).isEqualTo(3L);
		assertThat(LocalHttp.get(port, "/feed.atom", null).body()).contains("La pluie revient sur le Rif");

		// At a callback no one was given: gone, which tells a hub to drop it.
		assertThat(FakeHub.deliver("http://localhost:" + port + "/websub/" + "B".repeat(43), pushed,
				HmacSignature.of("sha256", pushed, secret)).statusCode()).isEqualTo(410);
		assertThat(FakeHub.deliver("http://localhost:" + port + "/websub/pas-un-identifiant", pushed,
				HmacSignature.of("sha256", pushed, secret)).statusCode()).isEqualTo(410);
	}

	@Test
	void aGzippedPushIsReadSignedAsSentOrAsInflatedAndHeldToMaxSizeOnceInflated() throws Exception {
		Map<String, String> request = firstRequest("gzipped");
		assertThat(FakeHub.verifySubscription(request, "ok", 3600).statusCode()).isEqualTo(200);
		String callback = request.get("hub.callback");
		String secret = request.get("hub.secret");

		// Signed over the bytes sent, as WebSub says, or over the feed before it was gzipped: both the hub's.
		byte[] asSent = gzip(FakeHub.atom(hub("gzipped"), self("gzipped"), "Le port de Tanger Med bat son record"));
		assertThat(FakeHub.deliver(callback, asSent, HmacSignature.of("sha256", asSent, secret)).statusCode())
			.isEqualTo(204);
		String plain = FakeHub.atom(hub("gzipped"), self("gzipped"), "La pluie revient sur le Rif");
		byte[] gzipped = gzip(plain);
		assertThat(FakeHub.deliver(callback, gzipped,
				HmacSignature.of("sha256", plain.getBytes(StandardCharsets.UTF_8), secret)).statusCode())
			.isEqualTo(204);
		assertThat(this.statuses.itemCounts().get("gzipped")).isEqualTo(3L);
		String atom = LocalHttp.get(port, "/feed.atom", null).body();
		assertThat(atom).contains("Le port de Tanger Med bat son record", "La pluie revient sur le Rif");

		// Small when sent, over max-size (64KB) once inflated: refused as a plain body of that size is.
		byte[] bomb = gzip(FakeHub.atom(hub("gzipped"), self("gzipped"), "Dépêche gonflée " + "x".repeat(200_000)));
		assertThat(bomb.length).isLessThan(64 * 1024);
		assertThat(FakeHub.deliver(callback, bomb, HmacSignature.of("sha256", bomb, secret)).statusCode())
			.isEqualTo(413);
		// Cut short: received, nothing stored.
		byte[] cut = Arrays.copyOf(asSent, asSent.length / 2);
		assertThat(FakeHub.deliver(callback, cut, HmacSignature.of("sha256", cut, secret)).statusCode()).isEqualTo(204);
		assertThat(this.statuses.itemCounts().get("gzipped")).isEqualTo(3L);
		assertThat(LocalHttp.get(port, "/feed.atom", null).body()).doesNotContain("gonflée");
	}

	private static byte[] gzip(String text) throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (GZIPOutputStream zip = new GZIPOutputStream(out)) {
			zip.write(text.getBytes(StandardCharsets.UTF_8));
		}
		return out.toByteArray();
	}

	@Test
	void aLeaseUnderAMinuteIsRefusedAndAskedAgainLaterWithoutPollingMeanwhile() throws Exception {
		FakeHub hub = new FakeHub(server, "/hub/brief", this.port);
		Map<String, String> request = firstRequest("brief");
		Instant nextPoll = this.statuses.find("brief").orElseThrow().nextAttemptAt();

		// A lease that would need renewing at every turn, and a poll at every lapse: not taken.
		assertThat(FakeHub.verifySubscription(request, "vite", 1).statusCode()).isEqualTo(404);
		WebSubSubscription refused = this.subscriptions.find("brief").orElseThrow();
		assertThat(refused.state()).isEqualTo(State.REQUESTING);
		assertThat(refused.pushing(CLOCK.instant())).isFalse();
		assertThat(refused.lastError()).contains("lease of 1 s");
		assertThat(refused.dueAt()).isEqualTo(CLOCK.instant().plus(Duration.ofMinutes(1)));

		// Half a minute on: neither asked again nor polled before its time.
		CLOCK.advance(Duration.ofSeconds(30));
		await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(10))
			.until(() -> hub.requests("subscribe").size() == 1);
		assertThat(this.statuses.find("brief").orElseThrow().nextAttemptAt()).isEqualTo(nextPoll);

		// A minute on: asked again, and a lease of two minutes is taken.
		CLOCK.advance(Duration.ofSeconds(31));
		await().atMost(Duration.ofSeconds(30)).until(() -> hub.requests("subscribe").size() == 2);
		assertThat(FakeHub.verifySubscription(hub.requests("subscribe").get(1), "mieux", 120).statusCode()).isEqualTo(200);
		assertThat(this.subscriptions.find("brief").orElseThrow().pushing(CLOCK.instant())).isTrue();
	}

	/** Polls the source, whose feed announces its hub, and waits for the subscription request that follows. */
	private Map<String, String> firstRequest(String id) {
		FakeHub hub = new FakeHub(server, "/hub/" + id, this.port);
		poll(id);
		await().atMost(Duration.ofSeconds(30)).until(() -> hub.requests("subscribe").size() == 1);
		return hub.requests("subscribe").get(0);
	}

	private PollReport poll(String id) {
		return this.ingestRun.run(this.feeds.get().source(id).orElseThrow());
	}

}
