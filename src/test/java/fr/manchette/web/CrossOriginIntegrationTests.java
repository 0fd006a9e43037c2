package fr.manchette.web;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import fr.manchette.config.CurrentFeeds;
import fr.manchette.pipeline.IngestRun;
import fr.manchette.support.Sites;
import fr.manchette.support.TestService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Another site using the service from its own pages, over HTTP from a running service: its scripts may read the
 * public documents (the feeds, the ticker, the sources, a story, the OPML), conditional requests and problem documents
 * included, after a preflight when they send a validator; nothing that changes anything, nor the operator's own
 * pages, is opened to them; and the ticker page may be framed by the sites {@code manchette.page.frame-ancestors}
 * names, and by no other.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "manchette.polling.enabled=false", "manchette.admin.token=" + CrossOriginIntegrationTests.TOKEN,
				"manchette.page.frame-ancestors=https://www.exemple.ma https://*.exemple.ma" })
class CrossOriginIntegrationTests {

	static final String TOKEN = "7d1e0c5b2a9f4e3d8c6b5a4f3e2d1c0b";

	private static final String SITE = "https://www.exemple.ma";

	private static final HttpClient CLIENT = HttpClient.newHttpClient();

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
	private JsonMapper json;

	@LocalServerPort
	private int port;

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) throws IOException {
		TestService.use(registry, dir, NewsFeed.threeSources(sites.getPort(), "Africa/Casablanca"));
	}

	@BeforeEach
	void pollOnce() {
		if (polled) {
			return;
		}
		NewsFeed.serveThreeSources(sites, Instant.now());
		TestService.pollEverySource(this.ingestRun, this.feeds);
		polled = true;
	}

	@Test
	void anySitesScriptsMayReadThePublicDocumentsAndTheirValidators() throws Exception {
		for (String path : publicDocuments()) {
			// Twice: rendered, then answered from memory.
			for (int i = 0; i < 2; i++) {
				HttpResponse<String> answer = send("GET", path, Map.of("Origin", SITE));

				assertThat(answer.statusCode()).as(path).isEqualTo(200);
				assertThat(answer.headers().allValues("Access-Control-Allow-Origin")).as(path).containsExactly("*");
				assertThat(exposed(answer)).as(path).contains("etag");
				// The same whoever asks, so nothing in between need keep one copy per site.
				HttpResponse<String> withoutOrigin = send("GET", path, Map.of());
				assertThat(withoutOrigin.headers().allValues("Access-Control-Allow-Origin")).as(path)
					.containsExactly("*");
				assertThat(String.join(",", answer.headers().allValues("Vary"))).as(path).doesNotContainIgnoringCase("origin");
			}
			HttpResponse<String> head = send("HEAD", path, Map.of("Origin", SITE));
			assertThat(head.headers().allValues("Access-Control-Allow-Origin")).as("HEAD " + path).containsExactly("*");
		}
	}

	@Test
	void aScriptThatSendsAValidatorIsLetThroughByThePreflightAndGetsA304ItCanRead() throws Exception {
		for (String path : publicDocuments()) {
			HttpResponse<String> preflight = send("OPTIONS", path, Map.of("Origin", SITE,
					"Access-Control-Request-Method", "GET", "Access-Control-Request-Headers", "if-none-match"));

			assertThat(preflight.statusCode()).as(path).isBetween(200, 299);
			assertThat(preflight.headers().allValues("Access-Control-Allow-Origin")).as(path).containsExactly("*");
			assertThat(listed(preflight, "Access-Control-Allow-Methods")).as(path).contains("get");
			assertThat(listed(preflight, "Access-Control-Allow-Headers")).as(path)
				.contains("if-none-match", "if-modified-since");
			assertThat(preflight.headers().firstValue("Access-Control-Max-Age")).as(path).isPresent();
		}
		for (String path : List.of("/feed.atom", "/feed.rss", "/feed.json", "/headlines.txt",
				"/api/headlines?category=sport", "/opml")) {
			String etag = send("GET", path, Map.of("Origin", SITE)).headers().firstValue("ETag").orElseThrow();
			HttpResponse<String> notModified = send("GET", path, Map.of("Origin", SITE, "If-None-Match", etag));
			assertThat(notModified.statusCode()).as(path).isEqualTo(304);
			assertThat(notModified.headers().allValues("Access-Control-Allow-Origin")).as(path).containsExactly("*");
			assertThat(exposed(notModified)).as(path).contains("etag");
		}
	}

	@Test
	void aScriptCanReadTheProblemDocumentOfAWrongRequest() throws Exception {
		for (String path : List.of("/api/headlines?limit=many", "/feed.atom?category=sprot",
				"/api/stories/0123456789abcdef")) {
			HttpResponse<String> answer = send("GET", path, Map.of("Origin", SITE));

			assertThat(answer.statusCode()).as(path).isBetween(400, 404);
			assertThat(answer.headers().firstValue("Content-Type")).as(path)
				.hasValueSatisfying((type) -> assertThat(type).startsWith("application/problem+json"));
			assertThat(answer.headers().allValues("Access-Control-Allow-Origin")).as(path).containsExactly("*");
		}
	}

	@Test
	void nothingThatChangesAnythingNorTheOperatorsOwnPagesIsOpenedToOtherSites() throws Exception {
		for (String path : List.of("/admin/backup", "/admin/sources/quotidien/poll")) {
			HttpResponse<String> preflight = send("OPTIONS", path, Map.of("Origin", SITE,
					"Access-Control-Request-Method", "POST", "Access-Control-Request-Headers", "authorization"));
			assertThat(preflight.statusCode()).as(path).isEqualTo(403);
			assertThat(preflight.body()).as(path).contains("not open to other sites' scripts");
			assertThat(preflight.headers().map()).as(path)
				.doesNotContainKeys("access-control-allow-origin", "access-control-allow-methods",
						"access-control-allow-headers");

			HttpResponse<String> post = send("POST", path, Map.of("Origin", SITE, "Authorization", "Bearer nope"));
			assertThat(post.statusCode()).as(path).isEqualTo(401);
			assertThat(post.headers().map()).as(path).doesNotContainKey("access-control-allow-origin");
		}
		for (String path : List.of("/", "/sources", "/api/webhooks", "/actuator/health", "/actuator/prometheus")) {
			HttpResponse<String> answer = send("GET", path, Map.of("Origin", SITE));
			assertThat(answer.statusCode()).as(path).isEqualTo(200);
			assertThat(answer.headers().map()).as(path).doesNotContainKey("access-control-allow-origin");

			HttpResponse<String> preflight = send("OPTIONS", path,
					Map.of("Origin", SITE, "Access-Control-Request-Method", "GET"));
			assertThat(preflight.headers().map()).as(path).doesNotContainKey("access-control-allow-origin");
		}
		// A preflight for a method the public documents do not take is refused too.
		HttpResponse<String> delete = send("OPTIONS", "/api/headlines",
				Map.of("Origin", SITE, "Access-Control-Request-Method", "DELETE"));
		assertThat(listed(delete, "Access-Control-Allow-Methods")).doesNotContain("delete");
	}

	@Test
	void theTickerPageMayBeFramedByTheSitesTheSettingNamesAndTheOtherPagesByNone() throws Exception {
		for (int i = 0; i < 2; i++) {
			assertThat(send("GET", "/?category=sport", Map.of()).headers().firstValue("Content-Security-Policy"))
				.hasValueSatisfying((policy) -> assertThat(policy)
					.contains("frame-ancestors https://www.exemple.ma https://*.exemple.ma")
					.doesNotContain("'none'; frame")
					.contains("default-src 'self'"));
		}
		assertThat(send("GET", "/sources", Map.of()).headers().firstValue("Content-Security-Policy"))
			.hasValueSatisfying((policy) -> assertThat(policy).contains("frame-ancestors 'none'"));
	}

	private List<String> publicDocuments() throws Exception {
		String story = this.json.readTree(send("GET", "/api/headlines", Map.of()).body())
			.get("headlines")
			.get(0)
			.get("story")
			.asString();
		return List.of("/feed.atom", "/feed.rss", "/feed.json", "/headlines.txt", "/api/headlines?category=sport",
				"/api/sources", "/api/stories/" + story, "/opml");
	}

	private static List<String> exposed(HttpResponse<?> answer) {
		return listed(answer, "Access-Control-Expose-Headers");
	}

	/** A header's comma-separated values, in lower case (header names are case-insensitive). */
	private static List<String> listed(HttpResponse<?> answer, String header) {
		List<String> values = new ArrayList<>();
		for (String value : answer.headers().allValues(header)) {
			for (String part : value.split(",")) {
				values.add(part.strip().toLowerCase(java.util.Locale.ROOT));
			}
		}
		return values;
	}

	private HttpResponse<String> send(String method, String path, Map<String, String> headers) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
			.method(method, HttpRequest.BodyPublishers.noBody());
		headers.forEach(request::header);
		return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

}
