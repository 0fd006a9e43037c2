package fr.manchette.web;

import java.io.IOException;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import fr.manchette.config.CurrentFeeds;
import fr.manchette.pipeline.IngestRun;
import fr.manchette.support.FeedsYml;
import fr.manchette.support.SettableClock;
import fr.manchette.support.Sites;
import fr.manchette.support.TestService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Last-Modified of the published documents when the store changes faster than HTTP dates (whole seconds) tell:
 * a client that revalidates by date alone is never told that a copy it took between two changes is current. The
 * service's clock is the test's, which stands still between polls.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "manchette.polling.enabled=false")
@Import(PublishedDatesTests.Time.class)
class PublishedDatesTests {

	private static final Instant START = Instant.parse("2026-03-10T10:00:00.200Z");

	private static final SettableClock CLOCK = new SettableClock(START);

	private static final DateTimeFormatter HTTP_DATE = DateTimeFormatter
		.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US)
		.withZone(ZoneOffset.UTC);

	private static final HttpClient CLIENT = HttpClient.newHttpClient();

	@RegisterExtension
	static WireMockExtension sites = Sites.forTheClass();

	@TempDir
	static Path dir;

	@Autowired
	private IngestRun ingestRun;

	@Autowired
	private CurrentFeeds feeds;

	@LocalServerPort
	private int port;

	private final List<String> stories = new ArrayList<>();

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) throws IOException {
		TestService.use(registry, dir,
				FeedsYml.inZone("UTC").source("fil", "Le Fil", "http://localhost:" + sites.getPort() + "/fil"));
	}

	/** Imported, not nested configuration: the service's clock. */
	static class Time {

		@Bean
		SettableClock clock() {
			return CLOCK;
		}

	}

	@Test
	void changesWithinOneSecondNeverShareADateThatAClientMayHold() throws Exception {
		get(null, null);
		CLOCK.set(START.plusMillis(1_000));
		storeStory("Le Parlement adopte la loi de finances");
		HttpResponse<String> first = get(null, null);
		Instant firstDate = lastModified(first);

		// Another story in the same second: a client that took the first copy and asks by its date gets the new one.
		CLOCK.set(START.plusMillis(1_300));
		storeStory("Le Sénat vote le budget de la culture");
		HttpResponse<String> second = get(null, HTTP_DATE.format(firstDate));

		assertThat(second.statusCode()).isEqualTo(200);
		assertThat(second.body()).contains("Le Sénat vote le budget de la culture");
		Instant secondDate = lastModified(second);
		assertThat(secondDate).isAfter(firstDate).isBeforeOrEqualTo(CLOCK.instant().plusSeconds(1));

		// A third in that second: its date cannot be later still without being more than a second ahead, and a copy
		// of the second change holds it too. No date is sent meanwhile: by date, the full document; by ETag, a 304.
		CLOCK.set(START.plusMillis(1_400));
		storeStory("La Bourse de Casablanca termine en hausse");
		HttpResponse<String> third = get(null, HTTP_DATE.format(secondDate));

		assertThat(third.statusCode()).isEqualTo(200);
		assertThat(third.body()).contains("La Bourse de Casablanca termine en hausse");
		assertThat(third.headers().firstValue("Last-Modified")).isEmpty();
		assertThat(get(null, HTTP_DATE.format(secondDate)).statusCode()).isEqualTo(200);
		HttpResponse<String> byEtag = get(third.headers().firstValue("ETag").orElseThrow(), null);
		assertThat(byEtag.statusCode()).isEqualTo(304);
		assertThat(byEtag.headers().firstValue("Last-Modified")).isEmpty();

		// Two seconds past that date, no change can share the second after it: the third is dated so, by which a copy
		// of it is current, under the same ETag.
		CLOCK.set(START.plusMillis(3_900));
		HttpResponse<String> later = get(null, null);
		assertThat(lastModified(later)).isEqualTo(secondDate.plusSeconds(1));
		assertThat(later.headers().firstValue("ETag")).isEqualTo(third.headers().firstValue("ETag"));
		assertThat(get(null, HTTP_DATE.format(secondDate.plusSeconds(1))).statusCode()).isEqualTo(304);

		// A change seconds later has a date of its own again, and a copy of it is current by its date.
		CLOCK.set(START.plusMillis(5_000));
		storeStory("Le Raja remporte le derby");
		HttpResponse<String> fourth = get(null, HTTP_DATE.format(secondDate));
		assertThat(fourth.statusCode()).isEqualTo(200);
		assertThat(lastModified(fourth)).isEqualTo(CLOCK.instant().minusMillis(200));
		assertThat(get(null, fourth.headers().firstValue("Last-Modified").orElseThrow()).statusCode()).isEqualTo(304);
	}

	/** Serves one more story at /fil, and polls it: a change of the store, at the clock's time. */
	private void storeStory(String title) {
		this.stories.add(title);
		StringBuilder rss = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?><rss version=\"2.0\"><channel>"
				+ "<title>Le Fil</title><link>https://fil.example/</link><description>test</description>");
		for (int i = 0; i < this.stories.size(); i++) {
			rss.append("<item><guid isPermaLink=\"false\">fil-").append(i).append("</guid><title>")
				.append(this.stories.get(i)).append("</title><link>https://fil.example/").append(i)
				.append(".html</link><pubDate>").append(DateTimeFormatter.RFC_1123_DATE_TIME
					.format(ZonedDateTime.ofInstant(START.minus(Duration.ofMinutes(10 - i)), ZoneOffset.UTC)))
				.append("</pubDate></item>");
		}
		sites.stubFor(WireMock.get("/fil")
			.willReturn(WireMock.aResponse().withBody(rss.append("</channel></rss>").toString())));
		assertThat(this.ingestRun.run(this.feeds.get().source("fil").orElseThrow()).inserted()).isEqualTo(1);
	}

	private HttpResponse<String> get(String ifNoneMatch, String ifModifiedSince) throws Exception {
		HttpRequest.Builder request = HttpRequest
			.newBuilder(URI.create("http://localhost:" + this.port + "/headlines.txt"));
		if (ifNoneMatch != null) {
			request.header("If-None-Match", ifNoneMatch);
		}
		if (ifModifiedSince != null) {
			request.header("If-Modified-Since", ifModifiedSince);
		}
		return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	private static Instant lastModified(HttpResponse<String> response) {
		return Instant.from(HTTP_DATE.parse(response.headers().firstValue("Last-Modified").orElseThrow()));
	}

}
