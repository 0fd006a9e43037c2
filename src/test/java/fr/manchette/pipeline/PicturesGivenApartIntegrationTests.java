package fr.manchette.pipeline;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.io.SyndFeedInput;
import com.rometools.rome.io.XmlReader;
import fr.manchette.config.CurrentFeeds;
import fr.manchette.store.PollOutcome;
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
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.json.JsonMapper;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A feed whose items give their picture apart from the summary, by Media RSS and by an enclosure (its address relative
 * to the feed's), as Le Monde and franceinfo do: polled once through {@link IngestRun}, each picture leads its item's
 * summary in the three merged feeds, cleaned and made absolute as the summary's own images are. An audio enclosure
 * is no picture. An item stored without its picture gets it at the next poll. Scheduler off.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "manchette.polling.enabled=false")
class PicturesGivenApartIntegrationTests {

	private static final Instant NOW = Instant.now();

	@RegisterExtension
	static WireMockExtension sources = Sites.forTheClass();

	@TempDir
	static Path dir;

	@LocalServerPort
	private int port;

	@Autowired
	private IngestRun ingestRun;

	@Autowired
	private CurrentFeeds feeds;

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) throws IOException {
		TestService.use(registry, dir, FeedsYml.inZone("Europe/Paris").settings("poll:\n  timeout: 5s")
			.source("quotidien-loire", "Le Quotidien de la Loire", sourceBase() + "/rss/une.xml")
			.source("courrier-loire", "Le Courrier de la Loire", sourceBase() + "/courrier/une.xml"));
	}

	@Test
	void eachPictureLeadsItsSummaryInTheThreeMergedFeeds() throws Exception {
		sources.stubFor(WireMock.get("/rss/une.xml")
			.willReturn(aResponse().withHeader("Content-Type", "application/rss+xml")
				.withBody(FixtureFeed.render("quotidien-loire-pictures-rss2.xml", NOW))));
		assertThat(this.ingestRun.run(this.feeds.get().source("quotidien-loire").orElseThrow()).outcome())
			.isEqualTo(PollOutcome.OK);
		String mediaContent = "<img src=\"https://img.quotidien-loire.example/2025/pont.jpg\"";
		String enclosure = "<img src=\"" + sourceBase() + "/photos/2025/loire-etiage.jpg\"";

		for (String path : List.of("/feed.atom?source=quotidien-loire", "/feed.rss?source=quotidien-loire")) {
			List<String> descriptions = new ArrayList<>();
			for (SyndEntry entry : new SyndFeedInput()
				.build(new XmlReader(new ByteArrayInputStream(body(path).getBytes(StandardCharsets.UTF_8))))
				.getEntries()) {
				descriptions.add(entry.getDescription().getValue());
			}
			assertThat(descriptions).as(path).satisfiesExactly(
					(html) -> assertThat(html).startsWith("<p>" + mediaContent)
						.contains("Les travaux ont duré dix-huit mois."),
					(html) -> assertThat(html).startsWith("<p>" + enclosure)
						.contains("Les bancs de sable affleurent sous les ponts."),
					(html) -> assertThat(html).doesNotContain("<img"));
		}
		assertThat(jsonContents("quotidien-loire")).satisfiesExactly((html) -> assertThat(html).startsWith("<p>" + mediaContent),
				(html) -> assertThat(html).startsWith("<p>" + enclosure),
				(html) -> assertThat(html).doesNotContain("<img"));
	}

	/**
	 * An item stored without its picture (as by a version that left it out) gets it at the next poll that lists it:
	 * its summary then differs from the stored one, which makes the item an edit.
	 */
	@Test
	void anItemStoredWithoutItsPictureGetsItAtTheNextPoll() throws Exception {
		String feed = FixtureFeed.render("quotidien-loire-pictures-rss2.xml", NOW);
		serveCourrier(feed.replaceAll("<media:content [^>]*/>", ""));
		assertThat(jsonContents("courrier-loire")).first().asString().doesNotContain("<img");

		serveCourrier(feed);
		assertThat(jsonContents("courrier-loire")).hasSize(3)
			.first()
			.asString()
			.startsWith("<p><img src=\"https://img.quotidien-loire.example/2025/pont.jpg\"");
	}

	private void serveCourrier(String body) {
		sources.stubFor(WireMock.get("/courrier/une.xml")
			.willReturn(aResponse().withHeader("Content-Type", "application/rss+xml").withBody(body)));
		assertThat(this.ingestRun.run(this.feeds.get().source("courrier-loire").orElseThrow()).outcome())
			.isEqualTo(PollOutcome.OK);
	}

	/** The content_html of a source's items in the merged JSON Feed, newest first. */
	private List<String> jsonContents(String source) throws Exception {
		List<String> contents = new ArrayList<>();
		JsonMapper.builder().build().readTree(body("/feed.json?source=" + source)).get("items")
			.forEach((item) -> contents.add(item.get("content_html").asString()));
		return contents;
	}

	private static String sourceBase() {
		return "http://127.0.0.1:" + sources.getPort();
	}

	private String body(String path) throws Exception {
		HttpResponse<String> response = LocalHttp.get(this.port, path, null);
		assertThat(response.statusCode()).as(path).isEqualTo(200);
		return response.body();
	}

}
