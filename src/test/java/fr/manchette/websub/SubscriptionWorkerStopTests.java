package fr.manchette.websub;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import fr.manchette.ManchetteApplication;
import fr.manchette.store.WebSubSubscription;
import fr.manchette.store.WebSubSubscriptions;
import fr.manchette.support.FeedsYml;
import fr.manchette.support.H2Files;
import fr.manchette.support.HeldUpdate;
import fr.manchette.support.Sites;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The WebSub subscriber's worker stopped with the service, on an H2 file: a subscription being written when the stop
 * comes is written (an interrupt there would close H2's file, and the store with it) and its request is not sent
 * after the stop; a request waiting for a slow hub is cut short, and nothing is written after it.
 */
class SubscriptionWorkerStopTests {

	@RegisterExtension
	static WireMockExtension hub = Sites.forEachTest();

	@TempDir
	Path dir;

	@Test
	void aStopLetsASubscriptionBeingWrittenEndAndSendsNothingAfter() throws Exception {
		hub.stubFor(post("/hub").willReturn(aResponse().withStatus(202)));
		try (ConfigurableApplicationContext service = start()) {
			JdbcClient jdbc = service.getBean(JdbcClient.class);
			// The worker marks the request sent before it sends it: held in that update.
			HeldUpdate.of(jdbc, "websub_subscription");
			subscribe(service);
			assertThat(HeldUpdate.awaitHeld()).isTrue();

			HeldUpdate.stopWhileHeld(service.getBean(SubscriptionWorker.class)::destroy);

			assertThat(HeldUpdate.interrupted()).isFalse();
			assertThat(state(jdbc)).containsEntry("state", "PENDING").containsEntry("last_error", null);
			assertThat(hub.findAll(postRequestedFor(urlEqualTo("/hub")))).isEmpty();
		}
	}

	@Test
	void aStopCutsARequestWaitingForItsHubShortAndWritesNothingAfter() throws Exception {
		// The hub trickles its answer over a minute.
		hub.stubFor(post("/hub").willReturn(aResponse().withStatus(202)
			.withBody("x".repeat(600))
			.withChunkedDribbleDelay(600, 60_000)));
		// Other tests' services have workers too: this one's is the new one.
		Set<Thread> others = workers();
		try (ConfigurableApplicationContext service = start()) {
			JdbcClient jdbc = service.getBean(JdbcClient.class);
			subscribe(service);
			await().atMost(Duration.ofSeconds(30))
				.until(() -> !hub.findAll(postRequestedFor(urlEqualTo("/hub"))).isEmpty());
			Set<Thread> ours = workers();
			ours.removeAll(others);
			assertThat(ours).hasSize(1);
			Thread worker = ours.iterator().next();

			service.getBean(SubscriptionWorker.class).destroy();
			worker.join(30_000);

			assertThat(worker.isAlive()).isFalse();
			// As the stop found it: sent, awaiting the hub's verification; no failure counted.
			assertThat(state(jdbc)).containsEntry("state", "PENDING")
				.containsEntry("last_error", null)
				.containsEntry("failures", 0);
		}
	}

	private static void subscribe(ConfigurableApplicationContext service) {
		String site = "http://127.0.0.1:" + hub.getPort();
		service.getBean(WebSubSubscriptions.class)
			.create(WebSubSubscription.requested("alpha", "callback-1", site + "/hub", site + "/feed", "s3cret",
					Instant.now()));
		service.getBean(SubscriptionWorker.class).nudge();
	}

	private static Map<String, Object> state(JdbcClient jdbc) {
		return jdbc.sql("SELECT state, last_error, failures FROM websub_subscription").query().singleRow();
	}

	/** The WebSub subscribers' threads of every service running. */
	private static Set<Thread> workers() {
		return Thread.getAllStackTraces()
			.keySet()
			.stream()
			.filter((thread) -> thread.getName().startsWith("websub-subscriber"))
			.collect(Collectors.toCollection(HashSet::new));
	}

	private ConfigurableApplicationContext start() throws Exception {
		Path feeds = FeedsYml.withDefaults()
			.source("alpha", "Alpha", "http://127.0.0.1:" + hub.getPort() + "/feed")
			.writeTo(this.dir.resolve("feeds.yml"));
		return new SpringApplicationBuilder(ManchetteApplication.class).run("--server.port=0",
				"--manchette.feeds=" + feeds, "--manchette.polling.enabled=false",
				"--spring.datasource.url=" + H2Files.url(this.dir), "--manchette.public-url=http://localhost:9/",
				"--manchette.websub.tick=100ms");
	}

}
