package fr.manchette.websub;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import fr.manchette.config.CurrentFeeds;
import fr.manchette.parse.FeedParser;
import fr.manchette.parse.ParsedFeed;
import fr.manchette.pipeline.IngestRun;
import fr.manchette.pipeline.PollReport;
import fr.manchette.store.PollOutcome;
import fr.manchette.support.FeedsYml;
import fr.manchette.support.FormFields;
import fr.manchette.support.LocalHttp;
import fr.manchette.support.Sites;
import fr.manchette.support.TestService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The WebSub publisher end to end: the merged feeds announce the hub and their public address, and the hub (WireMock)
 * is pinged for the three unfiltered feeds after a poll that stores a story, not after one that stores nothing, at
 * most once per ping interval, and again after a failure.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "manchette.polling.enabled=false", "manchette.websub.ping-interval=2s" })
class WebSubPublisherIntegrationTests {

	private static final WireMockServer server = Sites.server();

	@LocalServerPort
	private int port;

	@TempDir
	static Path dir;

	@Autowired
	private IngestRun ingestRun;

	@Autowired
	private CurrentFeeds feeds;

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) throws IOException {
		server.start();
		registry.add("manchette.public-url", () -> FakeHub.PUBLIC_URL);
		registry.add("manchette.websub.hub", () -> "http://localhost:" + server.port() + "/hub");
		TestService.use(registry, dir, FeedsYml.inZone("Europe/Paris")
			.source("fil", "Le Fil", "http://localhost:" + server.port() + "/feed", "category: politique"));
		server.stubFor(post("/hub").willReturn(aResponse().withStatus(204)));
	}

	@AfterAll
	static void stop() {
		server.stop();
	}

	@Test
	void theUnfilteredFeedsAnnounceTheHubAndTheirPublicAddress() throws Exception {
		String hub = "http://localhost:" + server.port() + "/hub";
		// Read back as a subscriber reads them, by the service's own parser: Atom links, RSS atom:link, JSON Feed hubs.
		for (String feed : List.of("feed.atom", "feed.rss", "feed.json")) {
			ParsedFeed parsed = read("/" + feed);
			assertThat(parsed.hubs()).as(feed).containsExactly(hub);
			assertThat(parsed.self()).as(feed).isEqualTo(url(feed));
		}
		// A filtered feed is not what the hub is told about: no hub, and its own address as self.
		ParsedFeed filtered = read("/feed.atom?category=politique");
		assertThat(filtered.hubs()).isEmpty();
		assertThat(filtered.self()).isEqualTo("http://localhost:" + this.port + "/feed.atom?category=politique");
	}

	private ParsedFeed read(String path) throws Exception {
		HttpResponse<String> response = LocalHttp.get(this.port, path, null);
		return new FeedParser().parse(response.body().getBytes(StandardCharsets.UTF_8),
				response.headers().firstValue("Content-Type").orElse(null));
	}

	@Test
	void pingsTheHubAfterANewStoryNotAfterA304AtMostOncePerIntervalAndAgainAfterAFailure() throws Exception {
		String first = FakeHub.atom(null, null, "Le gouvernement présente son budget");
		server.stubFor(get("/feed").willReturn(aResponse().withHeader("ETag", "\"v1\"").withBody(first)));
		server.stubFor(get("/feed").withHeader("If-None-Match", equalTo("\"v1\""))
			.willReturn(aResponse().withStatus(304)));
		assertThat(poll().inserted()).isEqualTo(1);
		await().atMost(Duration.ofSeconds(30)).until(() -> pings().size() == 3);
		assertThat(pings()).extracting((form) -> form.get("hub.mode")).containsOnly("publish");
		assertThat(pings()).extracting((form) -> form.get("hub.url"))
			.containsExactlyInAnyOrder(url("feed.atom"), url("feed.rss"), url("feed.json"));

		// A 304 stores nothing: no ping, now or later.
		assertThat(poll().outcome()).isEqualTo(PollOutcome.NOT_MODIFIED);
		await().during(Duration.ofMillis(2500)).atMost(Duration.ofSeconds(10)).until(() -> pings().size() == 3);

		// Two new stories in quick succession: one ping each time the interval allows, the second one after it.
		serve("\"v2\"", "Le gouvernement présente son budget", "La réforme des retraites au Sénat");
		// The second round starts after this (the interval is over), and the third reaches the hub at least 2 s after
		// that start. Measured from the hub's log of the second round, the gap would fall short of 2 s by however late
		// that request reached the hub (a loaded machine).
		long beforeSecond = System.currentTimeMillis();
		assertThat(poll().inserted()).isEqualTo(1);
		await().atMost(Duration.ofSeconds(30)).until(() -> pings().size() == 6);
		serve("\"v3\"", "Le gouvernement présente son budget", "La réforme des retraites au Sénat",
				"Grève dans les transports jeudi");
		assertThat(poll().inserted()).isEqualTo(1);
		await().atMost(Duration.ofSeconds(30)).until(() -> pings().size() == 9);
		List<LoggedRequest> requests = requests();
		assertThat(requests.get(6).getLoggedDate().getTime() - beforeSecond).isGreaterThanOrEqualTo(1900);

		// The hub fails once: the ping is tried again.
		server.stubFor(post("/hub").inScenario("panne").whenScenarioStateIs(Scenario.STARTED)
			.willReturn(aResponse().withStatus(503))
			.willSetStateTo("réparé"));
		server.stubFor(post("/hub").inScenario("panne").whenScenarioStateIs("réparé")
			.willReturn(aResponse().withStatus(204)));
		serve("\"v4\"", "Le gouvernement présente son budget", "La réforme des retraites au Sénat",
				"Grève dans les transports jeudi", "Le Conseil constitutionnel saisi");
		assertThat(poll().inserted()).isEqualTo(1);
		// The first round (one refused, two taken), then the retry of all three after the backoff.
		await().atMost(Duration.ofSeconds(30)).until(() -> pings().size() == 15);
	}

	private void serve(String etag, String... titles) {
		server.stubFor(get("/feed").willReturn(aResponse().withHeader("ETag", etag).withBody(FakeHub.atom(null, null, titles))));
		server.stubFor(get("/feed").withHeader("If-None-Match", equalTo(etag)).willReturn(aResponse().withStatus(304)));
	}

	private PollReport poll() {
		return this.ingestRun.run(this.feeds.get().source("fil").orElseThrow());
	}

	/** The public address of a feed, which the hub is told of. */
	private static String url(String feed) {
		return FakeHub.PUBLIC_URL + feed;
	}

	private static List<LoggedRequest> requests() {
		return server.findAll(postRequestedFor(urlEqualTo("/hub")))
			.stream()
			.sorted(Comparator.comparing(LoggedRequest::getLoggedDate))
			.toList();
	}

	private static List<Map<String, String>> pings() {
		return requests().stream().map((request) -> FormFields.of(request.getBodyAsString())).toList();
	}

}
