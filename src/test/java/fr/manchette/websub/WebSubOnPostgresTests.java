package fr.manchette.websub;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import com.github.tomakehurst.wiremock.WireMockServer;
import fr.manchette.ManchetteApplication;
import fr.manchette.config.CurrentFeeds;
import fr.manchette.pipeline.IngestRun;
import fr.manchette.store.WebSubSubscription.State;
import fr.manchette.store.WebSubSubscriptions;
import fr.manchette.support.FeedsYml;
import fr.manchette.support.HmacSignature;
import fr.manchette.support.LocalHttp;
import fr.manchette.support.LocalPostgres;
import fr.manchette.support.Sites;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two instances on one PostgreSQL behind one public address: both poll a source that announces a hub, and the hub
 * gets one subscription request; whichever instance the hub reaches answers its verification, and either takes its
 * deliveries, which both then publish.
 */
class WebSubOnPostgresTests {

	private final WireMockServer server = Sites.server();

	@TempDir
	Path dir;

	@AfterEach
	void stop() {
		this.server.stop();
	}

	@Test
	void twoInstancesShareOneSubscriptionAndEitherTakesTheDeliveries() throws Exception {
		String database = LocalPostgres.get().newDatabase("websub_instances");
		this.server.start();
		String hubUrl = "http://localhost:" + this.server.port() + "/hub";
		String self = "http://localhost:" + this.server.port() + "/feed";
		this.server.stubFor(post("/hub").willReturn(aResponse().withStatus(202)));
		this.server.stubFor(get("/feed").willReturn(aResponse().withHeader("Content-Type", "application/atom+xml")
			.withBody(FakeHub.atom(hubUrl, self, "Première dépêche"))));
		Path feeds = FeedsYml.inZone("Europe/Paris")
			.source("fil", "Le Fil", self)
			.writeTo(this.dir.resolve("feeds.yml"));
		FakeHub hub = new FakeHub(this.server, "/hub");
		try (ConfigurableApplicationContext a = start(feeds, database);
				ConfigurableApplicationContext b = start(feeds, database)) {
			poll(a);
			poll(b);
			await().atMost(Duration.ofSeconds(30)).until(() -> hub.requests("subscribe").size() == 1);
			// However many polls and turns of both workers: one subscription, one request.
			poll(a);
			poll(b);
			await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(10))
				.until(() -> hub.requests("subscribe").size() == 1);
			Map<String, String> request = hub.requests("subscribe").get(0);
			URI callback = URI.create(request.get("hub.callback"));
			assertThat(callback.getHost()).isEqualTo("manchette.example");

			// The load balancer sends the verification to b and the deliveries to either.
			assertThat(FakeHub.verifySubscription(Map.of("hub.callback", at(b, callback), "hub.topic",
					request.get("hub.topic")), "partagé", 3600).body()).isEqualTo("partagé");
			assertThat(a.getBean(WebSubSubscriptions.class).find("fil").orElseThrow().state()).isEqualTo(State.ACTIVE);
			String secret = request.get("hub.secret");
			byte[] toA = FakeHub.atom(hubUrl, self, "Livrée à la première instance").getBytes(StandardCharsets.UTF_8);
			byte[] toB = FakeHub.atom(hubUrl, self, "Livrée à la seconde instance").getBytes(StandardCharsets.UTF_8);
			assertThat(FakeHub.deliver(at(a, callback), toA, HmacSignature.of("sha256", toA, secret)).statusCode())
				.isEqualTo(204);
			assertThat(FakeHub.deliver(at(b, callback), toB, HmacSignature.of("sha1", toB, secret)).statusCode())
				.isEqualTo(204);
			// Stored before the hub had its answers.
			for (ConfigurableApplicationContext instance : new ConfigurableApplicationContext[] { a, b }) {
				assertThat(LocalHttp.get(port(instance), "/feed.atom", null).body())
					.contains("Livrée à la première instance", "Livrée à la seconde instance");
			}
		}
	}

	private static void poll(ConfigurableApplicationContext instance) {
		instance.getBean(IngestRun.class).run(instance.getBean(CurrentFeeds.class).get().source("fil").orElseThrow());
	}

	/** The callback's path on one instance, as a load balancer in front of both would route it. */
	private static String at(ConfigurableApplicationContext instance, URI callback) {
		return "http://localhost:" + port(instance) + callback.getRawPath();
	}

	private static int port(ConfigurableApplicationContext instance) {
		return Integer.parseInt(instance.getEnvironment().getProperty("local.server.port"));
	}

	private static ConfigurableApplicationContext start(Path feeds, String database) throws IOException {
		return new SpringApplicationBuilder(ManchetteApplication.class).run("--server.port=0",
				"--manchette.feeds=" + feeds, "--manchette.polling.enabled=false", "--manchette.reload-interval=1h",
				"--manchette.public-url=http://manchette.example/", "--manchette.websub.tick=100ms",
				"--spring.datasource.url=" + database, "--logging.level.fr.manchette=WARN");
	}

}
