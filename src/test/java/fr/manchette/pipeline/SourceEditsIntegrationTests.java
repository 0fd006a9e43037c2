package fr.manchette.pipeline;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import fr.manchette.config.CurrentFeeds;
import fr.manchette.config.FeedsFile;
import fr.manchette.store.ItemRepository;
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
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A source's life in feeds.yml while the service runs, seen as an operator and a reader see it: over HTTP from the
 * running service, its sources served by WireMock, feeds.yml edited in place.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SourceEditsIntegrationTests {

	private static final Instant NOW = Instant.now();

	private static final String TOKEN = "jeton-de-test-assez-long-pour-etre-accepte";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final HttpClient CLIENT = HttpClient.newHttpClient();

	@RegisterExtension
	static WireMockExtension server = Sites.forTheClass();

	@TempDir
	static Path dir;

	@Autowired
	private CurrentFeeds feeds;

	@Autowired
	private ItemRepository items;

	@LocalServerPort
	private int port;

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) throws IOException {
		server.stubFor(WireMock.get("/first").willReturn(aResponse().withBody(rss("premier"))));
		TestService.use(registry, dir, FeedsYml.inZone("Africa/Casablanca").source("first", url("/first")));
		registry.add("manchette.reload-interval", () -> "200ms");
		registry.add("manchette.polling.start-jitter", () -> "0s");
		registry.add("manchette.admin.token", () -> TOKEN);
	}

	@Test
	void aRenamedSourceShowsItsNewNameAtOnceEvenToAClientThatRevalidatesByDate() throws Exception {
		server.stubFor(WireMock.get("/renamed").willReturn(aResponse().withBody(rss("renommé"))));
		edit(FeedsYml.inZone("Africa/Casablanca")
			.source("renamed", "Ancien Nom", url("/renamed"), "category: actualite"));
		await().atMost(Duration.ofSeconds(20)).until(() -> this.items.countBySource().getOrDefault("renamed", 0L) == 2);
		List<String> documents = List.of("/feed.atom", "/feed.rss", "/feed.json", "/api/headlines", "/",
				"/headlines.txt?source=renamed", "/api/sources", "/sources", "/opml");
		for (String document : documents.subList(0, 5)) {
			assertThat(get(document, null).body()).as(document).contains("Ancien Nom");
		}
		// A date is sent once it tells this copy from those answered before: changes a second apart may share one.
		String lastModified = await().atMost(Duration.ofSeconds(10))
			.until(() -> get("/feed.atom", null).headers().firstValue("Last-Modified"), Optional::isPresent)
			.orElseThrow();

		edit(FeedsYml.inZone("Africa/Casablanca")
			.source("renamed", "Nouveau Nom", url("/renamed"), "category: sport"));

		// A reader that revalidates with If-Modified-Since alone (no ETag kept) is not told its copy is current.
		for (String document : documents) {
			HttpResponse<String> answer = get(document, lastModified);
			assertThat(answer.statusCode()).as(document).isEqualTo(200);
			if (!document.startsWith("/headlines.txt")) {
				assertThat(answer.body()).as(document).contains("Nouveau Nom").doesNotContain("Ancien Nom");
			}
		}
		// The category filter goes by the source's category in feeds.yml now: its items are in sport.
		assertThat(get("/api/headlines?category=sport", null).body()).contains("renommé 1", "renommé 2");
		assertThat(get("/api/headlines?category=actualite", null).statusCode()).isEqualTo(400);
	}

	@Test
	void aSourceInBackoffGivenAnotherUrlIsPolledAtOnceThereWithoutTheOldValidators() throws Exception {
		// The old address once answered with an ETag, then failed: the source waits in its backoff.
		server.stubFor(WireMock.get("/old").willReturn(aResponse().withHeader("ETag", "\"old\"").withBody(rss("ancien"))));
		edit(FeedsYml.inZone("Africa/Casablanca").source("moving", url("/old")));
		await().atMost(Duration.ofSeconds(20)).until(() -> this.items.countBySource().getOrDefault("moving", 0L) == 2);
		server.stubFor(WireMock.get("/old").willReturn(aResponse().withStatus(500)));
		pollNow("moving");
		// It fails, and backs off for twice its interval: 30 minutes.
		await().atMost(Duration.ofSeconds(20))
			.until(() -> get("/api/sources", null).body().contains("\"failuresInRow\":1"));

		// The new address would answer 304 to the old address's ETag: that would hide its items.
		server.stubFor(WireMock.get("/new")
			.withHeader("If-None-Match", WireMock.matching(".*"))
			.willReturn(aResponse().withStatus(304)));
		server.stubFor(WireMock.get("/new")
			.withHeader("If-None-Match", absent())
			.willReturn(aResponse().withBody(rss("nouveau"))));
		edit(FeedsYml.inZone("Africa/Casablanca").source("moving", url("/new")));

		await().atMost(Duration.ofSeconds(20)).until(() -> this.items.countBySource().getOrDefault("moving", 0L) == 4);
		server.verify(getRequestedFor(urlEqualTo("/new")).withHeader("If-None-Match", absent()));
		assertThat(get("/api/headlines?source=moving", null).body()).contains("nouveau 1", "nouveau 2");
	}

	/**
	 * A url edited while a poll of the old one runs: the new url is polled as soon as that poll ends, not an interval
	 * (15 minutes here) after it. The old address answers slowly, so that the edit lands during its poll.
	 */
	@Test
	void aUrlEditedWhileTheOldOneIsPolledIsPolledAsSoonAsThatPollEnds() throws Exception {
		server.stubFor(WireMock.get("/slow").willReturn(aResponse().withFixedDelay(8_000).withBody(rss("lent"))));
		server.stubFor(WireMock.get("/quick").willReturn(aResponse().withBody(rss("rapide"))));
		edit(FeedsYml.inZone("Africa/Casablanca").source("edited", url("/slow")));
		await().atMost(Duration.ofSeconds(20))
			.until(() -> !server.findAll(getRequestedFor(urlEqualTo("/slow"))).isEmpty());

		edit(FeedsYml.inZone("Africa/Casablanca").source("edited", url("/quick")));

		await().atMost(Duration.ofSeconds(60)).until(() -> this.items.countBySource().getOrDefault("edited", 0L) == 4);
		assertThat(get("/api/headlines?source=edited", null).body()).contains("rapide 1", "rapide 2");
	}

	/**
	 * A source whose {@code type} or {@code select} changes at the same url is read again at once, without the
	 * validators earned the old way: the server would answer them 304 (nothing changed there), and what the new way
	 * reads from the page would wait for the page to change.
	 */
	@Test
	void aSourceReadAnotherWayAtTheSameUrlIsPolledAtOnceWithoutTheOldValidators() throws Exception {
		// A server that answers 304 to any validator, as it would while its content does not change.
		server.stubFor(WireMock.get("/fil").withHeader("If-None-Match", WireMock.matching(".*"))
			.willReturn(aResponse().withStatus(304)));
		server.stubFor(WireMock.get("/fil").withHeader("If-Modified-Since", WireMock.matching(".*"))
			.willReturn(aResponse().withStatus(304)));
		server.stubFor(WireMock.get("/fil").withHeader("If-None-Match", absent())
			.withHeader("If-Modified-Since", absent())
			.willReturn(aResponse().withHeader("ETag", "\"fil\"")
				.withHeader("Last-Modified", "Fri, 16 May 2025 10:00:00 GMT")
				.withBody(rss("flux"))));
		edit(FeedsYml.inZone("Africa/Casablanca").source("reread", url("/fil")));
		await().atMost(Duration.ofSeconds(20)).until(() -> this.items.countBySource().getOrDefault("reread", 0L) == 2);

		// The site gives up its feed for a page at the same address; the operator has it scraped.
		server.stubFor(WireMock.get("/fil").withHeader("If-None-Match", absent())
			.withHeader("If-Modified-Since", absent())
			.willReturn(aResponse().withHeader("Content-Type", "text/html; charset=utf-8")
				.withHeader("ETag", "\"fil\"")
				.withBody(page("Le fil en page 1", "Le fil en page 2"))));
		edit(FeedsYml.inZone("Africa/Casablanca").source("reread", "reread", url("/fil"), "type: html",
				"select:\n  item: li\n  title: a"));
		await().atMost(Duration.ofSeconds(20)).until(() -> this.items.countBySource().getOrDefault("reread", 0L) == 4);

		// Other selectors: the same page read again, what they read now stored (here the headlines from the em).
		edit(FeedsYml.inZone("Africa/Casablanca").source("reread", "reread", url("/fil"), "type: html",
				"select:\n  item: li\n  title: em"));
		await().atMost(Duration.ofSeconds(20))
			.until(() -> get("/api/headlines?source=reread", null).body().contains("Sous-titre 1"));
		server.verify(3, getRequestedFor(urlEqualTo("/fil")).withHeader("If-None-Match", absent()));
	}

	@Test
	void aSourceGivenAnotherIdOrRemovedLeavesEveryListAtOnceAndFindsItsItemsWhenPutBack() throws Exception {
		server.stubFor(WireMock.get("/kept").willReturn(aResponse().withBody(rss("gardé"))));
		server.stubFor(WireMock.get("/relabelled").willReturn(aResponse().withBody(rss("réétiqueté"))));
		edit(FeedsYml.inZone("Africa/Casablanca")
			.source("kept", "Gardé", url("/kept"))
			.source("old-id", "Le Site", url("/relabelled"), "category: sport"));
		await().atMost(Duration.ofSeconds(20)).until(() -> this.items.countBySource().getOrDefault("old-id", 0L) == 2
				&& this.items.countBySource().getOrDefault("kept", 0L) == 2);

		// The same feed under a new id: its items are stored again under it, each story listed once, as its own.
		edit(FeedsYml.inZone("Africa/Casablanca")
			.source("kept", "Gardé", url("/kept"))
			.source("new-id", "Le Site", url("/relabelled"), "category: sport"));
		await().atMost(Duration.ofSeconds(20)).until(() -> this.items.countBySource().getOrDefault("new-id", 0L) == 2);
		List<JsonNode> relabelled = new ArrayList<>();
		JSON.readTree(get("/api/headlines?limit=500", null).body()).get("headlines").forEach((headline) -> {
			if (headline.get("title").asString().startsWith("réétiqueté")) {
				relabelled.add(headline);
			}
		});
		assertThat(relabelled).hasSize(2).allSatisfy((headline) -> {
			assertThat(headline.get("source").asString()).isEqualTo("new-id");
			assertThat(headline.get("sourceName").asString()).isEqualTo("Le Site");
			assertThat(headline.get("category").asString()).isEqualTo("sport");
			assertThat(headline.get("alsoIn")).isEmpty();
		});
		String story = relabelled.get(0).get("story").asString();
		for (String document : List.of("/feed.atom", "/feed.rss", "/feed.json", "/api/headlines?order=une", "/",
				"/api/stories/" + story)) {
			assertThat(get(document, null).body()).as(document).doesNotContain("old-id");
		}

		// Taken out of feeds.yml: out of every list at once; its items stay stored.
		edit(FeedsYml.inZone("Africa/Casablanca").source("kept", "Gardé", url("/kept")));
		for (String document : List.of("/feed.atom", "/feed.rss", "/feed.json", "/api/headlines", "/headlines.txt",
				"/api/headlines?order=une", "/")) {
			assertThat(get(document, null).body()).as(document).contains("gardé 1").doesNotContain("réétiqueté");
		}
		assertThat(get("/api/stories/" + story, null).statusCode()).isEqualTo(404);

		// Put back under its id: its items are its own again, none stored twice.
		edit(FeedsYml.inZone("Africa/Casablanca")
			.source("kept", "Gardé", url("/kept"))
			.source("new-id", "Le Site", url("/relabelled"), "category: sport"));
		assertThat(get("/headlines.txt", null).body()).contains("réétiqueté 1", "réétiqueté 2");
		assertThat(this.items.countBySource()).containsEntry("new-id", 2L);
	}

	@Test
	void aSourceSetEnabledFalseIsNoLongerPolledAndItsItemsStayListed() throws Exception {
		server.stubFor(WireMock.get("/paused").willReturn(aResponse().withBody(rss("en pause"))));
		edit(FeedsYml.inZone("Africa/Casablanca").source("paused", "En pause", url("/paused")));
		await().atMost(Duration.ofSeconds(20)).until(() -> this.items.countBySource().getOrDefault("paused", 0L) == 2);

		edit(FeedsYml.inZone("Africa/Casablanca").source("paused", "En pause", url("/paused"), "enabled: false"));

		JsonNode status = JSON.readTree(get("/api/sources?source=paused", null).body()).get("sources").get(0);
		assertThat(status.get("enabled").asBoolean()).isFalse();
		assertThat(status.get("nextPoll").isNull()).isTrue();
		for (String document : List.of("/feed.atom", "/feed.rss", "/feed.json", "/api/headlines", "/headlines.txt",
				"/api/headlines?source=paused", "/")) {
			assertThat(get(document, null).body()).as(document).contains("en pause 1", "en pause 2");
		}
		// Only the enabled sources are offered to a feed reader.
		assertThat(get("/opml", null).body()).doesNotContain("/paused");
	}

	/**
	 * An interval edited shows at once where the interval in force is shown, as the name does: not the one the last
	 * poll decided under the old file, next to a next poll that the edit has brought forward already.
	 */
	@Test
	void anEditedIntervalShowsOnTheSourcesAtOnce() throws Exception {
		server.stubFor(WireMock.get("/paced").willReturn(aResponse().withBody(rss("cadencé"))));
		edit(FeedsYml.inZone("Africa/Casablanca").source("paced", "Cadencé", url("/paced"), "interval: 30m"));
		await().atMost(Duration.ofSeconds(20))
			.until(() -> pace("paced").get("lastPoll").isString() && pace("paced").get("intervalSeconds").asLong() == 1800);

		edit(FeedsYml.inZone("Africa/Casablanca").source("paced", "Cadencé", url("/paced"), "interval: 10m"));
		JsonNode shortened = pace("paced");
		assertThat(shortened.get("intervalSeconds").asLong()).isEqualTo(600);
		assertThat(shortened.get("intervalReason").asString()).isEqualTo("fixed");
		assertThat(get("/sources", null).body()).contains("10\u00A0min").doesNotContain("30\u00A0min");

		// Made longer, it applies from the next poll on, and shows so at once too.
		edit(FeedsYml.inZone("Africa/Casablanca").source("paced", "Cadencé", url("/paced"), "interval: 2h"));
		assertThat(pace("paced").get("intervalSeconds").asLong()).isEqualTo(7200);
	}

	/**
	 * Adaptive turned on: what adaptive says before any poll of the new regime shows at once, as an edited interval
	 * does (its rate not measured by a single poll: its interval, as a start); turned off, the fixed interval again.
	 */
	@Test
	void anAdaptiveSwitchShowsOnTheSourcesAtOnce() throws Exception {
		server.stubFor(WireMock.get("/switched").willReturn(aResponse().withBody(rss("basculé"))));
		edit(FeedsYml.inZone("Africa/Casablanca").source("switched", "Basculé", url("/switched"), "interval: 30m"));
		await().atMost(Duration.ofSeconds(20)).until(() -> pace("switched").get("lastPoll").isString()
				&& pace("switched").get("intervalReason").asString().equals("fixed"));

		edit(FeedsYml.inZone("Africa/Casablanca")
			.source("switched", "Basculé", url("/switched"), "interval: 30m", "adaptive: true"));
		JsonNode adaptive = pace("switched");
		assertThat(adaptive.get("intervalReason").asString()).as(adaptive.toString()).isEqualTo("start");
		assertThat(adaptive.get("intervalSeconds").asLong()).isEqualTo(1800);
		assertThat(get("/sources", null).body()).contains("adaptatif, à mesurer");

		edit(FeedsYml.inZone("Africa/Casablanca").source("switched", "Basculé", url("/switched"), "interval: 30m"));
		JsonNode fixed = pace("switched");
		assertThat(fixed.get("intervalReason").asString()).isEqualTo("fixed");
		assertThat(fixed.get("intervalSeconds").asLong()).isEqualTo(1800);
	}

	/**
	 * A rule taken out: what it dropped comes back at the next poll, though the feed did not change and would answer
	 * its validators with a 304, which would leave the items out until it changes.
	 */
	@Test
	void whatARuleTakenOutDroppedComesBackAtTheNextPollThoughTheFeedDidNotChange() throws Exception {
		server.stubFor(WireMock.get("/judged").withHeader("If-None-Match", WireMock.matching(".*"))
			.willReturn(aResponse().withStatus(304)));
		server.stubFor(WireMock.get("/judged").withHeader("If-None-Match", absent())
			.willReturn(aResponse().withHeader("ETag", "\"jugé\"").withBody(rss("jugé"))));
		edit(FeedsYml.inZone("Africa/Casablanca").source("judged", "Jugé", url("/judged"), "drop:\n  - jugé 2"));
		await().atMost(Duration.ofSeconds(20)).until(() -> this.items.countBySource().getOrDefault("judged", 0L) == 1);

		edit(FeedsYml.inZone("Africa/Casablanca").source("judged", "Jugé", url("/judged")));
		pollNow("judged");

		await().atMost(Duration.ofSeconds(20)).until(() -> this.items.countBySource().getOrDefault("judged", 0L) == 2);
		assertThat(get("/headlines.txt?source=judged", null).body()).contains("jugé 1", "jugé 2");
	}

	/** Asks the service to poll the source now, as an operator does (see Admin actions in the README). */
	private void pollNow(String source) throws IOException, InterruptedException {
		HttpResponse<String> asked = CLIENT.send(HttpRequest
			.newBuilder(URI.create("http://localhost:" + this.port + "/admin/sources/" + source + "/poll"))
			.header("Authorization", "Bearer " + TOKEN)
			.POST(HttpRequest.BodyPublishers.noBody())
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(asked.statusCode()).isEqualTo(202);
	}

	private JsonNode pace(String source) throws IOException, InterruptedException {
		return JSON.readTree(get("/api/sources?source=" + source, null).body()).get("sources").get(0);
	}

	/** Writes feeds.yml and waits for the service to take it: each edit here differs from the file before. */
	private void edit(FeedsYml yaml) throws IOException {
		FeedsFile before = this.feeds.get();
		yaml.writeTo(TestService.feedsFile(dir));
		await().atMost(Duration.ofSeconds(20)).until(() -> this.feeds.get() != before);
	}

	private HttpResponse<String> get(String path, String ifModifiedSince) throws IOException, InterruptedException {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path));
		if (ifModifiedSince != null) {
			request.header("If-Modified-Since", ifModifiedSince);
		}
		return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	private static String url(String path) {
		return "http://localhost:" + server.getPort() + path;
	}

	/** A page whose list items each hold a link (the headline) and an emphasis (its subtitle). */
	private static String page(String... titles) {
		StringBuilder html = new StringBuilder("<!DOCTYPE html><html lang=\"fr\"><body><ul>");
		for (int i = 0; i < titles.length; i++) {
			html.append("<li><a href=\"https://fil.example/").append(i + 1).append("\">").append(titles[i])
				.append("</a> <em>Sous-titre ").append(i + 1).append("</em></li>");
		}
		return html.append("</ul></body></html>").toString();
	}

	/** Two items whose titles are {@code title 1} and {@code title 2}, published ten and twenty minutes ago. */
	private static String rss(String title) {
		DateTimeFormatter rfc822 = DateTimeFormatter.RFC_1123_DATE_TIME;
		StringBuilder rss = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?><rss version=\"2.0\"><channel>"
				+ "<title>" + title + "</title><link>https://" + title.hashCode() + ".example/</link>");
		for (int i = 1; i <= 2; i++) {
			rss.append("<item><title>").append(title).append(' ').append(i).append("</title><link>https://")
				.append(Integer.toHexString(title.hashCode())).append(".example/").append(i).append("</link><pubDate>")
				.append(rfc822.format(NOW.minus(Duration.ofMinutes(10L * i)).atOffset(ZoneOffset.UTC)))
				.append("</pubDate></item>");
		}
		return rss.append("</channel></rss>").toString();
	}

}
