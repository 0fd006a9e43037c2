package fr.manchette.notify;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import fr.manchette.ManchetteApplication;
import fr.manchette.config.WebhookSettings;
import fr.manchette.store.OutboxEvent;
import fr.manchette.store.WebhookOutbox;
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
 * The webhook sender stopped with the service, on an H2 file: a delivery being recorded when the stop comes is
 * recorded (an interrupt there would close H2's file, and the store with it), and one waiting for a slow receiver is
 * cut short and given back untouched, for the next start. What a killed run had claimed is sent at the next start.
 */
class WebhookStopTests {

	@RegisterExtension
	static WireMockExtension receiver = Sites.forEachTest();

	/** The claim of a run killed mid-send: its instance (host, process, key, as LeaseOwner makes them) and number. */
	private static final String KILLED_CLAIM = "manchette-host/4242/5eed0badc0de0042#7";

	@TempDir
	Path dir;

	@Test
	void aStopLetsADeliveryBeingRecordedEndUninterrupted() throws Exception {
		receiver.stubFor(post("/hook").willReturn(aResponse().withStatus(204)));
		try (ConfigurableApplicationContext service = start("10s")) {
			JdbcClient jdbc = service.getBean(JdbcClient.class);
			// The sender has its answer and records it: held in its update of the hook's status.
			HeldUpdate.of(jdbc, "webhook_status");
			enqueue(service);
			assertThat(HeldUpdate.awaitHeld()).isTrue();

			HeldUpdate.stopWhileHeld(service.getBean(WebhookSender.class)::destroy);

			assertThat(HeldUpdate.interrupted()).isFalse();
			assertThat(jdbc.sql("SELECT COUNT(*) FROM webhook_outbox WHERE delivered_at IS NOT NULL")
				.query(Long.class)
				.single()).isEqualTo(1L);
			assertThat(jdbc.sql("SELECT COUNT(*) FROM webhook_status WHERE last_success_at IS NOT NULL")
				.query(Long.class)
				.single()).isEqualTo(1L);
		}
	}

	@Test
	void aStopCutsAPostWaitingForItsReceiverShortAndGivesTheDeliveryBack() throws Exception {
		// The receiver holds its answer for a minute, and the sender would wait two.
		receiver.stubFor(post("/hook").willReturn(aResponse().withStatus(204).withFixedDelay(60_000)));
		try (ConfigurableApplicationContext service = start("2m")) {
			JdbcClient jdbc = service.getBean(JdbcClient.class);
			enqueue(service);
			await().atMost(Duration.ofSeconds(30))
				.until(() -> !receiver.findAll(postRequestedFor(urlEqualTo("/hook"))).isEmpty());

			service.getBean(WebhookSender.class).destroy();

			// Given back by the sender's thread once out of its wait, before the stop returned: no attempt counted.
			Map<String, Object> delivery = jdbc.sql("SELECT lease_owner, attempts, last_error, delivered_at FROM webhook_outbox")
				.query()
				.singleRow();
			assertThat(delivery).containsEntry("lease_owner", null)
				.containsEntry("attempts", 0)
				.containsEntry("last_error", null)
				.containsEntry("delivered_at", null);
		}
	}

	/**
	 * A {@code kill -9} leaves the leases of the deliveries it had claimed: here the state it leaves, written into the
	 * file of a run that is then stopped (a JVM cannot kill itself and go on testing), whose sender never ticks. The
	 * next start on the file gives them back and sends them at once, not when the lease runs out.
	 */
	@Test
	void aStartSendsAtOnceTheDeliveriesAKilledRunHadClaimed() throws Exception {
		receiver.stubFor(post("/hook").willReturn(aResponse().withStatus(204)));
		try (ConfigurableApplicationContext killed = start("10s", "1h")) {
			enqueue(killed);
			killed.getBean(JdbcClient.class)
				.sql("UPDATE webhook_outbox SET lease_owner = :owner, lease_until = :until")
				.param("owner", KILLED_CLAIM)
				.param("until", Instant.now().plus(Duration.ofMinutes(10)).atOffset(ZoneOffset.UTC))
				.update();
		}
		assertThat(receiver.findAll(postRequestedFor(urlEqualTo("/hook")))).isEmpty();

		try (ConfigurableApplicationContext restarted = start("10s", "100ms")) {
			JdbcClient jdbc = restarted.getBean(JdbcClient.class);
			await().atMost(Duration.ofSeconds(30))
				.until(() -> jdbc.sql("SELECT COUNT(*) FROM webhook_outbox WHERE delivered_at IS NOT NULL")
					.query(Long.class)
					.single() == 1L);
			assertThat(receiver.findAll(postRequestedFor(urlEqualTo("/hook")))).hasSize(1);
		}
	}

	private static void enqueue(ConfigurableApplicationContext service) {
		Instant now = Instant.now();
		String hook = service.getBean(WebhookSettings.class).ids().get(0);
		service.getBean(WebhookOutbox.class)
			.enqueue(List.of(new OutboxEvent(hook, "story-1", "story.new", "Séisme au large d’Agadir",
					"https://actu.example/quake.html", List.of("alpha"), now)), now);
	}

	private ConfigurableApplicationContext start(String timeout) throws Exception {
		return start(timeout, "100ms");
	}

	private ConfigurableApplicationContext start(String timeout, String tick) throws Exception {
		Path feeds = FeedsYml.withDefaults()
			.source("alpha", "Alpha", "http://127.0.0.1:9/feed")
			.writeTo(this.dir.resolve("feeds.yml"));
		return new SpringApplicationBuilder(ManchetteApplication.class).run("--server.port=0",
				"--manchette.feeds=" + feeds, "--manchette.polling.enabled=false",
				"--spring.datasource.url=" + H2Files.url(this.dir), "--manchette.fetch.allow-internal-redirects=true",
				"--manchette.webhooks[0].url=http://127.0.0.1:" + receiver.getPort() + "/hook",
				"--manchette.webhooks[0].secret=s3cret", "--manchette.webhook-delivery.tick=" + tick,
				"--manchette.webhook-delivery.timeout=" + timeout);
	}

}
