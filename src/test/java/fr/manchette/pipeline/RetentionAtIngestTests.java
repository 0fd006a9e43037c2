package fr.manchette.pipeline;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
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

/**
 * {@code retention} through the whole service: an item that its feed dates before the retention is not stored, so
 * that the hourly prune has nothing to take away that the next poll would bring back as new.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "manchette.polling.enabled=false")
class RetentionAtIngestTests {

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
	static void properties(DynamicPropertyRegistry registry) throws Exception {
		TestService.use(registry, dir, FeedsYml.withDefaults()
			.settings("retention: 30d")
			.source("le360", "Le360", "http://localhost:" + server.getPort() + "/le360"));
	}

	@Test
	void itemsDatedBeforeTheRetentionAreNeitherStoredNorCountedAsDropped() throws Exception {
		ZonedDateTime now = ZonedDateTime.now(ZoneOffset.ofHours(1)).truncatedTo(ChronoUnit.MINUTES);
		server.stubFor(WireMock.get("/le360")
			.willReturn(aResponse().withHeader("Content-Type", "application/rss+xml; charset=utf-8")
				.withBody("<?xml version=\"1.0\" encoding=\"UTF-8\"?><rss version=\"2.0\"><channel><title>Le360</title>"
						+ "<link>https://fr.le360.ma/</link><description>d</description><language>fr</language>"
						+ item("1", "Marchica Med investit 1,4 milliard pour Atalayoun à Nador", now.minusHours(1))
						+ item("2", "Le port de Tanger Med bat son record de conteneurs", now.minusDays(29))
						+ item("3", "La CAN 2025 se jouera dans six villes du Royaume", now.minusDays(31))
						+ item("4", "Le Maroc accueille la Coupe du monde 2030", now.minusYears(1))
						+ "<item><guid>urn:le360:5</guid><title>Une dépêche sans date</title>"
						+ "<link>https://fr.le360.ma/5</link></item>"
						+ "</channel></rss>")));

		poll();
		poll();

		assertThat(titles()).containsExactlyInAnyOrder("Marchica Med investit 1,4 milliard pour Atalayoun à Nador",
				"Le port de Tanger Med bat son record de conteneurs", "Une dépêche sans date");
		JsonNode source = this.json.readTree(body("/api/sources")).get("sources").get(0);
		assertThat(source.get("itemCount").asInt()).isEqualTo(3);
		assertThat(source.get("dropped").size()).isZero();
	}

	private static String item(String guid, String title, ZonedDateTime published) {
		return "<item><guid>urn:le360:" + guid + "</guid><title>" + title + "</title><link>https://fr.le360.ma/" + guid
				+ "</link><pubDate>" + DateTimeFormatter.RFC_1123_DATE_TIME.format(published) + "</pubDate></item>";
	}

	private void poll() {
		for (Source source : this.feeds.get().feeds()) {
			this.run.run(source);
		}
	}

	private List<String> titles() throws Exception {
		List<String> titles = new ArrayList<>();
		this.json.readTree(body("/api/headlines"))
			.get("headlines")
			.forEach((headline) -> titles.add(headline.get("title").asString()));
		return titles;
	}

	private String body(String path) throws Exception {
		HttpResponse<String> response = this.http.send(
				HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path)).build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as(path).isEqualTo(200);
		return response.body();
	}

}
