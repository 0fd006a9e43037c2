package fr.manchette.websub;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
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
		Path feeds = sourceWithHub();
		String hubUrl = url("/hub");
		String self = url("/feed");
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

	/**
	 * A push the store cannot take (here a table locked past the lock timeout, as the database away would fail it) is
	 * answered 503 with a {@code Retry-After}, not the 204 of content taken: the hub sends it again (section 7), and
	 * then it is stored, rather than left to the next poll.
	 */
	@Test
	void aPushTheStoreCannotTakeIsAnswered503SoThatTheHubSendsItAgain() throws Exception {
		String database = LocalPostgres.get().newDatabase("websub_push_not_stored");
		Path feeds = sourceWithHub();
		FakeHub hub = new FakeHub(this.server, "/hub");
		try (ConfigurableApplicationContext instance = start(feeds, database,
				"--spring.datasource.hikari.data-source-properties.options=-c lock_timeout=1000")) {
			poll(instance);
			await().atMost(Duration.ofSeconds(30)).until(() -> hub.requests("subscribe").size() == 1);
			Map<String, String> request = hub.requests("subscribe").get(0);
			String callback = at(instance, URI.create(request.get("hub.callback")));
			FakeHub.verifySubscription(Map.of("hub.callback", callback, "hub.topic", request.get("hub.topic")), "ok",
					3600);
			byte[] pushed = FakeHub.atom(url("/hub"), url("/feed"), "Poussée pendant le verrou")
				.getBytes(StandardCharsets.UTF_8);
			String signature = HmacSignature.of("sha256", pushed, request.get("hub.secret"));

			HttpResponse<String> refused;
			try (Connection locker = DriverManager.getConnection(database)) {
				locker.setAutoCommit(false);
				locker.createStatement().execute("LOCK TABLE item IN ACCESS EXCLUSIVE MODE");
				refused = FakeHub.deliver(callback, pushed, signature);
				locker.rollback();
			}
			assertThat(refused.statusCode()).isEqualTo(503);
			assertThat(refused.headers().firstValue("Retry-After")).contains("30");
			assertThat(LocalHttp.get(port(instance), "/feed.atom", null).body()).doesNotContain("Poussée pendant");

			// The hub sends it again.
			assertThat(FakeHub.deliver(callback, pushed, signature).statusCode()).isEqualTo(204);
			assertThat(LocalHttp.get(port(instance), "/feed.atom", null).body()).contains("Poussée pendant le verrou");
			// A body that cannot be read is still taken as delivered: sending it again would not mend it.
			byte[] broken = "<feed".getBytes(StandardCharsets.UTF_8);
			assertThat(FakeHub.deliver(callback, broken, HmacSignature.of("sha256", broken, request.get("hub.secret")))
				.statusCode()).isEqualTo(204);
		}
	}

	/** The source {@code fil}, whose feed announces the hub at {@code /hub}, which accepts every request: feeds.yml. */
	private Path sourceWithHub() throws IOException {
		this.server.start();
		this.server.stubFor(post("/hub").willReturn(aResponse().withStatus(202)));
		this.server.stubFor(get("/feed").willReturn(aResponse().withHeader("Content-Type", "application/atom+xml")
			.withBody(FakeHub.atom(url("/hub"), url("/feed"), "Première dépêche"))));
		return FeedsYml.inZone("Europe/Paris").source("fil", "Le Fil", url("/feed")).writeTo(this.dir.resolve("feeds.yml"));
	}

	private String url(String path) {
		return "http://localhost:" + this.server.port() + path;
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

	private static ConfigurableApplicationContext start(Path feeds, String database, String... more)
			throws IOException {
		List<String> arguments = new ArrayList<>(List.of("--server.port=0", "--manchette.feeds=" + feeds,
				"--manchette.polling.enabled=false", "--manchette.reload-interval=1h",
				"--manchette.public-url=http://manchette.example/", "--manchette.websub.tick=100ms",
				"--spring.datasource.url=" + database, "--logging.level.fr.manchette=WARN"));
		arguments.addAll(List.of(more));
		return new SpringApplicationBuilder(ManchetteApplication.class).run(arguments.toArray(String[]::new));
	}

}
