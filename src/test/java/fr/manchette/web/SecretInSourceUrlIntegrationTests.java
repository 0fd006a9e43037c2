package fr.manchette.web;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import fr.manchette.config.CurrentFeeds;
import fr.manchette.pipeline.IngestRun;
import fr.manchette.support.FeedsYml;
import fr.manchette.support.LocalHttp;
import fr.manchette.support.Sites;
import fr.manchette.support.TestService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A paid feed whose url carries its key: polled with the key, and shown without it wherever Manchette publishes a
 * source's address (the merged feeds' sources, /opml, /sources, /api/sources, the error of a source that fails).
 */
@ExtendWith(OutputCaptureExtension.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "manchette.polling.enabled=false")
class SecretInSourceUrlIntegrationTests {

	private static final String KEY = "cle-abonne-7f3a9c";

	@RegisterExtension
	static WireMockExtension sites = Sites.forTheClass();

	@TempDir
	static Path dir;

	@Autowired
	private IngestRun ingestRun;

	@Autowired
	private CurrentFeeds feeds;

	@LocalServerPort
	private int port;

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) throws IOException {
		String site = "http://localhost:" + sites.getPort();
		TestService.use(registry, dir, FeedsYml.inZone("Africa/Casablanca")
			.source("abonnes", "Le Quotidien abonnés", site + "/abonnes/rss?rubrique=maroc&token=" + KEY)
			.source("boucle", "Boucle", site + "/boucle/rss?api_key=" + KEY, "category: économie"));
	}

	@Test
	void thePollSendsTheKeyAndNoOutputShowsIt(CapturedOutput log) throws Exception {
		sites.stubFor(WireMock.get(urlPathEqualTo("/abonnes/rss"))
			.withQueryParam("token", equalTo(KEY))
			.willReturn(WireMock.aResponse().withBody(NewsFeed.quotidien(Instant.now()).rss())));
		// A redirect to itself: its error names the url it reached twice.
		sites.stubFor(WireMock.get(urlPathEqualTo("/boucle/rss"))
			.willReturn(WireMock.aResponse().withStatus(301).withHeader("Location", "/boucle/rss?api_key=" + KEY)));

		TestService.pollEverySource(this.ingestRun, this.feeds);

		sites.verify(getRequestedFor(urlPathEqualTo("/abonnes/rss")).withQueryParam("token", equalTo(KEY)));
		String atom = LocalHttp.get(this.port, "/feed.atom", null).body();
		assertThat(atom).contains("Le Parlement adopte la loi de finances");
		for (String path : List.of("/", "/feed.atom", "/feed.rss", "/feed.json", "/opml", "/sources", "/api/sources",
				"/api/headlines")) {
			String body = LocalHttp.get(this.port, path, null).body();
			assertThat(body).as(path).doesNotContain(KEY);
		}
		assertThat(atom).contains("/abonnes/rss?rubrique=maroc&amp;token=***");
		assertThat(LocalHttp.get(this.port, "/feed.rss", null).body()).contains("token=***");
		assertThat(LocalHttp.get(this.port, "/opml", null).body()).contains("token=***", "api_key=***");
		String api = LocalHttp.get(this.port, "/api/sources", null).body();
		assertThat(api).contains("token=***", "redirect loop", "api_key=***");
		// Nor the log, which is shipped further than the operator's eyes.
		assertThat(log.getAll()).contains("Poll failed source=boucle", "api_key=***").doesNotContain(KEY);
	}

}
