package fr.manchette.pipeline;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import fr.manchette.config.CurrentFeeds;
import fr.manchette.store.ItemPruner;
import fr.manchette.store.PrunedItems;
import fr.manchette.support.FeedsYml;
import fr.manchette.support.Sites;
import fr.manchette.support.TestService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code retention} through the whole service: an item that its feed dates before the retention is not stored, and
 * an undated one that the hourly prune deleted is not stored again, so that the next poll brings back nothing as new;
 * nor are the items the rules dropped remembered again at each poll, which would grow their table until the prune.
 * Both also of a feed whose guids change at every fetch.
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

	@Autowired
	private ItemPruner pruner;

	@Autowired
	private PrunedItems pruned;

	@Autowired
	private JdbcClient jdbc;

	@LocalServerPort
	private int port;

	private final JsonMapper json = JsonMapper.builder().build();

	private final HttpClient http = HttpClient.newHttpClient();

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) throws Exception {
		TestService.use(registry, dir, FeedsYml.withDefaults()
			.settings("retention: 30d")
			.source("le360", "Le360", "http://localhost:" + server.getPort() + "/le360")
			.source("quotidien", "Le Quotidien", "http://localhost:" + server.getPort() + "/quotidien")
			.source("lematin", "Le Matin", "http://localhost:" + server.getPort() + "/lematin", "drop: [publireportage]")
			.source("medias24", "Médias24", "http://localhost:" + server.getPort() + "/medias24"));
	}

	@Test
	void itemsDatedBeforeTheRetentionAreNeitherStoredNorCountedAsDropped() throws Exception {
		ZonedDateTime now = ZonedDateTime.now(ZoneOffset.ofHours(1)).truncatedTo(ChronoUnit.MINUTES);
		serve("/le360", item("1", "Marchica Med investit 1,4 milliard pour Atalayoun à Nador", now.minusHours(1)),
				item("2", "Le port de Tanger Med bat son record de conteneurs", now.minusDays(29)),
				item("3", "La CAN 2025 se jouera dans six villes du Royaume", now.minusDays(31)),
				item("4", "Le Maroc accueille la Coupe du monde 2030", now.minusYears(1)),
				undated("5", "Une dépêche sans date"));

		poll("le360");
		poll("le360");

		assertThat(titles("le360")).containsExactlyInAnyOrder("Marchica Med investit 1,4 milliard pour Atalayoun à Nador",
				"Le port de Tanger Med bat son record de conteneurs", "Une dépêche sans date");
		JsonNode source = this.json.readTree(body("/api/sources?source=le360")).get("sources").get(0);
		assertThat(source.get("itemCount").asInt()).isEqualTo(3);
		assertThat(source.get("dropped").size()).isZero();
	}


	@Test
	void anUndatedItemThatRetentionDeletedDoesNotComeBackWhileItsFeedListsIt() throws Exception {
		ZonedDateTime now = ZonedDateTime.now(ZoneOffset.ofHours(1)).truncatedTo(ChronoUnit.MINUTES);
		serve("/quotidien", item("q1", "Le Parlement adopte la loi de finances", now.minusHours(2)),
				undated("q2", "Éditorial : le temps long de la réforme"));
		poll("quotidien");
		assertThat(titles("quotidien")).containsExactlyInAnyOrder("Le Parlement adopte la loi de finances",
				"Éditorial : le temps long de la réforme");

		// Forty days on for the undated one, which its date of first sight sorts by: past the retention.
		Instant past = Instant.now().minus(Duration.ofDays(40));
		this.jdbc.sql("UPDATE item SET sort_at = :at, first_seen_at = :at, published_at = :at WHERE title LIKE 'Éditorial%'")
			.param("at", past.atOffset(ZoneOffset.UTC))
			.update();
		assertThat(this.pruner.pruneOlderThan(Instant.now().minus(Duration.ofDays(30)))).isOne();
		poll("quotidien");
		poll("quotidien");

		assertThat(titles("quotidien")).containsExactly("Le Parlement adopte la loi de finances");
		// Remembered while its feed lists it: the polls have just seen it.
		assertThat(this.pruned.forgetOlderThan(Instant.now().minus(Duration.ofMinutes(1)))).isZero();
		// Forgotten, it would be new again: the memory is what keeps it out.
		assertThat(this.pruned.forgetOlderThan(Instant.now().plusSeconds(1))).isOne();
		poll("quotidien");
		assertThat(titles("quotidien")).contains("Éditorial : le temps long de la réforme");
	}

	@Test
	void aFeedWhoseGuidsChangeAtEveryFetchHasEachDroppedItemRememberedOnceAndItsNewItemsJudged() throws Exception {
		ZonedDateTime now = ZonedDateTime.now(ZoneOffset.ofHours(1)).truncatedTo(ChronoUnit.MINUTES);
		List<String> items = new ArrayList<>(List.of(
				"<title>Le Maroc et l'Espagne signent un accord sur l'eau</title><link>https://lematin.ma/accord</link>"
						+ pubDate(now.minusHours(3)),
				"<title>Publireportage : les meilleures offres de crédit</title><link>https://lematin.ma/credit</link>"
						+ pubDate(now.minusHours(2)),
				"<title>Publireportage : un hôtel à Marrakech</title><link>https://lematin.ma/hotel</link>",
				"<title>La Bourse de Casablanca en hausse</title><link>https://lematin.ma/bourse</link>"
						+ "<description>Le Masi gagne 1 %.</description>" + pubDate(now.minusHours(1))));
		for (int fetch = 1; fetch <= 3; fetch++) {
			serveSession("/lematin", "session-" + fetch, items);
			poll("lematin");
		}
		assertThat(titles("lematin")).containsExactlyInAnyOrder("Le Maroc et l'Espagne signent un accord sur l'eau",
				"La Bourse de Casablanca en hausse");
		assertThat(droppedRows("lematin")).isEqualTo(2);
		assertThat(dropped("lematin")).isEqualTo(2);

		// A stored item that the feed now labels as sponsored stays stored, and is not counted as dropped.
		items.set(3, "<title>La Bourse de Casablanca en hausse</title><link>https://lematin.ma/bourse</link>"
				+ "<description>Publireportage. Le Masi gagne 1 %.</description>" + pubDate(now.minusHours(1)));
		// Truly new items, under a link of the feed's or another: judged, the sponsored one remembered too.
		items.add("<title>Publireportage : les offres du mois</title><link>https://lematin.ma/credit</link>"
				+ pubDate(now.minusMinutes(30)));
		items.add("<title>Le budget 2026 adopté</title><link>https://lematin.ma/budget</link>"
				+ pubDate(now.minusMinutes(20)));
		for (int fetch = 4; fetch <= 5; fetch++) {
			serveSession("/lematin", "session-" + fetch, items);
			poll("lematin");
		}
		assertThat(titles("lematin")).containsExactlyInAnyOrder("Le Maroc et l'Espagne signent un accord sur l'eau",
				"La Bourse de Casablanca en hausse", "Le budget 2026 adopté");
		assertThat(droppedRows("lematin")).isEqualTo(3);
		assertThat(dropped("lematin")).isEqualTo(3);
	}

	@Test
	void anUndatedItemThatRetentionDeletedDoesNotComeBackUnderTheNewGuidsOfItsFeed() throws Exception {
		ZonedDateTime now = ZonedDateTime.now(ZoneOffset.ofHours(1)).truncatedTo(ChronoUnit.MINUTES);
		List<String> items = List.of(
				"<title>Le Parlement adopte la loi de finances</title><link>https://medias24.com/loi</link>"
						+ pubDate(now.minusHours(2)),
				"<title>Chronique : la réforme au long cours</title><link>https://medias24.com/editorial</link>");
		serveSession("/medias24", "session-1", items);
		poll("medias24");
		this.jdbc.sql("UPDATE item SET sort_at = :at, first_seen_at = :at, published_at = :at WHERE source_id = 'medias24'"
				+ " AND title LIKE 'Chronique%'")
			.param("at", Instant.now().minus(Duration.ofDays(40)).atOffset(ZoneOffset.UTC))
			.update();
		assertThat(this.pruner.pruneOlderThan(Instant.now().minus(Duration.ofDays(30)))).isOne();

		serveSession("/medias24", "session-2", items);
		poll("medias24");
		serveSession("/medias24", "session-3", items);
		poll("medias24");

		assertThat(titles("medias24")).containsExactly("Le Parlement adopte la loi de finances");
		// Remembered once, under its first guid, and seen by these polls; forgotten, it would be new again.
		assertThat(this.pruned.forgetOlderThan(Instant.now().minus(Duration.ofMinutes(1)))).isZero();
		assertThat(this.pruned.forgetOlderThan(Instant.now().plusSeconds(1))).isOne();
		serveSession("/medias24", "session-4", items);
		poll("medias24");
		assertThat(titles("medias24")).contains("Chronique : la réforme au long cours");
	}

	/** The items, each under a guid of the session that serves them, as some feeds give at every fetch. */
	private static void serveSession(String path, String session, List<String> items) {
		List<String> listed = new ArrayList<>();
		for (int i = 0; i < items.size(); i++) {
			listed.add("<item><guid isPermaLink=\"false\">" + session + "-" + i + "</guid>" + items.get(i) + "</item>");
		}
		serve(path, listed.toArray(String[]::new));
	}

	private static String pubDate(ZonedDateTime published) {
		return "<pubDate>" + DateTimeFormatter.RFC_1123_DATE_TIME.format(published) + "</pubDate>";
	}

	private long droppedRows(String source) {
		return this.jdbc.sql("SELECT COUNT(*) FROM dropped_item WHERE source_id = :source")
			.param("source", source)
			.query(Long.class)
			.single();
	}

	/** What /api/sources counts as dropped by the source's rule. */
	private long dropped(String source) throws Exception {
		return this.json.readTree(body("/api/sources?source=" + source))
			.get("sources")
			.get(0)
			.get("dropped")
			.get("drop: publireportage")
			.asLong();
	}

	private static void serve(String path, String... items) {
		server.stubFor(WireMock.get(path)
			.willReturn(aResponse().withHeader("Content-Type", "application/rss+xml; charset=utf-8")
				.withBody("<?xml version=\"1.0\" encoding=\"UTF-8\"?><rss version=\"2.0\"><channel><title>" + path
						+ "</title><link>https://fr.le360.ma/</link><description>d</description><language>fr</language>"
						+ String.join("", items) + "</channel></rss>")));
	}

	private static String item(String guid, String title, ZonedDateTime published) {
		return "<item><guid>urn:le360:" + guid + "</guid><title>" + title + "</title><link>https://fr.le360.ma/" + guid
				+ "</link><pubDate>" + DateTimeFormatter.RFC_1123_DATE_TIME.format(published) + "</pubDate></item>";
	}

	private static String undated(String guid, String title) {
		return "<item><guid>urn:le360:" + guid + "</guid><title>" + title + "</title><link>https://fr.le360.ma/" + guid
				+ "</link></item>";
	}

	private void poll(String id) {
		this.run.run(this.feeds.get().source(id).orElseThrow());
	}

	private List<String> titles(String source) throws Exception {
		List<String> titles = new ArrayList<>();
		this.json.readTree(body("/api/headlines?source=" + source))
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
