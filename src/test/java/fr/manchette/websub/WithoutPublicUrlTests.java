package fr.manchette.websub;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;

import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import fr.manchette.config.CurrentFeeds;
import fr.manchette.pipeline.IngestRun;
import fr.manchette.store.WebSubSubscriptions;
import fr.manchette.support.FeedsYml;
import fr.manchette.support.LocalHttp;
import fr.manchette.support.Sites;
import fr.manchette.support.TestService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Without {@code manchette.public-url}, WebSub is not there: no subscription, no callback, no hub in the feeds. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "manchette.polling.enabled=false")
class WithoutPublicUrlTests {

	@RegisterExtension
	static WireMockExtension source = Sites.forEachTest();

	@TempDir
	static Path dir;

	@Autowired
	private IngestRun ingestRun;

	@Autowired
	private CurrentFeeds feeds;

	@Autowired
	private WebSubSubscriptions subscriptions;

	@Autowired
	private ApplicationContext context;

	@LocalServerPort
	private int port;

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) throws IOException {
		TestService.use(registry, dir, FeedsYml.inZone("Europe/Paris")
			.source("fil", "Le Fil", "http://localhost:" + source.getPort() + "/feed"));
	}

	@Test
	void aFeedAnnouncingAHubIsOnlyPolled() throws Exception {
		String hub = "http://localhost:" + source.getPort() + "/hub";
		source.stubFor(WireMock.get("/feed").willReturn(aResponse().withHeader("Content-Type", "application/atom+xml")
			.withBody(FakeHub.atom(hub, "http://localhost:" + source.getPort() + "/feed", "Une dépêche"))));
		source.stubFor(WireMock.post("/hub").willReturn(aResponse().withStatus(202)));
		assertThat(this.ingestRun.run(this.feeds.get().source("fil").orElseThrow()).inserted()).isEqualTo(1);

		assertThat(this.context.getBeansOfType(Subscriber.class)).isEmpty();
		assertThat(this.context.getBeansOfType(HubPinger.class)).isEmpty();
		assertThat(this.subscriptions.findAll()).isEmpty();
		await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(10))
			.until(() -> source.findAll(postRequestedFor(urlEqualTo("/hub"))).isEmpty());
		assertThat(LocalHttp.get(this.port, "/websub/" + "A".repeat(43) + "?hub.mode=subscribe&hub.challenge=x",
				null).statusCode()).isEqualTo(404);
		assertThat(LocalHttp.get(this.port, "/feed.atom", null).body()).contains("Une dépêche")
			.doesNotContain("rel=\"hub\"");
	}

	@Test
	void aDeliveryToACallbackIsNotFound() throws Exception {
		HttpResponse<String> delivery = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/websub/" + "A".repeat(43)))
				.header("Content-Type", "application/atom+xml")
				.POST(HttpRequest.BodyPublishers.ofString("<feed xmlns=\"http://www.w3.org/2005/Atom\"/>"))
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(delivery.statusCode()).isEqualTo(404);
	}

}
