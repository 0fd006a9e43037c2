package fr.manchette.fetch;

import java.net.InetAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import com.github.tomakehurst.wiremock.junit5.WireMockTest;
import fr.manchette.fetch.FetchOutcome.Failed;
import fr.manchette.fetch.FetchOutcome.Fetched;
import fr.manchette.fetch.FetchOutcome.NotModified;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.stubFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.verify;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Redirects followed by the fetcher itself. Every address here, redirect targets included, is on loopback: the
 * source is on loopback too, so the address policy lets them through, as it would for an operator's internal feed.
 */
@WireMockTest
class FeedFetcherRedirectsTests {

	private static final String FEED = "<rss version=\"2.0\"><channel><title>Le Fil</title></channel></rss>";

	private final FeedFetcher fetcher = new FeedFetcher("Manchette/test", Clock.systemUTC());

	private String base;

	@BeforeEach
	void base(WireMockRuntimeInfo wiremock) {
		this.base = wiremock.getHttpBaseUrl();
	}

	@Test
	void fetchThroughPermanentRedirectsReportsTheFinalUrlAsMovedTo() {
		redirect("/a", 301, "/b");
		redirect("/b", 301, "/c");
		stubFor(get("/c").willReturn(aResponse().withBody(FEED)));

		Fetched fetched = (Fetched) this.fetcher.fetch(request("/a"));

		assertThat(body(fetched)).isEqualTo(FEED);
		assertThat(fetched.finalUrl()).isEqualTo(url("/c"));
		assertThat(fetched.movedTo()).isEqualTo(url("/c"));
	}

	@Test
	void fetchThrough308ReportsMovedTo() {
		redirect("/a", 308, "/b");
		stubFor(get("/b").willReturn(aResponse().withBody(FEED)));

		assertThat(((Fetched) this.fetcher.fetch(request("/a"))).movedTo()).isEqualTo(url("/b"));
	}

	@Test
	void fetchThroughAPermanentThenATemporaryRedirectHasNotMoved() {
		redirect("/a", 301, "/b");
		redirect("/b", 302, "/c");
		stubFor(get("/c").willReturn(aResponse().withBody(FEED)));

		Fetched fetched = (Fetched) this.fetcher.fetch(request("/a"));

		assertThat(body(fetched)).isEqualTo(FEED);
		assertThat(fetched.finalUrl()).isEqualTo(url("/c"));
		assertThat(fetched.movedTo()).isNull();
	}

	@ParameterizedTest
	@ValueSource(ints = { 302, 303, 307 })
	void fetchThroughATemporaryRedirectGetsTheBodyWithoutMovedTo(int status) {
		redirect("/a", status, "/b");
		stubFor(get("/b").willReturn(aResponse().withBody(FEED)));

		Fetched fetched = (Fetched) this.fetcher.fetch(request("/a"));

		assertThat(body(fetched)).isEqualTo(FEED);
		assertThat(fetched.finalUrl()).isEqualTo(url("/b"));
		assertThat(fetched.movedTo()).isNull();
	}

	@Test
	void fetchFollowsARelativeLocation() {
		redirect("/actu/ancien/flux.xml", 301, "../nouveau/flux.xml");
		stubFor(get("/actu/nouveau/flux.xml").willReturn(aResponse().withBody(FEED)));

		Fetched fetched = (Fetched) this.fetcher.fetch(request("/actu/ancien/flux.xml"));

		assertThat(fetched.finalUrl()).isEqualTo(url("/actu/nouveau/flux.xml"));
	}

	@Test
	void fetchFollowsALocationWrittenInUtf8AsBrowsersRead() throws Exception {
		// "é" as the two bytes of its UTF-8, as servers write it: not "Ã©", which the bytes read one by one would be.
		try (RawServer server = RawServer.closing(
				RawServer.answer("HTTP/1.1 302 Found\r\nLocation: /actualit",
						"é/flux.xml\r\nContent-Length: 0\r\n\r\n".getBytes(StandardCharsets.UTF_8)),
				RawServer.answer("HTTP/1.1 200 OK\r\nContent-Length: " + FEED.length() + "\r\n\r\n" + FEED))) {
			FetchOutcome outcome = this.fetcher.fetch(new FetchRequest(server.url(), null, null, Duration.ofSeconds(5),
					1_000_000));

			assertThat(outcome).isInstanceOf(Fetched.class);
			assertThat(server.requests().get(1)).startsWith("GET /actualit%C3%A9/flux.xml HTTP/1.1");
		}
	}

	@Test
	void fetchFollowsARelativeLocationThatClimbsAboveTheRootFromTheRoot() throws Exception {
		// RFC 3986 §5.2.4: ".." above the root is dropped, as browsers do; the server is asked for /flux/rss.
		try (RawServer server = RawServer.closing(
				RawServer.answer("HTTP/1.1 301 Moved Permanently\r\nLocation: ../../flux/rss?x=1\r\nContent-Length: 0\r\n\r\n"),
				RawServer.answer("HTTP/1.1 200 OK\r\nContent-Length: " + FEED.length() + "\r\n\r\n" + FEED))) {
			Fetched fetched = (Fetched) this.fetcher.fetch(new FetchRequest(server.url(), null, null,
					Duration.ofSeconds(5), 1_000_000));

			assertThat(server.requests().get(1)).startsWith("GET /flux/rss?x=1 HTTP/1.1");
			assertThat(fetched.movedTo()).hasPath("/flux/rss").hasQuery("x=1");
		}
	}

	@Test
	void fetchThroughACookieWallSendsBackTheCookieItsRedirectSet() {
		// The site sets a cookie and sends us back to the same address until a request brings the cookie.
		stubFor(get("/mur").withHeader("Cookie", absent())
			.willReturn(aResponse().withStatus(302).withHeader("Set-Cookie", "passe=ok; Path=/; HttpOnly")
				.withHeader("Location", "/mur")));
		stubFor(get("/mur").withHeader("Cookie", equalTo("passe=ok")).willReturn(aResponse().withBody(FEED)));

		FetchOutcome first = this.fetcher.fetch(request("/mur"));
		FetchOutcome second = this.fetcher.fetch(request("/mur"));

		assertThat(first).isInstanceOf(Fetched.class);
		assertThat(second).isInstanceOf(Fetched.class);
		// Forgotten with each fetch: every poll comes as anonymous as the first.
		verify(2, getRequestedFor(urlEqualTo("/mur")).withHeader("Cookie", absent()));
	}

	@Test
	void fetchThroughAWallThatKeepsSendingBackIsARedirectLoop() {
		stubFor(get("/mur").willReturn(aResponse().withStatus(302).withHeader("Set-Cookie", "passe=ok")
			.withHeader("Location", "/mur")));

		FetchOutcome outcome = this.fetcher.fetch(request("/mur"));

		assertThat(outcome).isInstanceOfSatisfying(Failed.class,
				(failed) -> assertThat(failed.kind()).isEqualTo(FailureKind.TOO_MANY_REDIRECTS));
		verify(2, getRequestedFor(urlEqualTo("/mur")));
	}

	@Test
	void fetchFollowsAnAbsoluteLocationToAnotherLoopbackName() {
		String loopback = this.base.replace("localhost", "127.0.0.1");
		redirect("/a", 302, loopback + "/b");
		stubFor(get("/b").willReturn(aResponse().withBody(FEED)));

		Fetched fetched = (Fetched) this.fetcher.fetch(request("/a"));

		assertThat(fetched.finalUrl()).isEqualTo(URI.create(loopback + "/b"));
	}

	@Test
	void fetchThroughFiveRedirectsGetsTheBody() {
		for (int hop = 0; hop < 5; hop++) {
			redirect("/" + hop, 302, "/" + (hop + 1));
		}
		stubFor(get("/5").willReturn(aResponse().withBody(FEED)));

		assertThat(this.fetcher.fetch(request("/0"))).isInstanceOf(Fetched.class);
	}

	@Test
	void fetchThroughSixRedirectsIsTooManyRedirects() {
		for (int hop = 0; hop < 6; hop++) {
			redirect("/" + hop, 302, "/" + (hop + 1));
		}
		stubFor(get("/6").willReturn(aResponse().withBody(FEED)));

		assertThat(this.fetcher.fetch(request("/0")))
			.isEqualTo(new Failed(FailureKind.TOO_MANY_REDIRECTS, "more than 5 redirects"));
		verify(0, getRequestedFor(urlEqualTo("/6")));
	}

	@Test
	void fetchThroughARedirectLoopIsTooManyRedirects() {
		redirect("/a", 302, "/b");
		redirect("/b", 302, "/a");

		Failed failed = (Failed) this.fetcher.fetch(request("/a"));

		assertThat(failed.kind()).isEqualTo(FailureKind.TOO_MANY_REDIRECTS);
		verify(1, getRequestedFor(urlEqualTo("/a")));
	}

	@Test
	void fetchSendsValidatorsOnEveryHopSoARedirectedFeedCanAnswer304() {
		redirect("/a", 301, "/b");
		stubFor(get("/b").withHeader("If-None-Match", equalTo("\"v1\""))
			.willReturn(aResponse().withStatus(304)));

		FetchOutcome outcome = this.fetcher.fetch(new FetchRequest(url("/a"), "\"v1\"", null, Duration.ofSeconds(5),
				1_000_000));

		assertThat(outcome).isInstanceOf(NotModified.class);
	}

	@Test
	void fetchWhenServerReturns410IsGone() {
		stubFor(get("/a").willReturn(aResponse().withStatus(410)));

		assertThat(this.fetcher.fetch(request("/a"))).isEqualTo(new Failed(FailureKind.GONE, "HTTP 410 Gone"));
	}

	@Test
	void fetchWhenRedirectHasNoLocationIsHttpStatusFailure() {
		stubFor(get("/a").willReturn(aResponse().withStatus(302)));

		assertThat(this.fetcher.fetch(request("/a")))
			.isEqualTo(new Failed(FailureKind.HTTP_STATUS, "HTTP 302 without Location"));
	}

	@Test
	void fetchWhenRedirectPointsPastTheLastPortIsHttpStatusFailure() {
		redirect("/a", 302, "http://localhost:99999/flux");

		assertThat(this.fetcher.fetch(request("/a"))).isEqualTo(new Failed(FailureKind.HTTP_STATUS,
				"HTTP 302 to an unreadable Location: http://localhost:99999/flux"));
	}

	@Test
	void fetchWhenTheChainOutlastsTheDeadlineTimesOut() {
		// Each hop alone answers well within the deadline; the three together do not.
		stubFor(get("/a").willReturn(redirectTo(302, "/b").withFixedDelay(600)));
		stubFor(get("/b").willReturn(redirectTo(302, "/c").withFixedDelay(600)));
		stubFor(get("/c").willReturn(aResponse().withBody(FEED).withFixedDelay(600)));

		FetchOutcome outcome = this.fetcher.fetch(new FetchRequest(url("/a"), null, null, Duration.ofMillis(1_000),
				1_000_000));

		assertThat(outcome).isInstanceOfSatisfying(Failed.class,
				(failed) -> assertThat(failed.kind()).isEqualTo(FailureKind.TIMEOUT));
	}

	@Test
	void fetchRefusesARedirectFromAPublicSourceToAnInternalAddress() {
		// The policy is told that "localhost", the source, is a public address. Only the policy hears it: every
		// request still goes to loopback, and the refused target is loopback too.
		AddressPolicy policy = new AddressPolicy(false, (host) -> new InetAddress[] {
				AddressPolicyTests.literal(host.equals("localhost") ? "93.184.216.34" : host) });
		FeedFetcher strict = new FeedFetcher("Manchette/test", Clock.systemUTC(), policy, new SourcesTime(Clock.systemUTC()));
		String internal = this.base.replace("localhost", "127.0.0.1") + "/interne";
		redirect("/a", 302, internal);
		stubFor(get("/interne").willReturn(aResponse().withBody(FEED)));

		Failed failed = (Failed) strict.fetch(request("/a"));

		assertThat(failed.kind()).isEqualTo(FailureKind.BLOCKED_ADDRESS);
		assertThat(failed.detail()).isEqualTo("redirect to internal address 127.0.0.1 (127.0.0.1) refused");
		verify(0, getRequestedFor(urlEqualTo("/interne")));
	}

	@Test
	void fetchLinkedFromAPublicPageRefusesALinkToAnInternalAddress() {
		AddressPolicy policy = new AddressPolicy(false, (host) -> new InetAddress[] {
				AddressPolicyTests.literal(host.equals("localhost") ? "93.184.216.34" : host) });
		FeedFetcher strict = new FeedFetcher("Manchette/test", Clock.systemUTC(), policy, new SourcesTime(Clock.systemUTC()));
		URI internal = URI.create(this.base.replace("localhost", "127.0.0.1") + "/interne");
		stubFor(get("/interne").willReturn(aResponse().withBody("<html></html>")));

		Failed failed = (Failed) strict.fetchLinkedFrom(url("/fil-info"),
				new FetchRequest(internal, null, null, Duration.ofSeconds(5), 1_000_000, FetchRequest.PAGE));

		assertThat(failed.kind()).isEqualTo(FailureKind.BLOCKED_ADDRESS);
		assertThat(failed.detail()).isEqualTo("link to internal address 127.0.0.1 (127.0.0.1) refused");
		verify(0, getRequestedFor(urlEqualTo("/interne")));
	}

	@Test
	void fetchLinkedFromAPageOnTheSameNetworkAsksForAWebPage() {
		stubFor(get("/article").willReturn(aResponse().withBody("<html></html>")));

		FetchOutcome outcome = this.fetcher.fetchLinkedFrom(url("/fil-info"),
				new FetchRequest(url("/article"), null, null, Duration.ofSeconds(5), 1_000_000, FetchRequest.PAGE));

		assertThat(outcome).isInstanceOf(Fetched.class);
		verify(getRequestedFor(urlEqualTo("/article")).withHeader("Accept", equalTo(FetchRequest.PAGE)));
	}

	private static void redirect(String from, int status, String location) {
		stubFor(get(from).willReturn(redirectTo(status, location)));
	}

	private static ResponseDefinitionBuilder redirectTo(int status, String location) {
		return aResponse().withStatus(status).withHeader("Location", location);
	}

	private FetchRequest request(String path) {
		return new FetchRequest(url(path), null, null, Duration.ofSeconds(5), 1_000_000);
	}

	private URI url(String path) {
		return URI.create(this.base + path);
	}

	private static String body(Fetched fetched) {
		return new String(fetched.body(), StandardCharsets.UTF_8);
	}

}
