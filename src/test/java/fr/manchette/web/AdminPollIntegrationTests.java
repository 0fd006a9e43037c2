package fr.manchette.web;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import fr.manchette.store.PollOutcome;
import fr.manchette.store.SourceStatus;
import fr.manchette.store.SourceStatusRepository;
import fr.manchette.support.FeedsYml;
import fr.manchette.support.Sites;
import fr.manchette.support.TestService;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@code POST /admin/sources/{id}/poll} on a service that polls on its schedule: a source polled an hour from now is
 * polled at once, by the scheduler; what cannot be polled says why.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "manchette.polling.start-jitter=0s", "manchette.admin.token=" + AdminPollIntegrationTests.TOKEN })
class AdminPollIntegrationTests {

	static final String TOKEN = "5e0c8d1f2a3b4c5d6e7f8091a2b3c4d5";

	private static final HttpClient CLIENT = HttpClient.newHttpClient();

	@RegisterExtension
	static WireMockExtension sites = Sites.forTheClass();

	@TempDir
	static Path dir;

	@LocalServerPort
	private int port;

	@Autowired
	private SourceStatusRepository statuses;

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) throws IOException {
		String site = "http://localhost:" + sites.getPort();
		TestService.use(registry, dir, FeedsYml.inZone("Africa/Casablanca").settings("""
				poll:
				  interval: 1h""")
			.source("quotidien", "Le Quotidien", site + "/quotidien/rss")
			.source("disparu", site + "/disparu/rss")
			.source("eteint", "Éteint", site + "/eteint/rss", "enabled: false"));
	}

	@BeforeAll
	static void serve() {
		sites.stubFor(get("/quotidien/rss")
			.willReturn(aResponse().withBody(NewsFeed.quotidien(java.time.Instant.now()).rss())));
		sites.stubFor(get("/disparu/rss").willReturn(aResponse().withStatus(410)));
	}

	@Test
	void aSourceIsPolledAtOnceAndWhatCannotBePolledSaysWhy() throws Exception {
		// The first polls, at the start, and their outcomes (recorded after the sites answered: disparu's tells the
		// 409 below); the next in an hour.
		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
			sites.verify(1, getRequestedFor(urlEqualTo("/quotidien/rss")));
			sites.verify(1, getRequestedFor(urlEqualTo("/disparu/rss")));
			assertThat(this.statuses.find("quotidien").map(SourceStatus::lastOutcome)).hasValue(PollOutcome.OK);
			assertThat(this.statuses.find("disparu").map(SourceStatus::lastOutcome)).hasValue(PollOutcome.GONE);
		});

		// A refused request changes nothing: the scheduler polls a source when the store says it is due, which an
		// accepted one says before it answers; the store says the same after, and no fetch followed.
		Map<String, SourceStatus> before = statuses("quotidien");
		assertThat(post("quotidien", null).statusCode()).isEqualTo(401);
		assertThat(post("quotidien", "Bearer " + TOKEN.substring(2)).statusCode()).isEqualTo(401);
		assertThat(statuses("quotidien")).isEqualTo(before);
		sites.verify(1, getRequestedFor(urlEqualTo("/quotidien/rss")));

		HttpResponse<String> accepted = post("quotidien", "Bearer " + TOKEN);
		assertThat(accepted.statusCode()).isEqualTo(202);
		// To the second, as every date of the service's JSON: not the clock's nanoseconds.
		assertThat(accepted.body())
			.matches("\\{\"source\":\"quotidien\",\"pollBy\":\"\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ\"}");
		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> sites.verify(2, getRequestedFor(urlEqualTo("/quotidien/rss"))));

		before = statuses("disparu", "eteint");
		HttpResponse<String> unknown = post("inconnu", "Bearer " + TOKEN);
		assertThat(unknown.statusCode()).isEqualTo(404);
		assertThat(unknown.body()).contains("no source inconnu in feeds.yml");
		HttpResponse<String> disabled = post("eteint", "Bearer " + TOKEN);
		assertThat(disabled.statusCode()).isEqualTo(409);
		assertThat(disabled.body()).contains("disabled in feeds.yml");
		HttpResponse<String> gone = post("disparu", "Bearer " + TOKEN);
		assertThat(gone.statusCode()).isEqualTo(409);
		assertThat(gone.body()).contains("is gone (HTTP 410)");
		assertThat(statuses("disparu", "eteint")).isEqualTo(before);
		sites.verify(1, getRequestedFor(urlEqualTo("/disparu/rss")));
		sites.verify(0, getRequestedFor(urlEqualTo("/eteint/rss")));
	}

	/** What the store says of these sources: when each is due, among the rest. */
	private Map<String, SourceStatus> statuses(String... sources) {
		Map<String, SourceStatus> statuses = new HashMap<>();
		for (String source : sources) {
			this.statuses.find(source).ifPresent((status) -> statuses.put(source, status));
		}
		return statuses;
	}

	private HttpResponse<String> post(String source, String authorization) throws Exception {
		HttpRequest.Builder request = HttpRequest
			.newBuilder(URI.create("http://localhost:" + this.port + "/admin/sources/" + source + "/poll"))
			.POST(HttpRequest.BodyPublishers.noBody());
		if (authorization != null) {
			request.header("Authorization", authorization);
		}
		return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

}
