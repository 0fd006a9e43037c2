package fr.manchette.web;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.zip.GZIPInputStream;

import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import fr.manchette.config.CurrentFeeds;
import fr.manchette.pipeline.IngestRun;
import fr.manchette.publish.FeedLinks;
import fr.manchette.publish.PageFilters;
import fr.manchette.publish.Headline;
import fr.manchette.publish.MergedFeedWriter;
import fr.manchette.publish.Ticker;
import fr.manchette.store.ItemQuery;
import fr.manchette.store.StoreChanges;
import fr.manchette.store.StoryQueries;
import fr.manchette.support.Sites;
import fr.manchette.support.TestService;
import org.apache.catalina.connector.Connector;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.tomcat.TomcatWebServer;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.assertj.core.api.InstanceOfAssertFactories.STRING;

/**
 * The feeds and the ticker served from memory, over HTTP from a running service: the bytes served again are the
 * bytes a fresh render gives, in gzip too; conditional requests get their 304 in every form HTTP allows; a store
 * change gives new bytes and new validators; a bad query is refused every time, never cached; every error, down to a
 * request that Tomcat refuses by itself, is a problem document.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "manchette.polling.enabled=false", "server.forward-headers-strategy=framework" })
class PublishedDocumentsTests {

	private static final Instant NOW = Instant.now();

	/** IMF-fixdate, the one form of HTTP date a server may send (RFC 9110 §5.6.7). */
	private static final DateTimeFormatter HTTP_DATE = DateTimeFormatter
		.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US)
		.withZone(ZoneOffset.UTC);

	private static final HttpClient CLIENT = HttpClient.newHttpClient();

	private static final List<String> DOCUMENTS = List.of("/feed.atom", "/feed.rss", "/feed.json", "/headlines.txt",
			"/api/headlines", "/", "/feed.atom?category=sport", "/api/headlines?q=loi&limit=3");

	@RegisterExtension
	static WireMockExtension sites = Sites.forEachTest();

	@TempDir
	static Path dir;

	private static boolean polled;

	@Autowired
	private IngestRun ingestRun;

	@Autowired
	private CurrentFeeds feeds;

	@Autowired
	private StoryQueries items;

	@Autowired
	private MergedFeedWriter writer;

	@Autowired
	private Ticker ticker;

	@Autowired
	private StoreChanges changes;

	@Autowired
	private JsonMapper json;

	@Autowired
	private WebServerApplicationContext context;

	@LocalServerPort
	private int port;

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) throws IOException {
		TestService.use(registry, dir, NewsFeed.threeSources(sites.getPort(), "Europe/Paris"));
	}

	@BeforeEach
	void pollOnce() {
		if (polled) {
			return;
		}
		NewsFeed.serveThreeSources(sites, NOW);
		TestService.pollEverySource(this.ingestRun, this.feeds);
		polled = true;
	}

	@Test
	void bytesServedAgainAreTheBytesOfTheFirstRender() throws Exception {
		for (String path : DOCUMENTS) {
			HttpResponse<byte[]> first = get(path, Map.of());
			HttpResponse<byte[]> again = get(path, Map.of());

			assertThat(first.statusCode()).as(path).isEqualTo(200);
			assertThat(again.body()).as(path).isEqualTo(first.body());
			assertThat(again.headers().firstValue("ETag")).as(path).isEqualTo(first.headers().firstValue("ETag"));
			assertThat(again.headers().firstValueAsLong("Content-Length")).as(path).hasValue(first.body().length);
		}
	}

	@Test
	void cachedBytesAreWhatAFreshRenderGives() throws Exception {
		get("/feed.atom", Map.of());
		get("/api/headlines", Map.of());
		get("/headlines.txt", Map.of());
		String base = "http://localhost:" + this.port;
		String atom = this.writer.atom(this.items.latestStories(ItemQuery.latest(ItemQuery.DEFAULT_LIMIT)),
				new FeedLinks(base + "/feed.atom", base + "/"), this.changes.current().at(), PageFilters.NONE);
		String headlines = this.json.writeValueAsString(this.ticker.headlines(ItemQuery.latest(ItemQuery.DEFAULT_LIMIT)));

		assertThat(text(get("/feed.atom", Map.of()))).isEqualTo(atom);
		assertThat(text(get("/api/headlines", Map.of()))).isEqualTo(headlines);
		assertThat(text(get("/headlines.txt", Map.of())))
			.isEqualTo(this.ticker.headlines(ItemQuery.latest(ItemQuery.DEFAULT_LIMIT)).text());
	}

	@Test
	void gzipIsTheSameDocumentUnderAWeakTag() throws Exception {
		for (String path : DOCUMENTS) {
			HttpResponse<byte[]> plain = get(path, Map.of());
			HttpResponse<byte[]> gzipped = get(path, Map.of("Accept-Encoding", "br;q=1.0, gzip;q=0.8, *;q=0.1"));
			String strong = plain.headers().firstValue("ETag").orElseThrow();

			assertThat(plain.headers().firstValue("Content-Encoding")).as(path).isEmpty();
			assertThat(gzipped.headers().firstValue("Content-Encoding")).as(path).hasValue("gzip");
			assertThat(gzipped.headers().firstValue("Vary")).as(path).hasValue("Accept-Encoding");
			assertThat(plain.headers().firstValue("Vary")).as(path).hasValue("Accept-Encoding");
			assertThat(gzipped.headers().firstValue("ETag")).as(path).hasValue("W/" + strong);
			assertThat(gunzip(gzipped.body())).as(path).isEqualTo(plain.body());
			assertThat(gzipped.headers().firstValue("Content-Type")).as(path)
				.isEqualTo(plain.headers().firstValue("Content-Type"));
			// Either tag names the current document: weak comparison (RFC 9110 §13.1.2).
			assertThat(get(path, Map.of("If-None-Match", "W/" + strong)).statusCode()).as(path).isEqualTo(304);
			assertThat(get(path, Map.of("If-None-Match", strong, "Accept-Encoding", "gzip")).statusCode()).as(path)
				.isEqualTo(304);
		}
		assertThat(get("/feed.atom", Map.of("Accept-Encoding", "gzip;q=0, deflate")).headers()
			.firstValue("Content-Encoding")).isEmpty();
	}

	@Test
	void conditionalRequestsInEveryFormGetA304WithNoBody() throws Exception {
		datesTell();
		for (String path : DOCUMENTS) {
			HttpResponse<byte[]> first = get(path, Map.of());
			String etag = first.headers().firstValue("ETag").orElseThrow();
			String lastModified = first.headers().firstValue("Last-Modified").orElseThrow();
			ZonedDateTime modified = ZonedDateTime.parse(lastModified, HTTP_DATE);
			String before = HTTP_DATE.format(modified.minusSeconds(1));
			// The obsolete forms of the same date that RFC 9110 §5.6.7 has a server read: RFC 850's and asctime's.
			String rfc850 = DateTimeFormatter.ofPattern("EEEE, dd-MMM-yy HH:mm:ss 'GMT'", Locale.US).format(modified);
			String asctime = DateTimeFormatter.ofPattern("EEE MMM ppd HH:mm:ss yyyy", Locale.US).format(modified);

			assertThat(lastModified).as(path).matches("[A-Z][a-z]{2}, \\d{2} [A-Z][a-z]{2} \\d{4} \\d{2}:\\d{2}:\\d{2} GMT");

			for (Map<String, String> conditions : List.of(Map.of("If-None-Match", etag),
					Map.of("If-None-Match", "\"other\", " + etag), Map.of("If-None-Match", "*"),
					Map.of("If-Modified-Since", lastModified), Map.of("If-Modified-Since", rfc850),
					Map.of("If-Modified-Since", asctime))) {
				HttpResponse<byte[]> second = get(path, conditions);
				assertThat(second.statusCode()).as(path + " " + conditions).isEqualTo(304);
				assertThat(second.body()).isEmpty();
				assertThat(second.headers().firstValue("ETag")).hasValue(etag);
				assertThat(second.headers().firstValue("Cache-Control")).hasValue("no-cache");
			}
			assertThat(get(path, Map.of("If-Modified-Since", before)).statusCode()).as(path).isEqualTo(200);
			assertThat(get(path, Map.of("If-Modified-Since", "yesterday")).statusCode()).as(path).isEqualTo(200);
			// If-None-Match decides when there is one, whatever If-Modified-Since says.
			assertThat(get(path, Map.of("If-None-Match", "\"other\"", "If-Modified-Since", lastModified)).statusCode())
				.as(path)
				.isEqualTo(200);
		}
	}

	/**
	 * {@code If-Match} and {@code If-Unmodified-Since} (RFC 9110 §13.1.1, §13.1.4), in the order of §13.2.2: a GET whose
	 * {@code If-Match} names no current version, or whose copy is older than the document, gets a 412 problem
	 * document and no bytes; {@code If-Match} compares strongly (a weak tag never matches), and when it is there
	 * {@code If-Unmodified-Since} is not read; both come before {@code If-None-Match}. Asked at a new address (rendered
	 * by Spring MVC) and again (answered from memory), alike.
	 */
	@Test
	void ifMatchAndIfUnmodifiedSinceThatFailGetA412() throws Exception {
		for (String document : DOCUMENTS) {
			String path = document + (document.contains("?") ? "&" : "?") + "lang=";
			// First at an address of its own, not yet rendered: refused before anything is.
			HttpResponse<byte[]> refusedFirst = get(path, Map.of("If-Match", "\"other\""));
			assertThat(refusedFirst.statusCode()).as(path).isEqualTo(412);
			HttpResponse<byte[]> first = get(path, Map.of());
			String etag = first.headers().firstValue("ETag").orElseThrow();
			String lastModified = first.headers().firstValue("Last-Modified").orElseThrow();
			String before = HTTP_DATE.format(ZonedDateTime.parse(lastModified, HTTP_DATE).minusSeconds(1));

			for (Map<String, String> holding : List.of(Map.of("If-Match", etag), Map.of("If-Match", "*"),
					Map.of("If-Match", "\"other\", " + etag), Map.of("If-Unmodified-Since", lastModified),
					Map.of("If-Unmodified-Since", "yesterday"), Map.of("If-Match", etag, "If-Unmodified-Since", before),
					Map.of("If-Match", etag, "Accept-Encoding", "gzip"))) {
				HttpResponse<byte[]> answer = get(path, holding);
				assertThat(answer.statusCode()).as(path + " " + holding).isEqualTo(200);
				assertThat(answer.body()).as(path + " " + holding).isNotEmpty();
			}
			assertThat(get(path, Map.of("If-Match", etag, "If-None-Match", etag)).statusCode()).as(path).isEqualTo(304);
			for (Map<String, String> failing : List.of(Map.of("If-Match", "\"other\""), Map.of("If-Match", "W/" + etag),
					Map.of("If-Unmodified-Since", before), Map.of("If-Match", "\"other\"", "If-None-Match", etag),
					Map.of("If-Match", "\"other\"", "If-Unmodified-Since", lastModified),
					Map.of("If-Unmodified-Since", before, "If-Modified-Since", lastModified))) {
				HttpResponse<byte[]> answer = get(path, failing);
				assertThat(answer.statusCode()).as(path + " " + failing).isEqualTo(412);
				assertThat(answer.headers().firstValue("Content-Type")).as(path)
					.hasValue("application/problem+json");
				JsonNode problem = this.json.readTree(answer.body());
				assertThat(problem.get("status").asInt()).isEqualTo(412);
				assertThat(problem.get("instance").asString()).as(path).isEqualTo(path.replaceFirst("\\?.*", ""));
				assertThat(problem.get("detail").asString()).as(path)
					.contains(failing.containsKey("If-Match") ? "If-Match" : "If-Unmodified-Since");
			}
		}
		// The documents answered by their ETag alone take If-Match alike; they have no date to hold to.
		for (String path : List.of("/sources", "/opml")) {
			String etag = get(path, Map.of()).headers().firstValue("ETag").orElseThrow();
			assertThat(get(path, Map.of("If-Match", etag)).statusCode()).as(path).isEqualTo(200);
			assertThat(get(path, Map.of("If-Match", "\"other\"")).statusCode()).as(path).isEqualTo(412);
		}
	}

	/**
	 * {@code If-None-Match} is a list, which a client may send over several lines (RFC 9110 §5.3): the tag on the
	 * second line is as current as on the first, on every document answered by its ETag.
	 */
	@Test
	void anIfNoneMatchOverTwoLinesIsOneList() throws Exception {
		List<String> paths = new ArrayList<>(DOCUMENTS);
		paths.addAll(List.of("/sources", "/opml"));
		for (String path : paths) {
			String etag = get(path, Map.of()).headers().firstValue("ETag").orElseThrow();
			try (Socket socket = new Socket("localhost", this.port)) {
				RawAnswer answer = RawAnswer.exchange(socket, path,
						"If-None-Match: \"other\"\r\nIf-None-Match: " + etag + "\r\n");

				assertThat(answer.status()).as(path).isEqualTo("HTTP/1.1 304 ");
			}
		}
	}

	/**
	 * A date the server never gave, later than now, is no condition (RFC 9110 §13.1.3): taken as one, it would get
	 * 304s after the store changed. A minute ahead is tolerated, a client's clock running ahead of ours.
	 */
	@Test
	void anIfModifiedSinceLaterThanNowIsNoCondition() throws Exception {
		datesTell();
		for (String document : DOCUMENTS) {
			// An address of its own: its first answer is rendered, the second comes from memory.
			String path = document + (document.contains("?") ? "&" : "?") + "source=";
			String tomorrow = HTTP_DATE.format(Instant.now().plusSeconds(86_400));
			String inAnHour = HTTP_DATE.format(Instant.now().plusSeconds(3_600));

			HttpResponse<byte[]> rendered = get(path, Map.of("If-Modified-Since", tomorrow));
			HttpResponse<byte[]> fromMemory = get(path, Map.of("If-Modified-Since", inAnHour));

			assertThat(rendered.statusCode()).as(path).isEqualTo(200);
			assertThat(fromMemory.statusCode()).as(path).isEqualTo(200);
			assertThat(fromMemory.body()).as(path).isNotEmpty().isEqualTo(rendered.body());
			String skewed = HTTP_DATE.format(Instant.now().plusSeconds(20));
			assertThat(get(path, Map.of("If-Modified-Since", skewed)).statusCode()).as(path).isEqualTo(304);
		}
	}

	/**
	 * Waits until the published documents are sent with a date: right after a change that shares its date with the
	 * change before (a test's poll in the second of the polls before), they are not, for two seconds at most.
	 */
	private void datesTell() {
		await().atMost(Duration.ofSeconds(10))
			.until(() -> get("/feed.atom", Map.of()).headers().firstValue("Last-Modified").isPresent());
	}

	@Test
	void aStoreChangeGivesNewBytesAndNewValidators() throws Exception {
		HttpResponse<byte[]> before = get("/feed.atom", Map.of());
		String etag = before.headers().firstValue("ETag").orElseThrow();
		NewsFeed changed = NewsFeed.quotidien(NOW)
			.with(new NewsFeed.Story("q0", "Le Sénat vote le budget de la culture",
					"https://quotidien.example/senat.html", "", NOW.minusSeconds(60)));
		sites.stubFor(WireMock.get("/quotidien/rss").willReturn(WireMock.aResponse().withBody(changed.rss())));
		this.ingestRun.run(this.feeds.get().source("quotidien").orElseThrow());

		HttpResponse<byte[]> after = get("/feed.atom", Map.of("If-None-Match", etag));

		assertThat(after.statusCode()).isEqualTo(200);
		assertThat(after.headers().firstValue("ETag")).isPresent().isNotEqualTo(Optional.of(etag));
		assertThat(text(after)).contains("Le Sénat vote le budget de la culture")
			.isNotEqualTo(text(before));
		String base = "http://localhost:" + this.port;
		assertThat(text(after)).isEqualTo(this.writer.atom(this.items.latestStories(ItemQuery.latest(50)),
				new FeedLinks(base + "/feed.atom", base + "/"), this.changes.current().at(), PageFilters.NONE));
	}

	@Test
	void answersFromMemoryCarryTheSameHeadersAndAreCounted() throws Exception {
		datesTell();
		HttpResponse<byte[]> rendered = get("/?category=politique", Map.of());
		HttpResponse<byte[]> cached = get("/?category=politique", Map.of());
		get("/feed.rss", Map.of());
		String etag = get("/feed.rss", Map.of()).headers().firstValue("ETag").orElseThrow();
		get("/feed.rss", Map.of("If-None-Match", etag));

		for (String header : List.of("Cache-Control", "Content-Security-Policy", "X-Content-Type-Options",
				"Referrer-Policy", "Content-Type", "ETag", "Last-Modified", "Vary")) {
			assertThat(cached.headers().allValues(header)).as(header)
				.isNotEmpty()
				.isEqualTo(rendered.headers().allValues(header));
		}
		HttpResponse<byte[]> renderedFeed = get("/feed.json?category=politique", Map.of());
		HttpResponse<byte[]> cachedFeed = get("/feed.json?category=politique", Map.of());
		for (String header : List.of("Cache-Control", "Access-Control-Allow-Origin", "Access-Control-Expose-Headers",
				"Content-Type", "ETag", "Vary")) {
			assertThat(cachedFeed.headers().allValues(header)).as(header)
				.isNotEmpty()
				.isEqualTo(renderedFeed.headers().allValues(header));
		}
		assertThat(text(get("/actuator/prometheus", Map.of())))
			.containsPattern("manchette_published_responses_total\\{document=\"rss\",status=\"200\"} [1-9]")
			.containsPattern("manchette_published_responses_total\\{document=\"rss\",status=\"304\"} [1-9]");
	}

	@Test
	void aClientBehindAProxyGetsTheAddressesItAskedWith() throws Exception {
		get("/feed.atom", Map.of());
		Map<String, String> proxied = Map.of("X-Forwarded-Host", "fil.example", "X-Forwarded-Proto", "https");

		String behindProxy = text(get("/feed.atom", proxied));
		String direct = text(get("/feed.atom", Map.of()));

		String self = "href=\"http://localhost:" + this.port + "/feed.atom\"";
		assertThat(behindProxy).contains("href=\"https://fil.example/feed.atom\"").doesNotContain(self);
		assertThat(direct).contains(self).doesNotContain("fil.example");
		assertThat(text(get("/feed.atom", proxied))).isEqualTo(behindProxy);
	}

	@Test
	void aBadQueryIsRefusedEveryTimeAndNothingIsKept() throws Exception {
		for (int i = 0; i < 2; i++) {
			HttpResponse<byte[]> response = get("/feed.atom?limit=abc", Map.of("If-None-Match", "*"));
			assertThat(response.statusCode()).isEqualTo(400);
			assertThat(text(response)).contains("limit");
		}
	}

	@Test
	void aSinceOfYearsBeyondFourDigitsIsABadQuery() throws Exception {
		// ISO-8601 all the same, and an instant Java holds, but not as a date-time at UTC (nor in the store).
		HttpResponse<byte[]> response = get("/api/headlines?since=%2B999999999-12-31T23:59:59-18:00", Map.of());

		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(text(response)).contains("\"parameter\":\"since\"");
	}

	@Test
	void aQueryStringThatTomcatCannotReadIsABadQuery() throws Exception {
		// Tomcat closes the connection after a 400: one connection a request.
		for (String path : List.of("/feed.atom?q=%", "/api/headlines?q=%zz", "/?source=%E9t%E9",
				"/api/sources?category=%", "/api/headlines?=x", "/feed.rss?" + "s=&".repeat(1001))) {
			try (Socket socket = new Socket("localhost", this.port)) {
				RawAnswer answer = RawAnswer.exchange(socket, path, "");

				assertThat(answer.status()).as(path).isEqualTo("HTTP/1.1 400 ");
				assertThat(answer.headers().get("content-type")).as(path).containsExactly("application/problem+json");
				assertThat(new String(answer.body(), StandardCharsets.UTF_8)).as(path)
					.contains("name=value pairs, at most 1000, percent-encoded UTF-8");
			}
		}
	}

	/**
	 * Paths that name nothing, that Tomcat will not map or cannot read, headers over its limit, methods a path does not
	 * take, and {@code /error} asked for: each answer a problem document, never Tomcat's HTML page or Spring Boot's
	 * error JSON.
	 */
	@Test
	void everyErrorIsAProblemDocument() throws Exception {
		List<List<String>> requests = List.of(
				// A path that names nothing: no id, a trailing slash, a double slash, an unknown path, /error itself.
				List.of("GET", "/api/stories/", "404"), List.of("GET", "/api/headlines/", "404"),
				List.of("GET", "/feed.atom/", "404"), List.of("GET", "/sources/", "404"),
				List.of("GET", "/api//headlines", "404"), List.of("GET", "//api/headlines", "404"),
				List.of("GET", "/nothing", "404"), List.of("GET", "/assets/nothing.css", "404"),
				List.of("GET", "/error", "404"), List.of("POST", "/error", "404"),
				// A path Tomcat will not map, or a request line it cannot read.
				List.of("GET", "/api/stories/%00", "400"), List.of("GET", "/a%00b", "400"),
				List.of("GET", "/%2e%2e/etc", "400"), List.of("GET", "/api/%5cheadlines", "400"),
				List.of("GET", "/api%2fheadlines", "400"), List.of("GET", "/api/stories/%ff", "400"),
				List.of("GET", "/a{b}", "400"), List.of("GET", "/a b", "400"),
				List.of("GET", "/" + "a".repeat(33_000), "400"), List.of("GET", "/feed.atom", "400", "a".repeat(33_000)),
				// A method the path does not take.
				List.of("POST", "/api/headlines", "405"), List.of("DELETE", "/feed.atom", "405"),
				List.of("PUT", "/", "405"), List.of("TRACE", "/api/headlines", "405"));
		for (List<String> request : requests) {
			String method = request.get(0);
			String path = request.get(1);
			String as = method + " " + path.substring(0, Math.min(path.length(), 40));
			// Tomcat closes the connection after a request it cannot read: one connection a request.
			String headers = (request.size() > 3) ? "X-Long: " + request.get(3) + "\r\n" : "";
			try (Socket socket = new Socket("localhost", this.port)) {
				RawAnswer answer = RawAnswer.exchange(socket, method, path, headers);

				assertThat(answer.status()).as(as).isEqualTo("HTTP/1.1 " + request.get(2) + " ");
				assertThat(answer.headers().get("content-type")).as(as)
					.singleElement(STRING)
					.startsWith("application/problem+json");
				JsonNode problem = this.json.readTree(answer.body());
				assertThat(problem.get("status").asInt()).as(as).isEqualTo(Integer.parseInt(request.get(2)));
				assertThat(problem.get("title").asString()).as(as).isNotBlank();
				assertThat(problem.get("detail").asString()).as(as).isNotBlank().doesNotContain("static resource");
				// The path asked for, but for a request Tomcat could not read or would not map.
				if (request.get(2).equals("400")) {
					assertThat(problem.has("instance")).as(as).isFalse();
				}
				else {
					assertThat(problem.get("instance").asString()).as(as).isEqualTo(path);
				}
				if (request.get(2).equals("405")) {
					assertThat(answer.headers()).as(as).containsKey("allow");
				}
			}
		}
	}

	/** What an item lacks is a null, not a missing key: the service's JSON writer keeps every key of a headline. */
	@Test
	void aHeadlineWithoutLinkCategoryOrLanguageKeepsTheirKeysAsNull() {
		String written = this.json.writeValueAsString(new Headline("19:35", "Titre", null, "le360", "Le360", null,
				"2025-05-16T19:35:00+01:00", List.of(), "3f1c", 1, null));

		assertThat(written).contains("\"link\":null", "\"category\":null", "\"lang\":null");
	}

	/**
	 * Every path answers its own type whatever the client's {@code Accept} names: a script that asks the JSON paths
	 * for {@code text/plain} or XML gets what the product sheet documents, not a 406.
	 */
	@Test
	void everyPathAnswersItsOwnTypeWhateverAcceptSays() throws Exception {
		String story = this.json.readTree(text(get("/api/headlines", Map.of())))
			.get("headlines")
			.get(0)
			.get("story")
			.asString();
		for (String path : List.of("/api/headlines", "/api/sources", "/api/sources?category=sport",
				"/api/stories/" + story, "/api/webhooks")) {
			for (String accept : List.of("text/plain", "application/xml", "text/html")) {
				HttpResponse<byte[]> answer = get(path, Map.of("Accept", accept));

				assertThat(answer.statusCode()).as(path + " " + accept).isEqualTo(200);
				assertThat(answer.headers().firstValue("Content-Type")).as(path + " " + accept)
					.hasValueSatisfying((type) -> assertThat(type).startsWith("application/json"));
				assertThat(this.json.readTree(answer.body()).isObject()).as(path + " " + accept).isTrue();
			}
		}
		for (String path : List.of("/", "/sources", "/opml", "/feed.atom", "/feed.rss", "/feed.json", "/headlines.txt")) {
			assertThat(get(path, Map.of("Accept", "application/x-nothing")).statusCode()).as(path).isEqualTo(200);
		}
		// A monitor that asks for a page or JSON: the health in JSON, the metrics in Prometheus' text.
		for (String accept : List.of("text/html", "application/xml", "text/plain", "application/x-nothing")) {
			HttpResponse<byte[]> health = get("/actuator/health", Map.of("Accept", accept));
			assertThat(health.statusCode()).as("health " + accept).isEqualTo(200);
			assertThat(this.json.readTree(health.body()).get("status").asString()).as("health " + accept).isEqualTo("UP");
		}
		for (String accept : List.of("text/html", "application/json", "application/x-nothing")) {
			HttpResponse<byte[]> metrics = get("/actuator/prometheus", Map.of("Accept", accept));
			assertThat(metrics.statusCode()).as("prometheus " + accept).isEqualTo(200);
			assertThat(metrics.headers().firstValue("Content-Type")).as("prometheus " + accept)
				.hasValueSatisfying((type) -> assertThat(type).startsWith("text/plain;version=0.0.4"));
		}
		// Asked for by name, a type the path has is still the one given.
		assertThat(get("/actuator/prometheus", Map.of("Accept", "application/openmetrics-text")).headers()
			.firstValue("Content-Type")).hasValueSatisfying((type) -> assertThat(type).startsWith("application/openmetrics-text"));
	}

	/**
	 * {@code Allow} says what the path takes, as its {@code OPTIONS} answer does, whatever the method refused: TRACE,
	 * which Tomcat refused by itself listing the servlet's methods, included. A TRACE is never echoed back.
	 */
	@Test
	void allowSaysWhatEachPathTakes() throws Exception {
		String stylesheet = text(get("/", Map.of())).replaceFirst("(?s).*href=\"(/assets/[^\"]+\\.css)\".*", "$1");
		assertThat(stylesheet).startsWith("/assets/");
		List<String> paths = List.of("/feed.atom", "/feed.rss", "/feed.json", "/headlines.txt", "/api/headlines", "/",
				"/sources", "/opml", "/api/sources", "/api/webhooks", "/api/stories/0123", "/actuator/health",
				"/actuator/prometheus", stylesheet);
		for (String path : paths) {
			try (Socket socket = new Socket("localhost", this.port)) {
				Map<String, List<String>> headers = RawAnswer.exchange(socket, "OPTIONS", path, "").headers();
				assertThat(headers.get("allow")).as("OPTIONS " + path).containsExactly("GET,HEAD,OPTIONS");
				// Accept-Patch, even empty, says that the path takes PATCH (RFC 5789 §3.1).
				assertThat(headers).as("OPTIONS " + path).doesNotContainKey("accept-patch");
			}
			for (String method : List.of("TRACE", "POST", "PUT", "DELETE", "PATCH")) {
				try (Socket socket = new Socket("localhost", this.port)) {
					RawAnswer answer = RawAnswer.exchange(socket, method, path, "Cookie: session=s3cret\r\n");

					assertThat(answer.status()).as(method + " " + path).isEqualTo("HTTP/1.1 405 ");
					assertThat(answer.headers().get("allow")).as(method + " " + path)
						.containsExactly("GET,HEAD,OPTIONS");
					assertThat(answer.headers().get("content-type")).as(method + " " + path)
						.containsExactly("application/problem+json");
					assertThat(answer.text()).as(method + " " + path).doesNotContain("s3cret");
				}
			}
		}
		try (Socket socket = new Socket("localhost", this.port)) {
			assertThat(RawAnswer.exchange(socket, "TRACE", "/nothing", "").status()).isEqualTo("HTTP/1.1 404 ");
		}
	}

	@Test
	void headOfAPathTomcatWillNotMapHasTheProblemsHeadersAndNoBody() throws Exception {
		try (Socket socket = new Socket("localhost", this.port)) {
			RawAnswer answer = RawAnswer.exchange(socket, "HEAD", "/feed.atom%00", "");

			assertThat(answer.status()).isEqualTo("HTTP/1.1 400 ");
			assertThat(answer.headers().get("content-type")).singleElement(STRING).startsWith("application/problem+json");
			assertThat(socket.getInputStream().read()).as("no body, and the connection closed").isEqualTo(-1);
		}
	}

	@Test
	void aSessionIdInThePathIsIgnored() throws Exception {
		HttpResponse<byte[]> plain = get("/feed.atom", Map.of());

		try (Socket socket = new Socket("localhost", this.port)) {
			RawAnswer answer = RawAnswer.exchange(socket, "/feed.atom;jsessionid=0123456789ABCDEF", "");

			assertThat(answer.status()).isEqualTo("HTTP/1.1 200 ");
			assertThat(answer.body()).isEqualTo(plain.body());
		}
		// Not on the root, where Spring's path matching reads it as a segment with no name (README says so).
		try (Socket socket = new Socket("localhost", this.port)) {
			RawAnswer answer = RawAnswer.exchange(socket, "/;jsessionid=0123456789ABCDEF", "");

			assertThat(answer.status()).isEqualTo("HTTP/1.1 404 ");
			assertThat(answer.headers().get("content-type")).singleElement(STRING).startsWith("application/problem+json");
		}
	}

	@Test
	void headGetsTheHeadersOfAGetAndNoBody() throws Exception {
		HttpResponse<byte[]> get = get("/feed.atom", Map.of());
		HttpResponse<byte[]> head = CLIENT.send(
				HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/feed.atom"))
					.method("HEAD", HttpRequest.BodyPublishers.noBody())
					.build(),
				HttpResponse.BodyHandlers.ofByteArray());

		assertThat(head.statusCode()).isEqualTo(200);
		assertThat(head.body()).isEmpty();
		assertThat(head.headers().firstValueAsLong("Content-Length")).hasValue(get.body().length);
		assertThat(head.headers().firstValue("ETag")).isEqualTo(get.headers().firstValue("ETag"));
	}

	@Test
	void aKeptAliveConnectionServesMoreThanAHundredAnswers() throws Exception {
		get("/headlines.txt", Map.of());
		try (Socket socket = new Socket("localhost", this.port)) {
			for (int i = 1; i <= 150; i++) {
				RawAnswer answer = RawAnswer.exchange(socket, "/headlines.txt", "");

				assertThat(answer.status()).as("answer %d", i).isEqualTo("HTTP/1.1 200 ");
				assertThat(answer.headers()).as("answer %d closes the connection", i)
					.doesNotContainEntry("connection", List.of("close"));
			}
		}
	}

	/**
	 * Tomcat keeps each connection's header buffers from one answer to the next, and answers from memory hand it
	 * their headers as bytes: whatever comes in between on the connection (Spring MVC's answers, of other lengths), an
	 * answer from memory carries the same headers each time, each once, its body as long as it says.
	 */
	@Test
	void answersFromMemoryKeepTheirHeadersWhateverTheConnectionAnsweredBefore() throws Exception {
		String etag = get("/feed.atom", Map.of()).headers().firstValue("ETag").orElseThrow();
		get("/api/headlines", Map.of("Accept-Encoding", "gzip"));
		// Names, paths, request headers.
		List<List<String>> cachedRequests = List.of(List.of("feed", "/feed.atom", ""),
				List.of("feed 304", "/feed.atom", "If-None-Match: " + etag + "\r\n"),
				List.of("headlines gzip", "/api/headlines", "Accept-Encoding: gzip\r\n"));
		Map<String, Map<String, List<String>>> first = new HashMap<>();
		try (Socket socket = new Socket("localhost", this.port)) {
			for (int i = 0; i < 40; i++) {
				for (int r = 0; r < cachedRequests.size(); r++) {
					List<String> request = cachedRequests.get(r);
					String name = request.get(0);
					RawAnswer answer = RawAnswer.exchange(socket, request.get(1), request.get(2));
					// Then one of Spring MVC's answers, in turn: a new address, long headers (the page's policy), JSON.
					RawAnswer.exchange(socket, List.of("/feed.atom?limit=" + (1 + i % 7) + "&i=" + i, "/?i=" + i,
							"/api/sources").get((i + r) % 3), "");
					Map<String, List<String>> headers = new HashMap<>(answer.headers());
					assertThat(headers.remove("date")).as("%s: Date", name).hasSize(1);
					assertThat(headers.values()).as(name).allSatisfy((values) -> assertThat(values).hasSize(1));
					assertThat(headers).as(name).doesNotContainKey("transfer-encoding");
					assertThat(answer.status()).as(name).isEqualTo(name.endsWith("304") ? "HTTP/1.1 304 " : "HTTP/1.1 200 ");
					if (!name.endsWith("304")) {
						assertThat(headers.get("content-length")).as(name)
							.containsExactly(Integer.toString(answer.body().length));
					}
					assertThat(headers).as("%s, round %d", name, i)
						.isEqualTo(first.computeIfAbsent(name, (key) -> headers));
				}
			}
		}
		assertThat(first.get("feed 304")).containsEntry("etag", List.of(etag)).doesNotContainKey("content-length");
		assertThat(first.get("headlines gzip")).containsEntry("content-encoding", List.of("gzip"))
			.containsEntry("content-type", List.of("application/json"))
			.containsEntry("cache-control", List.of("no-cache"));
		assertThat(text(get("/actuator/prometheus", Map.of())))
			.containsPattern("manchette_published_responses_total\\{document=\"atom\",status=\"304\"} [1-9]")
			.containsPattern("manchette_published_responses_total\\{document=\"headlines.json\",status=\"200\"} [1-9]");
	}

	@Test
	void theConnectorBuffersAFeedOfTheDefaultLengthWhole() {
		Connector connector = ((TomcatWebServer) this.context.getWebServer()).getTomcat().getConnector();

		assertThat(connector.getProperty("socket.appWriteBufSize")).hasToString("131072");
		assertThat(connector.getProperty("socket.directBuffer")).hasToString("true");
		assertThat(WebConfiguration.WRITE_BUFFER).isEqualTo(131072);
	}

	private HttpResponse<byte[]> get(String path, Map<String, String> headers) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path));
		headers.forEach(request::header);
		return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
	}

	private static String text(HttpResponse<byte[]> response) {
		return new String(response.body(), StandardCharsets.UTF_8);
	}

	private static byte[] gunzip(byte[] bytes) throws IOException {
		try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(bytes))) {
			return in.readAllBytes();
		}
	}

}
