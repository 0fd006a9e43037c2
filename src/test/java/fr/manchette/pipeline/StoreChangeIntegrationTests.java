package fr.manchette.pipeline;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;

import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import fr.manchette.config.CurrentFeeds;
import fr.manchette.support.FeedsYml;
import fr.manchette.support.Sites;
import fr.manchette.support.TestService;
import fr.manchette.support.LocalHttp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * With the scheduler off, {@link IngestRun} driven by hand: the published documents are cached until the store
 * changes, and then the validators change with them.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "manchette.polling.enabled=false")
class StoreChangeIntegrationTests {

	private static final Instant NOW = Instant.now();

	@RegisterExtension
	static WireMockExtension source = Sites.forEachTest();

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
		TestService.use(registry, dir, FeedsYml.inZone("Europe/Paris")
			.source("le360", "Le360", "http://localhost:" + source.getPort() + "/atom"));
	}

	@Test
	void aPollThatStoresSomethingChangesTheValidators() throws Exception {
		String atom = FixtureFeed.render("le360-atom.xml", NOW);
		source.stubFor(WireMock.get("/atom").willReturn(aResponse().withBody(atom)));
		PollReport first = this.ingestRun.run(this.feeds.get().source("le360").orElseThrow());
		HttpResponse<String> before = get(null);
		String etag = before.headers().firstValue("ETag").orElseThrow();

		// The same document again stores nothing: same validators, still a 304.
		this.ingestRun.run(this.feeds.get().source("le360").orElseThrow());
		assertThat(get(etag).statusCode()).isEqualTo(304);

		source.stubFor(WireMock.get("/atom").willReturn(aResponse().withBody(atom.replace("</feed>", """
				<entry><title>Nouvelle dépêche : le Parlement adopte la loi</title><id>urn:le360:article:2003</id>
				<link href="https://fr.le360.ma/politique/loi.html"/><updated>%s</updated></entry></feed>"""
			.formatted(NOW)))));
		PollReport second = this.ingestRun.run(this.feeds.get().source("le360").orElseThrow());
		HttpResponse<String> after = get(etag);

		assertThat(first.inserted()).isEqualTo(2);
		assertThat(second.inserted()).isEqualTo(1);
		assertThat(after.statusCode()).isEqualTo(200);
		assertThat(after.headers().firstValue("ETag")).isPresent().isNotEqualTo(etag);
		assertThat(after.body().lines().findFirst()).hasValueSatisfying(
				(line) -> assertThat(line).endsWith("Nouvelle dépêche : le Parlement adopte la loi"));
	}

	private HttpResponse<String> get(String ifNoneMatch) throws Exception {
		return LocalHttp.get(this.port, "/headlines.txt", ifNoneMatch);
	}

}
