package fr.manchette.pipeline;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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
 * changes, and then the validators change with them; what a feed reader knows an entry by, its id, does not.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "manchette.polling.enabled=false")
class StoreChangeIntegrationTests {

	private static final Instant NOW = Instant.now();

	/** An entry's id in any of the three formats: Atom's {@code id}, RSS's {@code guid}, JSON Feed's {@code "id"}. */
	private static final Pattern ENTRY_ID = Pattern.compile("(urn:manchette:item:[^<\"]+)");

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
			.source("le360", "Le360", "http://localhost:" + source.getPort() + "/atom")
			.source("hespress-fr", "Hespress FR", "http://localhost:" + source.getPort() + "/hespress.xml"));
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

	/**
	 * A reader knows an entry by its id alone: when a second source tells a known story with an earlier date, its item
	 * becomes the story's lead, and the entry, showing it now, must keep its id, or the reader lists the story again
	 * as new, twice in all.
	 */
	@Test
	void aStoryWhoseLeadChangesKeepsItsIdInEveryFeed() throws Exception {
		String rss = """
				<rss version="2.0"><channel><title>%s</title><link>https://%s.example/</link>
				<item><title>Carburants : baisse de 10 centimes à la pompe ce vendredi</title><guid>%s</guid>
				<link>https://www.carburants.example/baisse-10-centimes</link><pubDate>%s</pubDate></item>
				</channel></rss>""";
		source.stubFor(WireMock.get("/hespress.xml").willReturn(aResponse().withStatus(404)));
		source.stubFor(WireMock.get("/atom").willReturn(aResponse().withBody("""
				<feed xmlns="http://www.w3.org/2005/Atom"><title>Le360</title><id>urn:le360</id><updated>%1$s</updated>
				<entry><title>Carburants : baisse de 10 centimes à la pompe ce vendredi</title><id>urn:le360:carburants</id>
				<link href="https://www.carburants.example/baisse-10-centimes"/><updated>%1$s</updated></entry></feed>"""
			.formatted(NOW.minusSeconds(3600)))));
		this.ingestRun.run(this.feeds.get().source("le360").orElseThrow());
		List<String> before = storyIds();

		source.stubFor(WireMock.get("/hespress.xml").willReturn(aResponse().withBody(rss.formatted("Hespress FR",
				"hespress", "hespress-carburants", DateTimeFormatter.RFC_1123_DATE_TIME
					.format(NOW.minusSeconds(7200).atOffset(ZoneOffset.UTC))))));
		PollReport second = this.ingestRun.run(this.feeds.get().source("hespress-fr").orElseThrow());
		List<String> after = storyIds();

		assertThat(second.inserted()).isEqualTo(1);
		assertThat(before).hasSize(3).doesNotContainNull();
		// The lead is Hespress' item now, still one entry per feed, under the same id.
		assertThat(LocalHttp.get(this.port, "/feed.atom?q=carburants", null).body()).contains("Hespress FR");
		assertThat(after).isEqualTo(before);
	}

	/** The id of the one entry about fuel prices in each of the three feeds, in the order Atom, RSS, JSON Feed. */
	private List<String> storyIds() throws Exception {
		List<String> ids = new ArrayList<>();
		for (String feed : List.of("feed.atom", "feed.rss", "feed.json")) {
			String body = LocalHttp.get(this.port, "/" + feed + "?q=carburants", null).body();
			Matcher id = ENTRY_ID.matcher(body);
			ids.add(id.find() ? id.group(1) : null);
			assertThat(id.find()).as(feed + " lists the story once").isFalse();
		}
		return ids;
	}

	private HttpResponse<String> get(String ifNoneMatch) throws Exception {
		return LocalHttp.get(this.port, "/headlines.txt", ifNoneMatch);
	}

}
