package fr.manchette.fetch;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;

import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import com.github.tomakehurst.wiremock.junit5.WireMockTest;
import fr.manchette.fetch.FetchOutcome.Failed;
import fr.manchette.fetch.FetchOutcome.Fetched;
import fr.manchette.fetch.FetchOutcome.NotModified;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.stubFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.verify;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the fetcher does with its connections: the deadline that cuts them, the keep-alive that spares new ones, and
 * what it leaves out of its requests.
 */
@WireMockTest
class FeedFetcherConnectionTests {

	private static final String FEED = "<rss version=\"2.0\"><channel><title>Le Fil</title></channel></rss>";

	private final FeedFetcher fetcher = new FeedFetcher("Manchette/test", Clock.systemUTC());

	private String base;

	@BeforeEach
	void base(WireMockRuntimeInfo wiremock) {
		this.base = wiremock.getHttpBaseUrl();
	}

	@Test
	void fetchWhenBodyTricklesIsCutAtTheDeadlineNotAtTheBodysEnd() {
		// Headers at once, then 20 chunks over 10 s: the fetch ends at its deadline, long before the body would.
		stubFor(get("/rss").willReturn(aResponse().withBody(FEED).withChunkedDribbleDelay(20, 10_000)));
		long start = System.nanoTime();

		FetchOutcome outcome = this.fetcher.fetch(request("/rss", Duration.ofMillis(700)));

		assertThat(outcome).isEqualTo(new Failed(FailureKind.TIMEOUT, "no complete answer within 0s"));
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
	}

	@Test
	void fetchWhenTheBodyNeverComesIsCutAtTheDeadline() throws IOException {
		// Headers, then silence: no byte arrives to end a read, only the deadline does.
		try (RawServer server = new RawServer("HTTP/1.1 200 OK\r\nContent-Length: 1000\r\n\r\n<rss", false)) {
			long start = System.nanoTime();

			FetchOutcome outcome = this.fetcher.fetch(new FetchRequest(server.url(), null, null,
					Duration.ofMillis(700), 1_000_000));

			assertThat(outcome).isEqualTo(new Failed(FailureKind.TIMEOUT, "no complete answer within 0s"));
			assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
		}
	}

	@Test
	void fetchWhenTheDeclaredLengthIsOverTheCapIsTooLargeWithoutReadingTheBody() throws IOException {
		// The body is never sent: a fetch that tried to read it would wait for it.
		try (RawServer server = new RawServer("HTTP/1.1 200 OK\r\nContent-Length: 200000\r\n\r\n", false)) {
			FetchOutcome outcome = this.fetcher.fetch(new FetchRequest(server.url(), null, null,
					Duration.ofSeconds(5), 100_000));

			assertThat(outcome).isEqualTo(new Failed(FailureKind.TOO_LARGE, "body is larger than 100000 bytes"));
		}
	}

	@Test
	void fetchesOfOneServerShareAKeptAliveConnection() throws IOException {
		String answers = "HTTP/1.1 304 Not Modified\r\nETag: \"v1\"\r\n\r\n"
				+ "HTTP/1.1 200 OK\r\nContent-Length: " + FEED.length() + "\r\n\r\n" + FEED
				+ "HTTP/1.1 304 Not Modified\r\nETag: \"v1\"\r\n\r\n";
		try (RawServer server = new RawServer(answers, true)) {
			FetchRequest request = new FetchRequest(server.url(), "\"v1\"", null, Duration.ofSeconds(5), 1_000_000);

			assertThat(this.fetcher.fetch(request)).isInstanceOf(NotModified.class);
			assertThat(this.fetcher.fetch(request)).isInstanceOfSatisfying(Fetched.class,
					(fetched) -> assertThat(new String(fetched.body(), StandardCharsets.UTF_8)).isEqualTo(FEED));
			assertThat(this.fetcher.fetch(request)).isInstanceOf(NotModified.class);
			assertThat(server.connections()).hasValue(1);
		}
	}

	/**
	 * RFC 9110 §15.2: a client must read past an interim answer. The JDK's HttpURLConnection skips only 100 Continue
	 * before Java 20 (JDK-8170305): on Java 17 it takes the 103 for the answer, and the real 200 is still to come on
	 * the connection. That connection is closed at once: read as the 103's body (a 103 gives no length, so its body
	 * would end with the connection), the 200 would hold a thread and the connection until the deadline.
	 */
	@Test
	void aFeedAnsweringEarlyHintsIsReadFromJava20AndBeforeItsConnectionIsClosedAtOnce() throws Exception {
		try (EarlyHintsServer server = new EarlyHintsServer()) {
			FetchOutcome early = this.fetcher.fetch(new FetchRequest(server.url("/early"), null, null,
					Duration.ofSeconds(30), 1_000_000));
			FetchOutcome other = this.fetcher.fetch(new FetchRequest(server.url("/other"), null, null,
					Duration.ofSeconds(30), 1_000_000));

			assertThat(other).isInstanceOfSatisfying(Fetched.class, (fetched) -> assertThat(
					new String(fetched.body(), StandardCharsets.UTF_8)).isEqualTo(EarlyHintsServer.OTHER));
			if (Runtime.version().feature() >= 20) {
				assertThat(early).isInstanceOfSatisfying(Fetched.class, (fetched) -> assertThat(
						new String(fetched.body(), StandardCharsets.UTF_8)).isEqualTo(EarlyHintsServer.EARLY));
				assertThat(server.connections()).isOne();
			}
			else {
				assertThat(early).isEqualTo(new Failed(FailureKind.HTTP_STATUS, "HTTP 103"));
				// Closed by the fetch, not by its deadline 30 s on.
				assertThat(server.closedWithin(0, Duration.ofSeconds(10))).isTrue();
				assertThat(server.connections()).isEqualTo(2);
			}
		}
	}

	@Test
	void theKeepAlivePoolKeepsAsManyConnectionsPerHostAsPollsMayUseUnlessTheOperatorSaidOtherwise() {
		String before = System.getProperty(OutboundClient.MAX_CONNECTIONS);
		try {
			System.clearProperty(OutboundClient.MAX_CONNECTIONS);
			// The JDK's 5 hold the shipped 2 polls per host.
			assertThat(OutboundClient.keepIdlePerHost(2)).isNull();
			assertThat(OutboundClient.keepIdlePerHost(8)).isEqualTo("8");
			System.setProperty(OutboundClient.MAX_CONNECTIONS, "3");
			assertThat(OutboundClient.keepIdlePerHost(16)).isEqualTo("3");
		}
		finally {
			if (before != null) {
				System.setProperty(OutboundClient.MAX_CONNECTIONS, before);
			}
			else {
				System.clearProperty(OutboundClient.MAX_CONNECTIONS);
			}
		}
	}

	@Test
	void fetchSendsNoCacheDirectivesNorCookies() {
		stubFor(get("/rss").willReturn(aResponse().withBody(FEED).withHeader("Set-Cookie", "session=abc")));

		this.fetcher.fetch(request("/rss", Duration.ofSeconds(5)));
		this.fetcher.fetch(request("/rss", Duration.ofSeconds(5)));

		// A CDN in front of a feed answers from its cache; Cache-Control: no-cache would send every poll to the origin.
		verify(2, getRequestedFor(urlEqualTo("/rss")).withHeader("Cache-Control", absent())
			.withHeader("Pragma", absent())
			.withHeader("Cookie", absent()));
	}

	@Test
	void fetchWhenTheAnswerIsNotHttpIsNetworkFailure() throws IOException {
		try (RawServer server = new RawServer("SSH-2.0-OpenSSH_9.2\r\n", false)) {
			FetchOutcome outcome = this.fetcher.fetch(new FetchRequest(server.url(), null, null,
					Duration.ofSeconds(2), 1_000_000));

			assertThat(outcome).isInstanceOfSatisfying(Failed.class,
					(failed) -> assertThat(failed.kind()).isIn(FailureKind.NETWORK, FailureKind.TIMEOUT));
		}
	}

	@Test
	void fetchWhenTheConnectionBreaksBeforeTheStatusLineSendsTheGetAtMostTwice() {
		// The JDK tries a GET once more when its answer breaks before the status line (a stale kept-alive
		// connection, most often): harmless for a GET, and never more than once.
		stubFor(get("/rss").willReturn(aResponse().withFault(Fault.EMPTY_RESPONSE)));

		FetchOutcome outcome = this.fetcher.fetch(request("/rss", Duration.ofSeconds(5)));

		assertThat(outcome).isInstanceOfSatisfying(Failed.class,
				(failed) -> assertThat(failed.kind()).isEqualTo(FailureKind.NETWORK));
		assertThat(com.github.tomakehurst.wiremock.client.WireMock.findAll(getRequestedFor(urlEqualTo("/rss"))))
			.hasSizeBetween(1, 2);
	}

	private FetchRequest request(String path, Duration timeout) {
		return new FetchRequest(URI.create(this.base + path), null, null, timeout, 1_000_000);
	}

}
