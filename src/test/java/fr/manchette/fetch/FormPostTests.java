package fr.manchette.fetch;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import com.github.tomakehurst.wiremock.junit5.WireMockTest;
import fr.manchette.fetch.FormPost.Outcome;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.stubFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.verify;
import static org.assertj.core.api.Assertions.assertThat;

/** Form posts to a WebSub hub, over real HTTP to WireMock on loopback. */
@WireMockTest
class FormPostTests {

	private final FormPost post = new FormPost("Manchette/test", new AddressPolicy(false));

	private String base;

	@BeforeEach
	void base(WireMockRuntimeInfo wiremock) {
		this.base = wiremock.getHttpBaseUrl();
	}

	@Test
	void postSendsTheFormInUtf8AndReportsTheStatus() {
		stubFor(post("/hub").willReturn(aResponse().withStatus(202)));

		Outcome outcome = this.post.post(null, url("/hub"), form(), Duration.ofSeconds(5));

		assertThat(outcome).isEqualTo(new Outcome(202, ""));
		assertThat(outcome.succeeded()).isTrue();
		verify(postRequestedFor(urlEqualTo("/hub"))
			.withHeader("Content-Type", equalTo("application/x-www-form-urlencoded; charset=UTF-8"))
			.withHeader("User-Agent", equalTo("Manchette/test"))
			.withRequestBody(equalTo("hub.mode=subscribe&hub.topic=https%3A%2F%2Fexample.org%2Ffil%3Fa%3D1%26b%3D%C3%A9")));
	}

	@Test
	void postKeepsTheStartOfARefusalToExplainIt() {
		stubFor(post("/hub").willReturn(aResponse().withStatus(400).withBody("  topic inconnu " + "x".repeat(1000))));

		Outcome outcome = this.post.post(null, url("/hub"), form(), Duration.ofSeconds(5));

		assertThat(outcome.status()).isEqualTo(400);
		assertThat(outcome.detail()).startsWith("topic inconnu x").hasSize(300);
	}

	@Test
	void postFollowsA307WithTheSameForm() {
		stubFor(post("/hub").willReturn(aResponse().withStatus(307).withHeader("Location", "/hub2")));
		stubFor(post("/hub2").willReturn(aResponse().withStatus(204)));

		Outcome outcome = this.post.post(null, url("/hub"), form(), Duration.ofSeconds(5));

		assertThat(outcome.status()).isEqualTo(204);
		verify(postRequestedFor(urlEqualTo("/hub2")).withRequestBody(equalTo(
				"hub.mode=subscribe&hub.topic=https%3A%2F%2Fexample.org%2Ffil%3Fa%3D1%26b%3D%C3%A9")));
	}

	@Test
	void postGivesUpAfterThreeRedirects() {
		for (int hop = 0; hop < 4; hop++) {
			stubFor(post("/h" + hop).willReturn(aResponse().withStatus(308).withHeader("Location", "/h" + (hop + 1))));
		}

		assertThat(this.post.post(null, url("/h0"), form(), Duration.ofSeconds(5)))
			.isEqualTo(new Outcome(0, "more than 3 redirects"));
	}

	@Test
	void postWhenTheHubIsSlowTimesOut() {
		stubFor(post("/hub").willReturn(aResponse().withStatus(202).withFixedDelay(3_000)));

		assertThat(this.post.post(null, url("/hub"), form(), Duration.ofMillis(500)))
			.isEqualTo(new Outcome(0, "timed out after PT0.5S"));
	}

	@Test
	void postWhenTheAnswerBreaksIsSentOnlyOnce() {
		// A hub may act on a post whose answer was lost: the form is not sent again behind the caller's back.
		stubFor(post("/hub").willReturn(aResponse().withFault(Fault.EMPTY_RESPONSE)));

		Outcome outcome = this.post.post(null, url("/hub"), form(), Duration.ofSeconds(5));

		assertThat(outcome.status()).isZero();
		assertThat(outcome.detail()).startsWith("network: ");
		verify(1, postRequestedFor(urlEqualTo("/hub")));
	}

	@Test
	void postWhenNothingListensIsANetworkFailure() throws IOException {
		int port;
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			port = socket.getLocalPort();
		}

		Outcome outcome = this.post.post(null, URI.create("http://127.0.0.1:" + port + "/hub"), form(),
				Duration.ofSeconds(5));

		assertThat(outcome.status()).isZero();
		assertThat(outcome.detail()).startsWith("network: ConnectException");
	}

	@Test
	void postRefusesAHubThatAPublicFeedPointsAtTheOperatorsNetwork() {
		AddressPolicy policy = new AddressPolicy(false, (host) -> new InetAddress[] {
				AddressPolicyTests.literal(host.equals("example.org") ? "93.184.216.34" : host) });
		FormPost strict = new FormPost("Manchette/test", policy);

		Outcome outcome = strict.post(URI.create("https://example.org/fil"), url("/hub").resolve("//127.0.0.1:1/hub"),
				form(), Duration.ofSeconds(5));

		assertThat(outcome.status()).isZero();
		assertThat(outcome.detail()).isEqualTo("hub to internal address 127.0.0.1 (127.0.0.1) refused");
	}

	private URI url(String path) {
		return URI.create(this.base + path);
	}

	private static Map<String, String> form() {
		Map<String, String> form = new LinkedHashMap<>();
		form.put("hub.mode", "subscribe");
		form.put("hub.topic", "https://example.org/fil?a=1&b=é");
		return form;
	}

}
