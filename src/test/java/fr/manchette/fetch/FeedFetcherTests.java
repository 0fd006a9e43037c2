package fr.manchette.fetch;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.zip.GZIPOutputStream;

import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import com.github.tomakehurst.wiremock.junit5.WireMockTest;
import fr.manchette.fetch.FetchOutcome.Failed;
import fr.manchette.fetch.FetchOutcome.Fetched;
import fr.manchette.fetch.FetchOutcome.NotModified;
import fr.manchette.support.RefusingPort;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.stubFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.verify;
import static org.assertj.core.api.Assertions.assertThat;

@WireMockTest
@ExtendWith(OutputCaptureExtension.class)
class FeedFetcherTests {

	private static final String FEED = "<rss version=\"2.0\"><channel><title>Le Fil</title></channel></rss>";

	private static final Instant NOW = Instant.parse("2025-05-16T18:35:00Z");

	private final FeedFetcher fetcher = new FeedFetcher("Manchette/test (+https://example.org)",
			Clock.fixed(NOW, ZoneOffset.UTC));

	private String base;

	@BeforeEach
	void base(WireMockRuntimeInfo wiremock) {
		this.base = wiremock.getHttpBaseUrl();
	}

	@Test
	void fetchWhenServerReturns200KeepsBodyAndValidators() {
		stubFor(get("/rss").willReturn(aResponse().withStatus(200)
			.withHeader("Content-Type", "application/rss+xml; charset=utf-8")
			.withHeader("ETag", "\"v1\"")
			.withHeader("Last-Modified", "Fri, 16 May 2025 17:00:00 GMT")
			.withBody(FEED)));

		Fetched fetched = (Fetched) this.fetcher.fetch(request("/rss", null, null));

		assertThat(new String(fetched.body(), StandardCharsets.UTF_8)).isEqualTo(FEED);
		assertThat(fetched.contentType()).isEqualTo("application/rss+xml; charset=utf-8");
		// WireMock's Jetty gzips the answer to our Accept-Encoding and tags its ETag "v1--gzip": kept as sent.
		assertThat(fetched.etag()).startsWith("\"v1");
		assertThat(fetched.lastModified()).isEqualTo("Fri, 16 May 2025 17:00:00 GMT");
		assertThat(fetched.finalUrl()).isEqualTo(URI.create(this.base + "/rss"));
		assertThat(fetched.cut()).isFalse();
	}

	@Test
	void fetchSendsUserAgentAndAcceptsGzip() {
		stubFor(get("/rss").willReturn(aResponse().withBody(FEED)));

		this.fetcher.fetch(request("/rss", null, null));

		verify(getRequestedFor(urlEqualTo("/rss")).withHeader("User-Agent", equalTo("Manchette/test (+https://example.org)"))
			.withHeader("Accept-Encoding", matching(".*gzip.*"))
			// The feed formats, JSON Feed's own type among them: a server that negotiates may offer it.
			.withHeader("Accept", matching(".*application/rss\\+xml.*application/feed\\+json.*")));
	}

	@Test
	void fetchWhenServerReturns304IsNotModified() {
		stubFor(get("/rss").withHeader("If-None-Match", equalTo("\"v1\""))
			.withHeader("If-Modified-Since", equalTo("Fri, 16 May 2025 17:00:00 GMT"))
			.willReturn(aResponse().withStatus(304)));

		FetchOutcome outcome = this.fetcher.fetch(request("/rss", "\"v1\"", "Fri, 16 May 2025 17:00:00 GMT"));

		assertThat(outcome).isInstanceOf(NotModified.class);
	}

	@Test
	void fetchWhenServerReturns404IsHttpStatusFailure() {
		stubFor(get("/rss").willReturn(aResponse().withStatus(404).withBody("<html>introuvable</html>")));

		assertThat(this.fetcher.fetch(request("/rss", null, null)))
			.isEqualTo(new Failed(FailureKind.HTTP_STATUS, "HTTP 404"));
	}

	@Test
	void fetchWhenServerReturns500IsHttpStatusFailure() {
		stubFor(get("/rss").willReturn(aResponse().withStatus(500)));

		assertThat(this.fetcher.fetch(request("/rss", null, null)))
			.isEqualTo(new Failed(FailureKind.HTTP_STATUS, "HTTP 500"));
	}

	@Test
	void fetchWhenServerReturns429KeepsRetryAfterSeconds() {
		stubFor(get("/rss").willReturn(aResponse().withStatus(429).withHeader("Retry-After", "120")));

		Failed failed = (Failed) this.fetcher.fetch(request("/rss", null, null));

		assertThat(failed.kind()).isEqualTo(FailureKind.RATE_LIMITED);
		assertThat(failed.retryAfter()).isEqualTo(Duration.ofSeconds(120));
	}

	@Test
	void fetchWhenServerReturns503KeepsRetryAfterDate() {
		stubFor(get("/rss").willReturn(
				aResponse().withStatus(503).withHeader("Retry-After", "Fri, 16 May 2025 18:45:00 GMT")));

		Failed failed = (Failed) this.fetcher.fetch(request("/rss", null, null));

		assertThat(failed.kind()).isEqualTo(FailureKind.RATE_LIMITED);
		assertThat(failed.retryAfter()).isEqualTo(Duration.ofMinutes(10));
	}

	@Test
	void fetchReadsRetryAfterInTheObsoleteDateFormsOldServersSend() {
		// RFC 850 and asctime (RFC 9110 §5.6.7), ten and twenty minutes after NOW; and a date long past: no wait.
		for (String[] form : new String[][] { { "Friday, 16-May-25 18:45:00 GMT", "PT10M" },
				{ "Fri May 16 18:55:00 2025", "PT20M" }, { "Sun Nov  6 08:49:37 1994", "PT0S" } }) {
			stubFor(get("/rss").willReturn(aResponse().withStatus(503).withHeader("Retry-After", form[0])));

			Failed failed = (Failed) this.fetcher.fetch(request("/rss", null, null));

			assertThat(failed.kind()).isEqualTo(FailureKind.RATE_LIMITED);
			assertThat(failed.retryAfter()).as(form[0]).isEqualTo(Duration.parse(form[1]));
		}
	}

	@Test
	void fetchWhenHeadersAreSlowTimesOut() {
		stubFor(get("/rss").willReturn(aResponse().withFixedDelay(3_000).withBody(FEED)));

		Failed failed = (Failed) this.fetcher.fetch(request("/rss", null, null, Duration.ofMillis(500), 1_000_000));

		assertThat(failed.kind()).isEqualTo(FailureKind.TIMEOUT);
	}

	@Test
	void fetchWhenBodyTricklesPastTheDeadlineTimesOut() {
		// Headers at once, then the body in 10 chunks over 3 s: only an overall deadline stops this.
		stubFor(get("/rss").willReturn(aResponse().withBody(FEED).withChunkedDribbleDelay(10, 3_000)));

		Failed failed = (Failed) this.fetcher.fetch(request("/rss", null, null, Duration.ofMillis(800), 1_000_000));

		assertThat(failed.kind()).isEqualTo(FailureKind.TIMEOUT);
	}

	@Test
	void fetchFollowsRedirectAndReportsFinalUrl() {
		stubFor(get("/old").willReturn(aResponse().withStatus(301).withHeader("Location", "/new")));
		stubFor(get("/new").willReturn(aResponse().withBody(FEED)));

		Fetched fetched = (Fetched) this.fetcher.fetch(request("/old", null, null));

		assertThat(fetched.finalUrl()).isEqualTo(URI.create(this.base + "/new"));
		assertThat(new String(fetched.body(), StandardCharsets.UTF_8)).isEqualTo(FEED);
	}

	@Test
	void fetchWhenBodyIsOverTheCapIsTooLarge() {
		stubFor(get("/rss").willReturn(aResponse().withBody(new byte[200_000])));

		Failed failed = (Failed) this.fetcher.fetch(request("/rss", null, null, Duration.ofSeconds(5), 100_000));

		assertThat(failed.kind()).isEqualTo(FailureKind.TOO_LARGE);
	}

	@Test
	void fetchKeepsABodyOfTheLengthItDeclaresUpToTheCapExactly() {
		byte[] body = new byte[100_000];
		new java.util.Random(7).nextBytes(body);
		// Sent as it is, with its length: read into an array of that length.
		stubFor(get("/rss").willReturn(aResponse().withHeader("Content-Encoding", "identity")
			.withHeader("Content-Length", "100000")
			.withBody(body)));

		Fetched fetched = (Fetched) this.fetcher.fetch(request("/rss", null, null, Duration.ofSeconds(5), 100_000));

		assertThat(fetched.body()).isEqualTo(body);
		Failed failed = (Failed) this.fetcher.fetch(request("/rss", null, null, Duration.ofSeconds(5), 99_999));
		assertThat(failed.kind()).isEqualTo(FailureKind.TOO_LARGE);
	}

	@Test
	void fetchWhenChunkedBodyWithoutLengthIsOverTheCapIsTooLarge() {
		stubFor(get("/rss").willReturn(aResponse().withBody(new byte[200_000]).withChunkedDribbleDelay(20, 200)));

		Failed failed = (Failed) this.fetcher.fetch(request("/rss", null, null, Duration.ofSeconds(5), 100_000));

		assertThat(failed.kind()).isEqualTo(FailureKind.TOO_LARGE);
	}

	@Test
	void fetchDecompressesGzip() throws IOException {
		stubFor(get("/rss").willReturn(aResponse().withHeader("Content-Encoding", "gzip").withBody(gzip(FEED.getBytes(StandardCharsets.UTF_8)))));

		Fetched fetched = (Fetched) this.fetcher.fetch(request("/rss", null, null));

		assertThat(new String(fetched.body(), StandardCharsets.UTF_8)).isEqualTo(FEED);
	}

	@Test
	void fetchWhenGzipInflatesPastTheCapIsTooLarge() throws IOException {
		// 50 MB of zeros compress to about 50 KB: the cap must apply to what it inflates to.
		byte[] bomb = gzip(new byte[50 * 1024 * 1024]);
		stubFor(get("/rss").willReturn(aResponse().withHeader("Content-Encoding", "gzip").withBody(bomb)));

		Failed failed = (Failed) this.fetcher.fetch(request("/rss", null, null, Duration.ofSeconds(10), 1_000_000));

		assertThat(bomb.length).isLessThan(1_000_000);
		assertThat(failed.kind()).isEqualTo(FailureKind.TOO_LARGE);
	}

	@Test
	void fetchWhenConnectionIsResetIsNetworkFailure() {
		stubFor(get("/rss").willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));

		Failed failed = (Failed) this.fetcher.fetch(request("/rss", null, null));

		assertThat(failed.kind()).isEqualTo(FailureKind.NETWORK);
		assertThat(failed.detail()).isEqualTo("connection reset");
	}

	@ParameterizedTest
	@EnumSource(value = Fault.class, names = { "EMPTY_RESPONSE", "MALFORMED_RESPONSE_CHUNK", "RANDOM_DATA_THEN_CLOSE" })
	void fetchWhenServerSendsGarbageIsNetworkFailure(Fault fault) {
		stubFor(get("/rss").willReturn(aResponse().withFault(fault)));

		FetchOutcome outcome = this.fetcher.fetch(request("/rss", null, null));

		assertThat(outcome).isInstanceOfSatisfying(Failed.class,
				(failed) -> assertThat(failed.kind()).isEqualTo(FailureKind.NETWORK));
	}

	@Test
	void fetchWhenNothingListensIsNetworkFailure() throws IOException {
		int port = RefusingPort.hold().port();

		FetchOutcome outcome = this.fetcher.fetch(new FetchRequest(URI.create("http://127.0.0.1:" + port + "/rss"),
				null, null, Duration.ofSeconds(5), 1_000_000));

		assertThat(outcome).isInstanceOfSatisfying(Failed.class,
				(failed) -> assertThat(failed.kind()).isEqualTo(FailureKind.NETWORK));
	}

	@Test
	void fetchThatFailsByABugOfOursLogsItsTrace(CapturedOutput output) {
		// A port no connection can have: the JDK throws where a source's answer never would.
		FetchOutcome outcome = this.fetcher.fetch(new FetchRequest(URI.create("http://127.0.0.1:99999/rss?token=s3cr3t"),
				null, null, Duration.ofSeconds(5), 1_000_000));

		assertThat(outcome).isInstanceOfSatisfying(Failed.class,
				(failed) -> assertThat(failed.kind()).isEqualTo(FailureKind.UNEXPECTED));
		assertThat(output).contains("Fetch failed url=http://127.0.0.1:99999/rss?token=*** kind=UNEXPECTED")
			.contains("java.lang.IllegalArgumentException: port out of range:99999")
			.doesNotContain("s3cr3t");
	}

	private FetchRequest request(String path, String etag, String lastModified) {
		return request(path, etag, lastModified, Duration.ofSeconds(5), 1_000_000);
	}

	private FetchRequest request(String path, String etag, String lastModified, Duration timeout, long maxBytes) {
		return new FetchRequest(URI.create(this.base + path), etag, lastModified, timeout, maxBytes);
	}

	private static byte[] gzip(byte[] data) throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
			gzip.write(data);
		}
		return out.toByteArray();
	}

}
