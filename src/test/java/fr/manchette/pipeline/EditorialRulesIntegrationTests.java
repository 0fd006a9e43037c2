package fr.manchette.pipeline;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import fr.manchette.config.CurrentFeeds;
import fr.manchette.config.Source;
import fr.manchette.support.FeedsYml;
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
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The rules of feeds.yml and the languages, through the whole service: a WireMock source, the real H2 store, polls
 * run one by one, feeds.yml edited while it runs, and every output read back over HTTP.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "manchette.polling.enabled=false", "manchette.reload-interval=200ms" })
class EditorialRulesIntegrationTests {

	@RegisterExtension
	static WireMockExtension server = Sites.forTheClass();

	@TempDir
	static Path dir;

	@Autowired
	private IngestRun run;

	@Autowired
	private CurrentFeeds feeds;

	@LocalServerPort
	private int port;

	private final JsonMapper json = JsonMapper.builder().build();

	private final HttpClient http = HttpClient.newHttpClient();

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) throws IOException {
		TestService.use(registry, dir, feedsYml("""
				drop:
				  - publireportage
				  - title: "re:^Communiqué"
				"""));
	}

	@Test
	void droppedItemsStayOutEditedRulesJudgeWhatComesNextAndLanguagesFilterEveryList() throws Exception {
		serve(item("1", "Marchica Med investit 1,4 milliard pour Atalayoun à Nador"),
				item("2", "Publireportage : les meilleures offres de crédit immobilier"),
				item("3", "Communiqué de presse du groupe OCP"),
				item("4", "المغرب يتأهل إلى نصف نهائي كأس أمم إفريقيا بعد فوز مثير"));
		poll();
		assertThat(titles("/api/headlines")).containsExactlyInAnyOrder(
				"Marchica Med investit 1,4 milliard pour Atalayoun à Nador",
				"المغرب يتأهل إلى نصف نهائي كأس أمم إفريقيا بعد فوز مثير");
		JsonNode le360 = this.json.readTree(body("/api/sources")).get("sources").get(0);
		assertThat(le360.get("dropped").get("drop: publireportage").asLong()).isEqualTo(1);
		assertThat(le360.get("dropped").get("drop: title: re:^Communiqué").asLong()).isEqualTo(1);

		// The sponsored item loses its word, and the next poll still leaves it out: it is remembered as dropped.
		serve(item("1", "Marchica Med investit 1,4 milliard pour Atalayoun à Nador"),
				item("2", "Les meilleures offres de crédit immobilier"),
				item("3", "Communiqué de presse du groupe OCP"),
				item("4", "المغرب يتأهل إلى نصف نهائي كأس أمم إفريقيا بعد فوز مثير"));
		poll();
		assertThat(titles("/api/headlines")).hasSize(2);
		assertThat(this.json.readTree(body("/api/sources")).get("sources").get(0).get("dropped").size()).isEqualTo(2);

		// Languages: each item has one, in every output, and every list filters by it.
		assertThat(titles("/api/headlines?lang=ar")).containsExactly("المغرب يتأهل إلى نصف نهائي كأس أمم إفريقيا بعد فوز مثير");
		assertThat(titles("/api/headlines?lang=fr")).containsExactly("Marchica Med investit 1,4 milliard pour Atalayoun à Nador");
		assertThat(titles("/api/headlines?lang=en")).isEmpty();
		assertThat(this.json.readTree(body("/api/headlines?lang=ar")).get("headlines").get(0).get("lang").asString())
			.isEqualTo("ar");
		assertThat(this.json.readTree(body("/feed.json?lang=ar")).get("items").get(0).get("language").asString())
			.isEqualTo("ar");
		assertThat(body("/feed.atom?lang=fr")).contains("<entry xml:lang=\"fr\">");
		assertThat(body("/feed.rss?lang=ar")).contains("<dc:language>ar</dc:language>");
		assertThat(body("/headlines.txt?lang=fr")).contains("Marchica Med").doesNotContain("المغرب");
		assertThat(get("/api/headlines?lang=fran%C3%A7ais").statusCode()).isEqualTo(400);

		// A new rule set: what is fetched from now on is judged by it, remembered drops included.
		feedsYml("""
				drop:
				  - title: "re:^Communiqué"
				languages: [fr]
				""").writeTo(TestService.feedsFile(dir));
		await().atMost(Duration.ofSeconds(10)).until(() -> this.feeds.get().rules().languages() != null);
		serve(item("1", "Marchica Med investit 1,4 milliard pour Atalayoun à Nador"),
				item("2", "Les meilleures offres de crédit immobilier"),
				item("3", "Communiqué de presse du groupe OCP"),
				item("4", "المغرب يتأهل إلى نصف نهائي كأس أمم إفريقيا بعد فوز مثير"),
				item("5", "منتخب السيدات يستعد لكأس العالم"));
		poll();
		assertThat(titles("/api/headlines")).containsExactlyInAnyOrder(
				"Marchica Med investit 1,4 milliard pour Atalayoun à Nador", "Les meilleures offres de crédit immobilier",
				"المغرب يتأهل إلى نصف نهائي كأس أمم إفريقيا بعد فوز مثير");
		JsonNode dropped = this.json.readTree(body("/api/sources")).get("sources").get(0).get("dropped");
		assertThat(dropped.get("languages: fr").asLong()).isEqualTo(1);
		assertThat(dropped.get("drop: title: re:^Communiqué").asLong()).isEqualTo(1);
		assertThat(dropped.has("drop: publireportage")).isFalse();

		// No rule at all: the items dropped before are judged again, kept, and no longer counted as dropped.
		feedsYml("").writeTo(TestService.feedsFile(dir));
		await().atMost(Duration.ofSeconds(10)).until(() -> this.feeds.get().rules().languages() == null);
		poll();
		assertThat(titles("/api/headlines")).containsExactlyInAnyOrder(
				"Marchica Med investit 1,4 milliard pour Atalayoun à Nador", "Les meilleures offres de crédit immobilier",
				"Communiqué de presse du groupe OCP", "المغرب يتأهل إلى نصف نهائي كأس أمم إفريقيا بعد فوز مثير",
				"منتخب السيدات يستعد لكأس العالم");
		assertThat(this.json.readTree(body("/api/sources")).get("sources").get(0).get("dropped").size()).isZero();
	}

	private void poll() {
		for (Source source : this.feeds.get().feeds()) {
			this.run.run(source);
		}
	}

	private static FeedsYml feedsYml(String rules) {
		return FeedsYml.withDefaults().settings(rules)
			.source("le360", "Le360", "http://localhost:" + server.getPort() + "/le360");
	}

	/** An hour ago, as the service's clock reads: well within the retention, which leaves older items out. */
	private static final ZonedDateTime PUBLISHED = ZonedDateTime.now(ZoneOffset.ofHours(1))
		.truncatedTo(ChronoUnit.MINUTES)
		.minusHours(1);

	private static String item(String guid, String title) {
		return "<item><guid>urn:le360:" + guid + "</guid><title>" + title + "</title><link>https://fr.le360.ma/" + guid
				+ "</link><pubDate>"
				+ DateTimeFormatter.RFC_1123_DATE_TIME.format(PUBLISHED.plusMinutes(Integer.parseInt(guid)))
				+ "</pubDate></item>";
	}

	private static void serve(String... items) {
		server.stubFor(WireMock.get("/le360")
			.willReturn(aResponse().withHeader("Content-Type", "application/rss+xml; charset=utf-8")
				.withBody("<?xml version=\"1.0\" encoding=\"UTF-8\"?><rss version=\"2.0\"><channel><title>Le360</title>"
						+ "<link>https://fr.le360.ma/</link><description>d</description><language>fr</language>"
						+ String.join("", items) + "</channel></rss>")));
	}

	private List<String> titles(String path) throws Exception {
		List<String> titles = new ArrayList<>();
		this.json.readTree(body(path)).get("headlines").forEach((headline) -> titles.add(headline.get("title").asString()));
		return titles;
	}

	private String body(String path) throws Exception {
		HttpResponse<String> response = get(path);
		assertThat(response.statusCode()).as(path).isEqualTo(200);
		return response.body();
	}

	private HttpResponse<String> get(String path) throws Exception {
		return this.http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path)).build(),
				HttpResponse.BodyHandlers.ofString());
	}

}
