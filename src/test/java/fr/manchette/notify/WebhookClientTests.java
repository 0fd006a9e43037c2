package fr.manchette.notify;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import fr.manchette.config.WebhookSettings.Webhook;
import fr.manchette.fetch.OutboundAddresses;
import fr.manchette.store.OutboxDelivery;
import fr.manchette.support.Sites;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.json.JsonMapper;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/** One POST's failures as {@code /api/webhooks} shows them in {@code lastError}. */
class WebhookClientTests {

	@RegisterExtension
	static WireMockExtension receiver = Sites.forEachTest();

	private final WebhookClient client = new WebhookClient(new OutboundAddresses(true), JsonMapper.builder().build(),
			"Manchette/test", Duration.ofSeconds(2));

	private final OutboxDelivery delivery = new OutboxDelivery(1, "hook", "0".repeat(64), "story.new", "Un titre",
			"https://actu.example/a.html", List.of("alpha"), Instant.parse("2026-12-06T06:00:00Z"), 0);

	@Test
	void aReceiverSlowerThanTheTimeoutTimesOut() {
		receiver.stubFor(post("/hook").willReturn(aResponse().withStatus(204).withFixedDelay(6000)));

		assertThat(this.client.send(hook("http://127.0.0.1:" + receiver.getPort() + "/hook"), this.delivery).describe())
			.isEqualTo("timed out after 2000 ms");
	}

	@Test
	void aReceiverThatTricklesItsAnswerTimesOut() {
		// The headers at once, then a body over 6 s: the timeout is for the whole POST, not for the first bytes.
		receiver.stubFor(post("/hook").willReturn(aResponse().withStatus(200).withBody("x".repeat(30))
			.withChunkedDribbleDelay(30, 6000)));

		assertThat(this.client.send(hook("http://127.0.0.1:" + receiver.getPort() + "/hook"), this.delivery).describe())
			.isEqualTo("timed out after 2000 ms");
	}

	@Test
	void aStatusIsShownWithItsNumber() {
		receiver.stubFor(post("/hook").willReturn(aResponse().withStatus(500)));

		assertThat(this.client.send(hook("http://127.0.0.1:" + receiver.getPort() + "/hook"), this.delivery).describe())
			.isEqualTo("HTTP 500");
	}

	@Test
	void aPostOverPlainHttpIsHttp11WithoutAskingForAnUpgrade() {
		// An Upgrade: h2c on a POST is what some receivers and proxies in front of them refuse or mishandle.
		receiver.stubFor(post("/hook").willReturn(aResponse().withStatus(204)));

		this.client.send(hook("http://127.0.0.1:" + receiver.getPort() + "/hook"), this.delivery);

		receiver.verify(postRequestedFor(urlEqualTo("/hook")).withoutHeader("Upgrade")
			.withoutHeader("HTTP2-Settings"));
	}

	@Test
	void aReceiverThatIsNotThereIsANetworkError() throws IOException {
		int port;
		try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			port = free.getLocalPort();
		}

		assertThat(this.client.send(hook("http://127.0.0.1:" + port + "/hook"), this.delivery).describe())
			.startsWith("network: ");
	}

	private static Webhook hook(String url) {
		return new Webhook(URI.create(url), "secret");
	}

}
