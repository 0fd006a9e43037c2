package fr.manchette.pipeline;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import fr.manchette.config.CurrentFeeds;
import fr.manchette.store.PollOutcome;
import fr.manchette.support.FeedsYml;
import fr.manchette.support.LocalHttp;
import fr.manchette.support.Sites;
import fr.manchette.support.TestService;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Titles that write markup as text, polled through {@link IngestRun} over HTTP into the H2 store: an Atom title
 * declared text keeps its {@code <p>} and its {@code &amp;}, an RSS title that names {@code <script>} keeps the words
 * after it, and an RSS title's bold is still left out. Each is republished as that text, escaped as each format
 * escapes text: the XML feeds write {@code &lt;p&gt;}, the JSON documents {@code <p>}, the plain-text ticker the
 * characters, and the ticker page shows the text without making a tag of it. Scheduler off.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "manchette.polling.enabled=false")
class TitlesAsWrittenIntegrationTests {

	private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.SECONDS);

	/** An Atom title of type text: text, never markup (RFC 4287 section 3.1.1). */
	private static final String LESSON = "Cours de HTML : la balise <p> et l'entité &amp; expliquées";

	/** An RSS title that names a tag whose content an HTML parser would swallow. */
	private static final String FLAW = "Faille XSS : la balise <script> reste dangereuse";

	/** An RSS title with bold escaped in it, and prose that uses angle brackets. */
	private static final String MATHS = "Maths : x<y et A<B";

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
		TestService.use(registry, dir, FeedsYml.inZone("UTC").settings("poll:\n  timeout: 5s")
			.source("cours", "Les Cours du Soir", sourceBase() + "/cours.atom")
			.source("securite", "Sécurité Info", sourceBase() + "/securite.rss"));
	}

	@BeforeAll
	static void serveTheSources() {
		sources.stubFor(WireMock.get("/cours.atom")
			.willReturn(aResponse().withHeader("Content-Type", "application/atom+xml; charset=utf-8").withBody("""
					<?xml version="1.0" encoding="UTF-8"?>
					<feed xmlns="http://www.w3.org/2005/Atom"><title>Les Cours du Soir</title><id>urn:cours</id>
					<updated>%1$s</updated>
					<entry><id>urn:cours:1</id><link href="https://cours.example/html-p"/>
					<title type="text">Cours de HTML : la balise &lt;p&gt; et l'entité &amp;amp; expliquées</title>
					<updated>%1$s</updated><summary>La leçon du jour.</summary></entry>
					</feed>
					""".formatted(DateTimeFormatter.ISO_INSTANT.format(NOW.minusSeconds(120))))));
		String date = DateTimeFormatter.RFC_1123_DATE_TIME.format(NOW.minusSeconds(60).atOffset(ZoneOffset.UTC));
		sources.stubFor(WireMock.get("/securite.rss")
			.willReturn(aResponse().withHeader("Content-Type", "application/rss+xml; charset=utf-8").withBody("""
					<?xml version="1.0" encoding="UTF-8"?>
					<rss version="2.0"><channel><title>Sécurité Info</title><link>https://securite.example/</link>
					<item><guid>faille</guid><link>https://securite.example/faille</link>
					<title>Faille XSS : la balise &lt;script&gt; reste dangereuse</title><pubDate>%1$s</pubDate>
					<description>Mettez à jour.</description></item>
					<item><guid>maths</guid><link>https://securite.example/maths</link>
					<title>&lt;b&gt;Maths&lt;/b&gt; : x&lt;y et A&lt;B</title><pubDate>%1$s</pubDate>
					<description>Une inégalité.</description></item>
					</channel></rss>
					""".formatted(date))));
	}

	@Test
	void theTitlesKeepTheirTextInEveryDocument() throws Exception {
		for (String source : List.of("cours", "securite")) {
			assertThat(this.ingestRun.run(this.feeds.get().source(source).orElseThrow()).outcome()).as(source)
				.isEqualTo(PollOutcome.OK);
		}
		JsonMapper json = JsonMapper.builder().build();

		List<String> headlines = new ArrayList<>();
		json.readTree(body("/api/headlines")).get("headlines").forEach((h) -> headlines.add(h.get("title").asString()));
		assertThat(headlines).containsExactlyInAnyOrder(LESSON, FLAW, MATHS);

		List<String> items = new ArrayList<>();
		JsonNode feedJson = json.readTree(body("/feed.json"));
		feedJson.get("items").forEach((item) -> items.add(item.get("title").asString()));
		assertThat(items).containsExactlyInAnyOrder(LESSON, FLAW, MATHS);

		for (String path : List.of("/feed.atom", "/feed.rss")) {
			String xml = body(path);
			assertThat(xml).as(path)
				.contains(">Cours de HTML : la balise &lt;p&gt; et l'entité &amp;amp; expliquées</title>",
						">Faille XSS : la balise &lt;script&gt; reste dangereuse</title>",
						">Maths : x&lt;y et A&lt;B</title>");
		}

		assertThat(body("/headlines.txt").lines().map((line) -> line.substring(line.indexOf(' ') + 1)))
			.containsExactlyInAnyOrder(LESSON, FLAW, MATHS);

		String page = body("/");
		assertThat(page).doesNotContain("<p> et", "<script> reste", "x<y");
		Document shown = Jsoup.parse(page);
		assertThat(shown.select("#fil > li")).hasSize(3);
		assertThat(shown.select("#fil").text()).contains(LESSON, FLAW, MATHS);
		// No element made of the titles' tags in the list of headlines.
		assertThat(shown.select("#fil p, #fil script, #fil b")).isEmpty();
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
